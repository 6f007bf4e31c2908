"""Personal services: a thin adapter from Rasa to the identity check in bot/identity/check.py.

Every message of a personal-service conversation comes here (data/rules/personal.yml). The step and the
look-up asked for live in slots that only this action sets; whether a conversation is verified lives in
the database (bot.identity.sessions), never in a slot.
"""
import datetime
import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT
from sqlalchemy.exc import SQLAlchemyError

from actions.conversation import entity_value, reply_language, server_metadata
from actions.slots import identity_slots, identity_state
from bot.db.engine import session_scope
from bot.identity import check, replies
from bot.identity.check import Kind, Step
from bot.identity.records import DatabaseRecords
from bot.identity.token_sign_in import TokenOutcome
from bot.message_metadata import CLIENT, TOKEN_OUTCOME

logger = logging.getLogger(__name__)

# A token that came with this message and did not verify the conversation: what the person is told.
TOKEN_PROBLEM_REPLIES = {
    TokenOutcome.EXPIRED: "token_expired", TokenOutcome.INVALID: "token_invalid",
    TokenOutcome.NOT_CONFIGURED: "token_invalid", TokenOutcome.USED_ELSEWHERE: "token_invalid",
    TokenOutcome.NOT_REGISTERED: "token_not_registered", TokenOutcome.SIGNED_OUT_HERE: "token_after_log_out",
}
# Asking for one's own records in the middle of the estimate ends the estimate.
LEAVES_THE_ESTIMATE = (Kind.SERVICE, Kind.AMBIGUOUS_BALANCE, Kind.ID_NUMBER)
SUGGEST_TOPICS = "action_suggest_topics"
SECOND_CHOICE_MIN_CONFIDENCE = 0.1  # below it the model's next-best intent is noise


def _previous_action(tracker: Tracker) -> str | None:
    """The last action before the latest user message."""
    before = tracker.events[:max((i for i, e in enumerate(tracker.events) if e.get("event") == "user"), default=0)]
    names = [e.get("name") for e in before if e.get("event") == "action" and e.get("name") != "action_listen"]
    return names[-1] if names else None


def _second_choice(latest: dict, intent: str) -> str | None:
    ranking = [item for item in latest.get("intent_ranking") or []
               if item.get("name") not in (intent, "nlu_fallback")]
    best = ranking[0] if ranking else {}
    return best.get("name") if (best.get("confidence") or 0) >= SECOND_CHOICE_MIN_CONFIDENCE else None
def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def _message(tracker: Tracker, step: Step | None, language: str) -> check.Message:
    latest = tracker.latest_message
    reference = entity_value(tracker, "claim_reference")
    intent = (latest.get("intent") or {}).get("name") or ""
    return check.read_message(intent, latest.get("text") or "", step, language, datetime.date.today(),
                              claim_reference=reference,
                              token_problem=TOKEN_PROBLEM_REPLIES.get(server_metadata(tracker).get(TOKEN_OUTCOME)),
                              second_choice=_second_choice(latest, intent))


class ActionPersonalService(Action):
    def name(self) -> Text:
        return "action_personal_service"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        language = reply_language(tracker)
        state = identity_state(tracker)
        message = _message(tracker, state.step, language)
        try:
            with session_scope() as session:
                records = DatabaseRecords(session, tracker.sender_id, language, _now(),
                                          client=server_metadata(tracker).get(CLIENT))
                outcome = check.advance(state, message, records)
        except SQLAlchemyError:
            logger.exception("Personal-records database unavailable")
            dispatcher.utter_message(text=replies.TEXTS["records_unavailable"][language])
            return []
        if outcome.answer_topic:
            dispatcher.utter_message(response=f"utter_{outcome.answer_topic}")
        for reply in outcome.replies:
            dispatcher.utter_message(text=reply.text, buttons=reply.buttons or None)
        events = identity_slots(outcome.state)
        leaves = message.kind in LEAVES_THE_ESTIMATE or (message.kind == Kind.FOLLOW_UP and state.request)
        if tracker.active_loop_name and leaves:
            events = [ActiveLoop(None), SlotSet(REQUESTED_SLOT, None)] + events
        if outcome.suggest:  # not a message for the check after all: a miss, with the misses' own rules
            if _previous_action(tracker) == SUGGEST_TOPICS:
                dispatcher.utter_message(response="utter_human_help")
            else:
                events.append(FollowupAction(SUGGEST_TOPICS))
        return events
