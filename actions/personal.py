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

from actions.conversation import reply_language, server_metadata
from bot.accounts.lookup import look_up, requested_period
from bot.accounts.replies import service_menu
from bot.db.engine import session_scope
from bot.db.models import InsuredPerson
from bot.identity import audit, codes, replies, sessions
from bot.identity.codes import CheckStatus, RequestStatus
from bot.identity.id_numbers import check_id_number, find_id_candidate
from bot.identity.limits import Limit
from bot.identity.sms import configured_sender
from bot.identity.token_sign_in import TokenOutcome
from bot.message_metadata import CLIENT, TOKEN_OUTCOME
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
# A token that came with this message and did not verify the conversation: what the person is told.
TOKEN_PROBLEM_REPLIES = {
    TokenOutcome.EXPIRED: "token_expired", TokenOutcome.INVALID: "token_invalid",
    TokenOutcome.NOT_CONFIGURED: "token_invalid", TokenOutcome.USED_ELSEWHERE: "token_invalid",
    TokenOutcome.NOT_REGISTERED: "token_not_registered", TokenOutcome.SIGNED_OUT_HERE: "token_after_log_out",
}


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def _send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    dispatcher.utter_message(text=reply.text, buttons=reply.buttons or None)


def _client(tracker: Tracker) -> str | None:
    """The keyed hash of the client's address that the channel vouches for; None when unknown."""
    return server_metadata(tracker).get(CLIENT)


def _stopped_by(outcome: codes.RequestOutcome | codes.CheckOutcome) -> str | None:
    """For the audit entry: which limit stopped the request or entry, if one did."""
    return outcome.stop.limit.value if outcome.stop else None


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
    """The person this conversation is verified as (by an SMS code, or by a host website's token that the
    channel accepted). When a token came with this message but did not verify it, the reply says why."""
    person = sessions.verified_person(session, tracker.sender_id, _now())
    if person is None:
        reply_key = TOKEN_PROBLEM_REPLIES.get(server_metadata(tracker).get(TOKEN_OUTCOME))
        if reply_key:
            _send(dispatcher, replies.text(reply_key, language))
    return person


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
    if outcome.status == RequestStatus.SENT_IF_REGISTERED:
        _send(dispatcher, replies.text("code_sent", language))
    else:
        _send(dispatcher, replies.stopped(outcome.stop, language))
        if outcome.stop.limit != Limit.RESEND_INTERVAL:  # only then is a code from a moment ago still waiting
            return RESET_CHECK
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
                                     language, now, client=_client(tracker))
        audit.record(session, conversation_id, f"code_{outcome.status.value}", check.normalized,
                     detail=_stopped_by(outcome), now=now)
        return _reply_to_code_request(dispatcher, language, outcome)

    def _code(self, session, dispatcher, tracker, language, code):
        conversation_id, now = tracker.sender_id, _now()
        outcome = codes.check_code(session, conversation_id, code, now, client=_client(tracker))
        audit.record(session, conversation_id, f"code_check_{outcome.status.value}",
                     outcome.person.id_number if outcome.person else None, detail=_stopped_by(outcome), now=now)
        if outcome.status == CheckStatus.VERIFIED:
            sessions.mark_verified(session, conversation_id, outcome.person, "sms", now)
            _send(dispatcher, replies.verified(outcome.person.id_number, language))
            _run_requested(session, dispatcher, tracker, outcome.person, language)
            return RESET_CHECK
        if outcome.status == CheckStatus.WRONG:
            _send(dispatcher, replies.wrong_code(outcome.codes_left, language))
            return []
        if outcome.status == CheckStatus.STOPPED:
            _send(dispatcher, replies.stopped(outcome.stop, language))
            return RESET_CHECK
        _send(dispatcher, replies.text("expired" if outcome.status == CheckStatus.EXPIRED else "no_code", language))
        return []


class ActionResendCode(PersonalAction):
    def name(self) -> Text:
        return "action_resend_code"

    def handle(self, session, dispatcher, tracker, language):
        outcome, now = None, _now()
        if tracker.get_slot("identity_step") == AWAITING_CODE:
            outcome = codes.resend_code(session, tracker.sender_id, configured_sender(session), language, now,
                                        client=_client(tracker))
        if outcome is None:
            _send(dispatcher, replies.text("no_code", language))
            return []
        audit.record(session, tracker.sender_id, f"code_resend_{outcome.status.value}", detail=_stopped_by(outcome),
                     now=now)
        return _reply_to_code_request(dispatcher, language, outcome)


class ActionLogOut(PersonalAction):
    def name(self) -> Text:
        return "action_log_out"

    def handle(self, session, dispatcher, tracker, language):
        ended = sessions.sign_out(session, tracker.sender_id, _now())
        if ended:
            audit.record(session, tracker.sender_id, "logged_out", now=_now())
        _send(dispatcher, replies.text("logged_out" if ended else "not_logged_in", language))
        return RESET_CHECK + [SlotSet("requested_service", None)]
