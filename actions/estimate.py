"""The reimbursement estimate: the form's validation (what each message answers) and the explained result.

The questions and their order live in bot.reimbursement.form; this module only connects them to the tracker.
"""
import abc
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import reply_language
from actions.personal import REQUESTED_SLOT
from bot.reimbursement import explain_problem, form
from bot.reimbursement.questions import question

FORM_NAME = "reimbursement_form"
# A message with one of these intents, that does not answer the question just asked, is a different request:
# the form steps aside, the request is answered, and the form asks its question again (data/rules/estimate.yml).
INTERRUPTING_INTENTS = {"greet", "goodbye", "thank", "bot_challenge", "ask_help", "log_out", "cancel"}
INTERRUPTING_PREFIXES = ("ask_", "request_")
# Feedback only counts from its buttons (payload "/feedback_helpful"): typed, "很多钱" can look like praise.
BUTTON_ONLY_INTENTS = {"feedback_helpful", "feedback_not_helpful"}
INTERRUPTION_CONFIDENCE = 0.6  # below it, an unreadable answer is asked again rather than taken as a question
# These win even over an answer the form could read: "no, cancel" is not "no self-funded items".
STOP_INTENTS = {"cancel", "goodbye"}
CLEARED_ANSWERS = [SlotSet(slot, None) for slot in form.SLOTS]
AGAIN_BUTTONS = {
    "zh": [{"title": "再估算一次", "payload": "/estimate_reimbursement"},
           {"title": "住院结算政策", "payload": "/ask_hospital_settlement"}],
    "en": [{"title": "Another estimate", "payload": "/estimate_reimbursement"},
           {"title": "How settlement works", "payload": "/ask_hospital_settlement"}],
}


def _confident_intent(message: Dict[Text, Any]) -> str:
    intent = message.get("intent") or {}
    return intent.get("name") or "" if (intent.get("confidence") or 0) >= INTERRUPTION_CONFIDENCE else ""


def is_interruption(message: Dict[Text, Any]) -> bool:
    name = (message.get("intent") or {}).get("name") or ""
    if name in BUTTON_ONLY_INTENTS:
        return (message.get("text") or "").startswith("/")
    name = _confident_intent(message)
    return bool(name) and (name in INTERRUPTING_INTENTS or name.startswith(INTERRUPTING_PREFIXES))


def is_stop(message: Dict[Text, Any]) -> bool:
    return _confident_intent(message) in STOP_INTENTS


class ValidateReimbursementForm(FormValidationAction):
    """Reads every answer the latest message gives, and names the next question (None when all are answered)."""

    def name(self) -> Text:
        return f"validate_{FORM_NAME}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        message = tracker.latest_message
        text = message.get("text") or ""
        asked = tracker.get_slot(REQUESTED_SLOT)
        first_message = asked is None  # Rasa activates the form before this runs, so only no question says it
        if asked and is_stop(message):
            return [SlotSet(REQUESTED_SLOT, asked)]  # rejected: the cancel or goodbye rule takes over
        values = dict(tracker.slots)
        # A new estimate starts from nothing, whatever an abandoned one left behind.
        answers: Dict[Text, Any] = {slot: None for slot in form.SLOTS} if first_message else {}
        values.update(answers)
        problem = None
        for slot in form.SLOTS:
            if slot not in form.required_slots(values):
                continue
            reading = form.read(slot, text, asked=slot == asked, first_message=first_message)
            if reading is None:
                continue
            if slot == asked and not reading.recognized and is_interruption(message):
                return [SlotSet(REQUESTED_SLOT, asked)]  # nothing filled: the form is rejected, the rules answer
            reading_problem = reading.problem or (
                form.check_self_funded(values, reading.value) if slot == form.SELF_FUNDED else None)
            if reading_problem:
                problem = problem or reading_problem
                answers[slot] = values[slot] = None
            else:
                answers[slot] = values[slot] = reading.value
        if problem:
            dispatcher.utter_message(text=explain_problem(problem, reply_language(tracker)))
        missing = [slot for slot in form.required_slots(values) if values.get(slot) is None]
        return [SlotSet(slot, value) for slot, value in answers.items()] + [
            SlotSet(REQUESTED_SLOT, missing[0] if missing else None)]


class ActionExplainEstimate(Action):
    """The estimate step by step once the form is complete; the answers are then cleared for the next one."""

    def name(self) -> Text:
        return "action_explain_estimate"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        language = reply_language(tracker)
        values = {slot: tracker.get_slot(slot) for slot in form.SLOTS}
        dispatcher.utter_message(text=form.estimate_reply(values, language), buttons=AGAIN_BUTTONS[language])
        return CLEARED_ANSWERS


class AskForEstimateAnswer(Action, abc.ABC):
    """The form's question for one slot (Rasa runs `action_ask_<slot>`); one subclass per slot below."""

    @property
    @abc.abstractmethod
    def slot(self) -> str:
        """The slot asked for; a plain class attribute in each subclass."""

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        reply = question(self.slot, reply_language(tracker))
        dispatcher.utter_message(text=reply.text, buttons=reply.buttons or None)
        return []


ASK_ACTIONS = [type(f"Ask_{slot}", (AskForEstimateAnswer,), {"slot": slot}) for slot in form.SLOTS]
