"""action_suggest_topics: the first miss offers the closest topics (bot/suggestions.py) instead of a dead end,
unless it answers the clarifying question just asked ("just visiting" after "long-term or temporary?")."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import reply_language
from actions.policy import answer_to_clarification, send
from bot.suggestions import did_you_mean


class ActionSuggestTopics(Action):
    def name(self) -> Text:
        return "action_suggest_topics"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        clarified, events = answer_to_clarification(tracker)
        if clarified:
            send(dispatcher, clarified)
            return events
        send(dispatcher, did_you_mean(tracker.latest_message.get("intent_ranking") or [], reply_language(tracker)))
        return []
