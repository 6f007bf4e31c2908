"""An SQL tracker store that keeps no full ID number, phone number, code or identity token.

Rasa saves a conversation after the turn's actions have run, so the actions still see what was typed;
the events written get masked copies (bot.identity.redaction). Configured in endpoints.yml.
"""
from typing import Iterator

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.identity.redaction import holds_code, redact_text
from bot.identity.tokens import METADATA_KEY

SENSITIVE_ENTITIES = ("id_number", "phone_number")


def _redacted(event: Event) -> Event:
    if not isinstance(event, UserUttered) or event.text is None:
        return event
    is_code = holds_code(event.text, (event.intent or {}).get("name"))
    text = redact_text(event.text, is_code)
    entities = [dict(entity, value=redact_text(str(entity.get("value")), is_code))
                if entity.get("entity") in SENSITIVE_ENTITIES else entity for entity in event.entities]
    parse_data = dict(event.parse_data, text=text, entities=entities)
    metadata = dict(event.metadata or {})
    if METADATA_KEY in metadata:
        metadata[METADATA_KEY] = "[redacted]"
    return UserUttered(text, event.intent, entities, parse_data, event.timestamp, event.input_channel,
                       event.message_id, metadata, event.use_text_for_featurization)


class RedactingSQLTrackerStore(SQLTrackerStore):
    def _additional_events(self, session, tracker: DialogueStateTracker) -> Iterator[Event]:
        """Only the events not stored yet are written, so only they are masked."""
        return (_redacted(event) for event in super()._additional_events(session, tracker))
