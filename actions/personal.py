"""Personal services: the identity check and the look-ups it unlocks.

Dialogue state (which step, which service was asked for) lives in slots that only these actions set;
whether a conversation is verified lives in the database (bot.identity.sessions), never in a slot.
"""
import abc
import datetime
import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from actions.conversation import reply_language
from bot.accounts.lookup import look_up, requested_period
from bot.accounts.replies import service_menu
from bot.db.engine import session_scope
from bot.db.models import InsuredPerson
from bot.identity import audit, codes, replies, sessions, tokens
from bot.identity.codes import CheckStatus, RequestStatus
from bot.identity.id_numbers import check_id_number, find_id_candidate
from bot.identity.sms import configured_sender
from bot.reply import Reply

logger = logging.getLogger(__name__)

REQUESTED_SLOT = "requested_slot"  # the question a Rasa form is waiting for
AWAITING_CONSENT, AWAITING_ID_NUMBER, AWAITING_CODE = "awaiting_consent", "awaiting_id_number", "awaiting_code"
MAX_INVALID_ID_NUMBERS = 3
SERVICE_BY_INTENT = {
    "request_balance": "balance", "request_spending": "spending", "request_claims": "claims",
    "request_claim_detail": "claim_detail", "request_contributions": "contributions",
    "request_yearly_totals": "yearly_totals",
}
RESET_CHECK = [SlotSet("identity_step", None), SlotSet("invalid_id_entries", 0)]


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def _send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    dispatcher.utter_message(text=reply.text, buttons=reply.buttons or None)


class PersonalAction(Action, abc.ABC):
    """Runs `handle` in one database transaction; a database failure still gets a useful reply.

    Abstract, so the action server does not register it as an action of its own.
    """

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        language = reply_language(tracker)
        try:
            with session_scope() as session:
                return self.handle(session, dispatcher, tracker, language)
        except SQLAlchemyError:
            logger.exception("Personal-records database unavailable in %s", self.name())
            dispatcher.utter_message(text=replies.TEXTS["records_unavailable"][language])
            return []

    @abc.abstractmethod
    def handle(self, session: Session, dispatcher: CollectingDispatcher, tracker: Tracker,
               language: str) -> List[EventType]:
        """The step itself, inside the transaction."""


def _verified_person(session: Session, dispatcher: CollectingDispatcher, tracker: Tracker,
                     language: str) -> InsuredPerson | None:
    """The person this conversation is verified as: by a signed token in the message, or by an earlier check."""
    conversation_id, now = tracker.sender_id, _now()
    token = (tracker.latest_message.get("metadata") or {}).get(tokens.METADATA_KEY)
    if token:
        try:
            id_number = tokens.verify_token(token)
        except tokens.TokenRejected as rejected:
            audit.record(session, conversation_id, "token_rejected", detail=rejected.problem.value, now=now)
            key = "token_expired" if rejected.problem == tokens.TokenProblem.EXPIRED else "token_invalid"
            _send(dispatcher, replies.text(key, language))
            return sessions.verified_person(session, conversation_id, now)
        person = codes.person_with_id_number(session, id_number)
        if person is None:
            _send(dispatcher, replies.text("token_not_registered", language))
            return None
        current = sessions.verified_person(session, conversation_id, now)
        if current is None or current.id != person.id:
            sessions.mark_verified(session, conversation_id, person, "token", now)
            audit.record(session, conversation_id, "verified_by_token", person.id_number, now=now)
        return person
    return sessions.verified_person(session, conversation_id, now)


def _run_requested(session: Session, dispatcher: CollectingDispatcher, tracker: Tracker, person: InsuredPerson,
                   language: str, slots: Dict[Text, Any] | None = None) -> None:
    """The look-up the user asked for before the check (slots), or just now (the events about to be set)."""
    values = {name: tracker.get_slot(name) for name in ("requested_service", "requested_period", "claim_reference")}
    values.update(slots or {})
    _send(dispatcher, look_up(session, tracker.sender_id, person, values["requested_service"] or "balance", language,
                              period=values["requested_period"], claim_reference=values["claim_reference"]))


def _what_to_look_up(dispatcher: CollectingDispatcher, language: str) -> None:
    _send(dispatcher, Reply(replies.TEXTS["what_to_look_up"][language], service_menu(language)))


def _reply_to_code_request(dispatcher: CollectingDispatcher, language: str,
                           outcome: codes.RequestOutcome) -> List[EventType]:
    if outcome.status == RequestStatus.LOCKED:
        _send(dispatcher, replies.locked(outcome.wait, language))
        return RESET_CHECK
    if outcome.status == RequestStatus.TOO_SOON:
        _send(dispatcher, replies.too_soon(outcome.wait, language))
    else:
        _send(dispatcher, replies.text("code_sent", language))
    return [SlotSet("identity_step", AWAITING_CODE), SlotSet("invalid_id_entries", 0)]


class ActionRequestPersonalService(PersonalAction):
    def name(self) -> Text:
        return "action_request_personal_service"

    def handle(self, session, dispatcher, tracker, language):
        message = tracker.latest_message
        service = SERVICE_BY_INTENT.get((message.get("intent") or {}).get("name"), "balance")
        reference = next((e.get("value") for e in message.get("entities", []) if e.get("entity") == "claim_reference"),
                         None)
        # Only the month or year named is kept, never the request's text (it could hold an ID number).
        slots = {"requested_service": service, "claim_reference": reference,
                 "requested_period": requested_period(service, message.get("text") or "", datetime.date.today())}
        events = [SlotSet(name, value) for name, value in slots.items()]
        if tracker.active_loop_name:  # asked in the middle of the estimate: that ends it
            events = [ActiveLoop(None), SlotSet(REQUESTED_SLOT, None)] + events
        person = _verified_person(session, dispatcher, tracker, language)
        if person:
            _run_requested(session, dispatcher, tracker, person, language, slots)
            return events + RESET_CHECK
        _send(dispatcher, replies.consent_request(language))
        return events + [SlotSet("identity_step", AWAITING_CONSENT)]


