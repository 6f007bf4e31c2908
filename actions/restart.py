""""/restart" starts the conversation again from nothing, so it also ends the verification the old one had."""
import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, Restarted
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.conversation import reply_language
from bot.db.engine import session_scope
from bot.identity import replies, sessions

logger = logging.getLogger(__name__)


class ActionRestart(Action):
    """Replaces Rasa's default action_restart (listed in domain.yml under the same name)."""

    def name(self) -> Text:
        return "action_restart"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        try:
            with session_scope() as session:
                sessions.end_verification(session, tracker.sender_id)
        except SQLAlchemyError:  # the conversation may not restart while a verification could outlive it
            logger.exception("Personal-records database unavailable on restart")
            dispatcher.utter_message(text=replies.TEXTS["records_unavailable"][reply_language(tracker)])
            return []
        dispatcher.utter_message(response="utter_restart")
        return [Restarted()]
