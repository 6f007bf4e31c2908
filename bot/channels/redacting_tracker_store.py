"""An SQL tracker store that keeps no full ID number, phone number, code or identity token, and reads only
what a turn needs.

Rasa saves a conversation after the turn's actions have run, so the actions still see what was typed;
the events written are masked copies of every field of every event: text, entities of any type, parse data,
metadata and slot values (bot.identity.redaction.redact_value). A session grown long is carried over into a
new one as it is read (bot.channels.session_rollover). Configured in endpoints.yml.
"""
import json
import time
from functools import lru_cache
from typing import Any, Dict, Iterator, Optional, Text

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import BotUttered, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses

from bot.channels.session_rollover import carried_over_session
from bot.identity.redaction import holds_code, redact_value


def stored_copy(event: Event) -> Event:
    """The event as it is written. Bot replies are left as they are: they mask what they show themselves."""
    if isinstance(event, BotUttered):
        return event
    is_code = isinstance(event, UserUttered) and holds_code(event.text or "", event.intent_name)
    # Rebuilt from its masked dict by its own class (no look-up by type name: this runs for every event written).
    return type(event)._from_parameters(redact_value(event.as_dict(), is_code))


@lru_cache(maxsize=1)
def _event_classes() -> Dict[Text, type]:
    # Rasa looks the class up among all Event subclasses for every event it reads; once is enough.
    return {cls.type_name: cls for cls in all_subclasses(Event) if "type_name" in vars(cls)}


def read_event(data: Dict[Text, Any]) -> Optional[Event]:
    cls = _event_classes().get(data.get("event"))
    return cls._from_parameters(data) if cls else Event.from_parameters(data)


class RedactingSQLTrackerStore(SQLTrackerStore):
    def _additional_events(self, session, tracker: DialogueStateTracker) -> Iterator[Event]:
        """Only the events not stored yet are written, so only they are masked."""
        return (stored_copy(event) for event in super()._additional_events(session, tracker))

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
        if fetch_events_from_all_sessions or not self.domain:
            return await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
            events = [event for event in (read_event(json.loads(row.data)) for row in rows) if event]
            if not events:
                return None
            new_session = carried_over_session(events, self.domain.slots, time.time(),
                                               self.domain.session_config.session_expiration_time)
            if new_session:
                self._write(session, sender_id, new_session)
                events = new_session
        return DialogueStateTracker.from_events(sender_id, events, self.domain.slots)

    def _write(self, session, sender_id: Text, events) -> None:
        for event in map(stored_copy, events):
            data = event.as_dict()
            session.add(self.SQLEvent(
                sender_id=sender_id, type_name=event.type_name, timestamp=data.get("timestamp"),
                intent_name=data.get("parse_data", {}).get("intent", {}).get("name"),
                action_name=data.get("name"), data=json.dumps(data)))
        session.commit()