class ActionAnswerConsent(PersonalAction):
    """Yes or no to the consent question; out of that context, a polite prompt."""

    def name(self) -> Text:
        return "action_answer_consent"

    def handle(self, session, dispatcher, tracker, language):
        agreed = (tracker.latest_message.get("intent") or {}).get("name") == "affirm"
        if tracker.get_slot("identity_step") != AWAITING_CONSENT:
            if agreed:
                _what_to_look_up(dispatcher, language)
            else:
                _send(dispatcher, replies.text("anything_else", language))
            return []
        if not agreed:
            _send(dispatcher, replies.text("consent_declined", language))
            return RESET_CHECK + [SlotSet("requested_service", None)]
        audit.record(session, tracker.sender_id, "consent_given", now=_now())
        _send(dispatcher, replies.text("ask_id_number", language))
        return [SlotSet("identity_step", AWAITING_ID_NUMBER), SlotSet("invalid_id_entries", 0)]


class ActionHandleIdentityInput(PersonalAction):
    """An ID number or a code typed by the user, told apart by its length rather than by the intent."""

    def name(self) -> Text:
        return "action_handle_identity_input"

    def handle(self, session, dispatcher, tracker, language):
        text = tracker.latest_message.get("text") or ""
        step = tracker.get_slot("identity_step")
        candidate = find_id_candidate(text)
        if candidate:
            return self._id_number(session, dispatcher, tracker, language, candidate, step)
        code = codes.find_code(text)
        if code and step == AWAITING_CODE:
            return self._code(session, dispatcher, tracker, language, code)
        if step == AWAITING_ID_NUMBER:
            _send(dispatcher, replies.text("ask_id_number", language))
        else:
            _send(dispatcher, replies.text("no_code", language))
        return []

    def _id_number(self, session, dispatcher, tracker, language, candidate, step):
        conversation_id, now = tracker.sender_id, _now()
        if step == AWAITING_CONSENT:
            _send(dispatcher, replies.consent_request(language))
            return []
        current = sessions.verified_person(session, conversation_id, now)
        if step is None and current is None:
            _what_to_look_up(dispatcher, language)
            return []
        check = check_id_number(candidate)
        if not check.valid:
            invalid = int(tracker.get_slot("invalid_id_entries") or 0) + 1
            if invalid >= MAX_INVALID_ID_NUMBERS:
                _send(dispatcher, replies.text("too_many_invalid", language))
                return RESET_CHECK + [SlotSet("requested_service", None)]
            _send(dispatcher, replies.id_problem(check.problem, check.normalized, language))
            return [SlotSet("identity_step", AWAITING_ID_NUMBER), SlotSet("invalid_id_entries", invalid)]
        if current is not None and current.id_number == check.normalized:
            _send(dispatcher, replies.verified(current.id_number, language))
            _run_requested(session, dispatcher, tracker, current, language)
            return RESET_CHECK
        if current is not None:  # a different person: the earlier verification does not carry over
            sessions.end_verification(session, conversation_id)
            audit.record(session, conversation_id, "switched_id_number", current.id_number, now=now)
        outcome = codes.request_code(session, conversation_id, check.normalized, configured_sender(session),
                                     language, now)
        audit.record(session, conversation_id, f"code_{outcome.status.value}", check.normalized, now=now)
        return _reply_to_code_request(dispatcher, language, outcome)

    def _code(self, session, dispatcher, tracker, language, code):
        conversation_id, now = tracker.sender_id, _now()
        outcome = codes.check_code(session, conversation_id, code, now)
        audit.record(session, conversation_id, f"code_check_{outcome.status.value}",
                     outcome.person.id_number if outcome.person else None, now=now)
        if outcome.status == CheckStatus.VERIFIED:
            sessions.mark_verified(session, conversation_id, outcome.person, "sms", now)
            _send(dispatcher, replies.verified(outcome.person.id_number, language))
            _run_requested(session, dispatcher, tracker, outcome.person, language)
            return RESET_CHECK
        if outcome.status == CheckStatus.WRONG:
            _send(dispatcher, replies.wrong_code(outcome.codes_left, language))
            return []
        if outcome.status == CheckStatus.LOCKED:
            _send(dispatcher, replies.locked(outcome.locked_until - now, language))
            return RESET_CHECK
        _send(dispatcher, replies.text("expired" if outcome.status == CheckStatus.EXPIRED else "no_code", language))
        return []


class ActionResendCode(PersonalAction):
    def name(self) -> Text:
        return "action_resend_code"

    def handle(self, session, dispatcher, tracker, language):
        outcome = None
        if tracker.get_slot("identity_step") == AWAITING_CODE:
            outcome = codes.resend_code(session, tracker.sender_id, configured_sender(session), language, _now())
        if outcome is None:
            _send(dispatcher, replies.text("no_code", language))
            return []
        audit.record(session, tracker.sender_id, f"code_resend_{outcome.status.value}", now=_now())
        return _reply_to_code_request(dispatcher, language, outcome)


class ActionLogOut(PersonalAction):
    def name(self) -> Text:
        return "action_log_out"

    def handle(self, session, dispatcher, tracker, language):
        ended = sessions.end_verification(session, tracker.sender_id)
        if ended:
            audit.record(session, tracker.sender_id, "logged_out", now=_now())
        _send(dispatcher, replies.text("logged_out" if ended else "not_logged_in", language))
        return RESET_CHECK + [SlotSet("requested_service", None)]
