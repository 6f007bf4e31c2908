"""action_suggest_topics: the first miss offers the closest topics (bot/suggestions.py) instead of a dead end."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import reply_language
from bot.suggestions import did_you_mean


class ActionSuggestTopics(Action):
    def name(self) -> Text:
        return "action_suggest_topics"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        reply = did_you_mean(tracker.latest_message.get("intent_ranking") or [], reply_language(tracker))
        dispatcher.utter_message(text=reply.text, buttons=reply.buttons)
        return []
