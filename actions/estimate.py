"""The reimbursement estimate: the form's validation (what each message answers) and the explained result.

The questions and their order live in bot.reimbursement.form; this module only connects them to the tracker.
"""
import abc
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT

from actions.conversation import reply_language
from actions.policy import answer_to_clarification, send
from actions.slots import CLEARED_ESTIMATE
from bot.reimbursement import explain_problem, form
from bot.reimbursement.questions import question

FORM_NAME = "reimbursement_form"
ACTION_LISTEN = "action_listen"
# How many requests in a row came in the middle of the estimate without an answer to it (set by
# action_remind_estimate, cleared by every answer): the first gets a one-line reminder, the second lets it lapse.
INTERRUPTIONS = "est_interruptions"
# A message with one of these intents, that does not answer the question just asked, is a different request:
# the form steps aside, the request is answered, and action_remind_estimate follows (data/rules/estimate.yml).
INTERRUPTING_INTENTS = {"greet", "goodbye", "thank", "bot_challenge", "ask_help", "log_out", "cancel"}
INTERRUPTING_PREFIXES = ("ask_", "request_")
# Feedback only counts from its buttons (payload "/feedback_helpful"): typed, "很多钱" can look like praise.
BUTTON_ONLY_INTENTS = {"feedback_helpful", "feedback_not_helpful"}
INTERRUPTION_CONFIDENCE = 0.6  # below it, an unreadable answer is asked again rather than taken as a question
# These win even over an answer the form could read: "no, cancel" is not "no self-funded items".
STOP_INTENTS = {"cancel", "goodbye"}
CLEARED_ANSWERS = [*CLEARED_ESTIMATE, SlotSet(INTERRUPTIONS, None)]
# Said with nothing else ("三甲", "retired") before any estimate: the offer to start one (utter_offer_estimate)
# brings it along when it is accepted.
STAY_DETAIL_INTENT = "inform_stay_detail"
START_PAYLOAD = "/estimate_reimbursement"
REMINDER = {
    "zh": "（住院费用估算还在进行：回答上面的问题即可继续，或说“取消”。）",
    "en": "(The estimate is still open: answer the question above to go on, or say \"cancel\".)",
}
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
        if first_message and text.startswith(START_PAYLOAD):
            text = _detail_before_the_offer(tracker)  # "三甲", then the offer's button: the detail still counts
        language = reply_language(tracker)
        values = dict(tracker.slots)
        # A new estimate starts from nothing, whatever an abandoned one left behind.
        answers: Dict[Text, Any] = {slot: None for slot in form.SLOTS} if first_message else {}
        values.update(answers)
        problems, notes, unanswered = [], [], None
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
                answers[slot] = values[slot] = None
                if reading.recognized:
                    problems.append(reading_problem)
                else:
                    unanswered = unanswered or reading_problem
            else:
                answers[slot] = values[slot] = reading.value
                if reading.restate:
                    notes.append(form.figure_used(slot, reading.value, language))
        if unanswered and not any(answers.get(slot) for slot in form.SLOTS if slot != asked):
            problems.append(unanswered)  # "三甲" at the insurance question answered another one: no complaint
        for line in notes + [explain_problem(problem, language) for problem in problems[:1]]:
            dispatcher.utter_message(text=line)
        missing = [slot for slot in form.required_slots(values) if values.get(slot) is None]
        return [SlotSet(slot, value) for slot, value in answers.items()] + [
            SlotSet(INTERRUPTIONS, None), SlotSet(REQUESTED_SLOT, missing[0] if missing else None)]


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
        values = {slot: tracker.get_slot(slot) for slot in form.SLOTS}
        reply = question(self.slot, reply_language(tracker), values)
        dispatcher.utter_message(text=reply.text, buttons=reply.buttons or None)
        return []


class ActionRemindEstimate(Action):
    """After a request answered in the middle of the estimate: one short line saying it is still open, and the form
    waits for the answer to its question. A second request in a row lets the estimate lapse quietly.

    The request rejected the form; ActiveLoop(form) clears that rejection, so the next message goes to the form
    again, and FollowupAction(action_listen) waits for it (left to the policies, the form would run at once and ask
    its whole question again). A feedback click is no request: the form waits, nothing is said or counted.
    """

    def name(self) -> Text:
        return "action_remind_estimate"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        wait = FollowupAction(ACTION_LISTEN)
        if not tracker.active_loop_name:
            return [wait]
        if (tracker.latest_message.get("intent") or {}).get("name") in BUTTON_ONLY_INTENTS:
            return [ActiveLoop(FORM_NAME), wait]
        if tracker.get_slot(INTERRUPTIONS):
            return [ActiveLoop(None), SlotSet(REQUESTED_SLOT, None), *CLEARED_ANSWERS, wait]
        dispatcher.utter_message(text=REMINDER[reply_language(tracker)])
        return [ActiveLoop(FORM_NAME), SlotSet(INTERRUPTIONS, 1.0), wait]


class ActionOfferEstimate(Action):
    """A lone stay detail ("三甲") with no estimate under way: utter_offer_estimate offers one (or the settlement
    rules); a word that only looked like a detail to the NLU gets the ask-to-rephrase reply instead. Right after
    a policy topic's clarifying question, "退休了" or "居民医保" is the answer to it."""

    def name(self) -> Text:
        return "action_offer_estimate"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        clarified, events = answer_to_clarification(tracker)
        if clarified:
            send(dispatcher, clarified)
            return events
        detail = form.says_a_stay_detail(tracker.latest_message.get("text") or "")
        dispatcher.utter_message(response="utter_offer_estimate" if detail else "utter_ask_rephrase")
        return []


def _detail_before_the_offer(tracker: Tracker) -> str:
    """The text of the user's message before this one if it was a lone stay detail ("三甲"), else ""."""
    users = [event for event in tracker.events if event.get("event") == "user"]
    previous = users[-2] if len(users) > 1 else {}
    intent = ((previous.get("parse_data") or {}).get("intent") or {}).get("name")
    return previous.get("text") or "" if intent == STAY_DETAIL_INTENT else ""


ASK_ACTIONS = [type(f"Ask_{slot}", (AskForEstimateAnswer,), {"slot": slot}) for slot in form.SLOTS]
