"""action_store_feedback: records a "was this helpful?" answer and thanks the user."""
import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import last_policy_topic, reply_language
from bot.db.engine import session_scope
from bot.feedback import feedback_reply, record_feedback

logger = logging.getLogger(__name__)


class ActionStoreFeedback(Action):
    def name(self) -> Text:
        return "action_store_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        language = reply_language(tracker)
        helpful = tracker.latest_message.get("intent", {}).get("name") == "feedback_helpful"
        try:
            with session_scope() as session:
                record_feedback(session, helpful=helpful, topic=last_policy_topic(tracker), language=language)
            saved = True
        except Exception:  # the user must still get an answer when the database is down
            logger.exception("Could not store feedback")
            saved = False
        dispatcher.utter_message(text=feedback_reply(helpful, saved, language))
        return []
