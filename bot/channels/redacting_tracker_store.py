"""An SQL tracker store that keeps no full ID number, phone number, code or identity token.

Rasa saves a conversation after the turn's actions have run, so the actions still see what was typed;
the events written are masked copies of every field of every event: text, entities of any type, parse data,
metadata and slot values (bot.identity.redaction.redact_value). Configured in endpoints.yml.
"""
from typing import Iterator

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import BotUttered, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.identity.redaction import holds_code, redact_value


def stored_copy(event: Event) -> Event:
    """The event as it is written. Bot replies are left as they are: they mask what they show themselves."""
    if isinstance(event, BotUttered):
        return event
    is_code = isinstance(event, UserUttered) and holds_code(event.text or "", event.intent_name)
    # Rebuilt from its masked dict by its own class (no look-up by type name: this runs for every event written).
    return type(event)._from_parameters(redact_value(event.as_dict(), is_code))


class RedactingSQLTrackerStore(SQLTrackerStore):
    def _additional_events(self, session, tracker: DialogueStateTracker) -> Iterator[Event]:
        """Only the events not stored yet are written, so only they are masked."""
        return (stored_copy(event) for event in super()._additional_events(session, tracker))
