"""What actions read from a tracker: the reply language, the topic the user last asked about, an entity's value."""
from rasa_sdk import Tracker

from bot.knowledge import INTENT_PREFIX as POLICY_INTENT_PREFIX
from bot.language import CHINESE, LANGUAGES
from bot.message_metadata import SERVER_KEY


def reply_language(tracker: Tracker) -> str:
    language = tracker.get_slot("language")
    return language if language in LANGUAGES else CHINESE


def last_policy_topic(tracker: Tracker) -> str | None:
    """The intent of the latest policy question before the current message, e.g. "ask_account_types"."""
    user_events = [e for e in tracker.events if e.get("event") == "user"]
    for event in reversed(user_events[:-1]):
        intent = (event.get("parse_data") or {}).get("intent", {}).get("name") or ""
        if intent.startswith(POLICY_INTENT_PREFIX):
            return intent
    return None


def entity_value(tracker: Tracker, entity: str) -> str | None:
    """The value of an entity in the latest message (a button payload's, e.g. claim_reference), if it has one."""
    entities = tracker.latest_message.get("entities") or []
    return next((e.get("value") for e in entities if e.get("entity") == entity), None)


def server_metadata(tracker: Tracker) -> dict:
    """What the channel said about the latest message (bot.message_metadata); never the client's own metadata."""
    metadata = tracker.latest_message.get("metadata") or {}
    value = metadata.get(SERVER_KEY) if isinstance(metadata, dict) else None
    return value if isinstance(value, dict) else {}
