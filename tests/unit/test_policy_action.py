"""action_answer_policy and the answer to its clarifying question, run on trackers built the way Rasa builds them."""
import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.estimate import ActionOfferEstimate
from actions.policy import CLARIFYING_TOPIC, ActionAnswerPolicy
from actions.suggestions import ActionSuggestTopics
from bot.knowledge import load_topics, render_answer

FILING = {t.id: t for t in load_topics()}["cross_region_filing"]


class Conversation:
    def __init__(self, language="zh"):
        self.slots = {"language": language}
        self.events = []

    def run(self, action, intent, text, entities=None, active_loop=None):
        message = {"intent": {"name": intent, "confidence": 0.9}, "text": text, "entities": entities or [],
                   "intent_ranking": [{"name": intent, "confidence": 0.9}]}
        self.events += [{"event": "action", "name": "action_listen"},
                        {"event": "user", "text": text, "parse_data": message}]
        tracker = Tracker("someone", dict(self.slots), message, list(self.events), False, None,
                          {"name": active_loop} if active_loop else {}, "action_listen")
        dispatcher = CollectingDispatcher()
        events = asyncio.run(action.run(dispatcher, tracker, {}))
        self.slots.update({e["name"]: e["value"] for e in events if e["event"] == "slot"})
        self.events += [{"event": "action", "name": action.name()}, *events]
        return dispatcher.messages


def test_the_question_without_its_case_asks_and_remembers_the_topic():
    conversation = Conversation()
    [reply] = conversation.run(ActionAnswerPolicy(), "ask_cross_region_filing", "去外地看病要备案吗")
    assert reply["text"] == FILING.clarification.question["zh"]
    assert conversation.slots[CLARIFYING_TOPIC] == "cross_region_filing"


def test_a_lone_detail_right_after_the_question_is_its_answer_and_the_topic_is_forgotten():
    conversation = Conversation()
    conversation.run(ActionAnswerPolicy(), "ask_cross_region_filing", "去外地看病要备案吗")
    [reply] = conversation.run(ActionOfferEstimate(), "inform_stay_detail", "退休了")
    assert reply["text"] == render_answer(FILING, "zh", FILING.case("long_term"))
    assert conversation.slots[CLARIFYING_TOPIC] is None


def test_a_miss_right_after_the_question_that_names_a_case_is_its_answer():
    conversation = Conversation("en")
    conversation.run(ActionAnswerPolicy(), "ask_cross_region_filing", "do I need to file before treatment elsewhere")
    [reply] = conversation.run(ActionSuggestTopics(), "nlu_fallback", "just visiting my daughter")
    assert reply["text"] == render_answer(FILING, "en", FILING.case("temporary"))


def test_the_same_words_after_another_reply_are_not_taken_as_the_answer():
    conversation = Conversation()
    conversation.run(ActionAnswerPolicy(), "ask_cross_region_filing", "去外地看病要备案吗")
    conversation.run(ActionSuggestTopics(), "nlu_fallback", "嗯嗯嗯")
    [reply] = conversation.run(ActionOfferEstimate(), "inform_stay_detail", "退休了")
    assert reply.get("response") == "utter_offer_estimate"


def test_mid_estimate_the_question_gets_the_general_answer_not_a_second_question():
    conversation = Conversation()
    [reply] = conversation.run(ActionAnswerPolicy(), "ask_cross_region_filing", "去外地看病要备案吗",
                               active_loop="reimbursement_form")
    assert reply["text"] == render_answer(FILING, "zh")
    assert conversation.slots[CLARIFYING_TOPIC] is None


def test_a_button_chooses_the_case():
    conversation = Conversation("en")
    payload = '/ask_cross_region_filing{"policy_case": "long_term"}'
    [reply] = conversation.run(ActionAnswerPolicy(), "ask_cross_region_filing", payload,
                               entities=[{"entity": "policy_case", "value": "long_term"}])
    assert reply["text"] == render_answer(FILING, "en", FILING.case("long_term"))
