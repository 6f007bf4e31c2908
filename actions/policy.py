"""action_answer_policy: the policy topics whose answer depends on the person (bot/knowledge/cases.py).

Such a topic's question gets its case's answer, or the clarifying question; the reply to that question (a button,
or typed words such as "退休了" or "just visiting") then gets the case's answer. The other topics are answered
by their generated responses (bot/knowledge/export_training_data.py).
"""
import functools
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import entity_value, reply_language
from bot.knowledge import INTENT_PREFIX, Topic, load_topics
from bot.knowledge.cases import CASE_ENTITY, answer, named_case, reply_to
from bot.reply import Reply

ACTION_NAME = "action_answer_policy"
CLARIFYING_TOPIC = "clarifying_topic"  # the topic whose clarifying question was just asked


@functools.lru_cache(maxsize=1)
def topics() -> Dict[str, Topic]:
    """Every topic by id, read once per process on first use (nothing is read at import)."""
    return {topic.id: topic for topic in load_topics()}


def topic_of_intent(intent: str | None) -> Topic | None:
    return topics().get(intent[len(INTENT_PREFIX):]) if intent and intent.startswith(INTENT_PREFIX) else None


def send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    dispatcher.utter_message(text=reply.text, buttons=reply.buttons)


def pending_clarification(tracker: Tracker) -> Topic | None:
    """The topic whose clarifying question is the assistant's last action before this message, if any."""
    users = [index for index, event in enumerate(tracker.events) if event.get("event") == "user"]
    before_this_message = tracker.events[:users[-1]] if users else []
    last_actions = [e.get("name") for e in before_this_message
                    if e.get("event") == "action" and e.get("name") != "action_listen"]
    if not last_actions or last_actions[-1] != ACTION_NAME:
        return None
    return topics().get(tracker.get_slot(CLARIFYING_TOPIC) or "")


def answer_to_clarification(tracker: Tracker) -> tuple[Reply | None, List[EventType]]:
    """The case's answer when this message says the case that the clarifying question just asked for."""
    topic = pending_clarification(tracker)
    case = named_case(topic, tracker.latest_message.get("text") or "") if topic else None
    if case is None:
        return None, []
    return answer(topic, reply_language(tracker), case), [SlotSet(CLARIFYING_TOPIC, None)]


class ActionAnswerPolicy(Action):
    def name(self) -> Text:
        return ACTION_NAME

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        latest = tracker.latest_message
        topic = topic_of_intent((latest.get("intent") or {}).get("name"))
        if topic is None:  # a lone situation ("临时出差"): the reply to the clarifying question, if one was asked
            reply, events = answer_to_clarification(tracker)
            if reply is None:
                dispatcher.utter_message(response="utter_ask_rephrase")
                return []
            send(dispatcher, reply)
            return events
        chosen = entity_value(tracker, CASE_ENTITY)
        # Mid-estimate a clarifying question would compete with the form's: the general answer instead.
        may_ask = not tracker.active_loop.get("name")
        reply, asked = reply_to(topic, reply_language(tracker), latest.get("text") or "", chosen, may_ask)
        send(dispatcher, reply)
        return [SlotSet(CLARIFYING_TOPIC, topic.id if asked else None)]
