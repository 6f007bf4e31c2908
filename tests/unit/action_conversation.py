"""Drives the personal-service action the way Rasa would: slots carried over, events applied."""
import asyncio
import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.personal import ActionPersonalService
from bot.db.engine import session_scope
from bot.db.models import SmsOutbox


class ActionConversation:
    def __init__(self, sender_id: str, language: str = "zh"):
        self.sender_id = sender_id
        self.slots = {"language": language}
        self.events = []

    def say(self, intent: str, text: str = "", metadata: dict | None = None, entities: list | None = None) -> list[str]:
        """Runs the action the rules send every personal-service intent to; returns the texts sent."""
        action = ActionPersonalService()
        message = {"intent": {"name": intent, "confidence": 1.0}, "text": text, "entities": entities or [],
                   "metadata": metadata or {}}
        self.events.append({"event": "user", "text": text, "parse_data": message, "metadata": metadata or {}})
        tracker = Tracker(self.sender_id, dict(self.slots), message, list(self.events), False, None, {},
                          "action_listen")
        dispatcher = CollectingDispatcher()
        events = asyncio.run(action.run(dispatcher, tracker, {}))
        for event in events:
            if event["event"] == "slot":
                self.slots[event["name"]] = event["value"]
        self.events.extend(events)
        self.events.extend({"event": "bot", "text": message["text"]} for message in dispatcher.messages)
        self.last_messages = dispatcher.messages
        return [message["text"] for message in dispatcher.messages]


def latest_code(engine) -> str:
    """The code in the newest development text message (what the user would read on the phone)."""
    with session_scope(engine) as session:
        text = session.scalars(select(SmsOutbox.text).order_by(SmsOutbox.id.desc())).first()
    return re.search(r"\d{6}", text).group(0)
