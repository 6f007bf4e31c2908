"""Long conversations stay as fast as short ones: a session of more than MAX_TURNS_PER_SESSION turns is carried
over into a new session when the next message arrives.

Rasa re-reads and re-featurizes the whole current session on every turn, so without this each turn costs more
than the one before. The new session opens with the slots as they stood (the estimate's answers, the
identity check's step, the language), the form that was active, and copies of the last CARRIED_TURNS turns,
so that rules looking back at the previous question still see it. The copies are marked `carried_over` in
their metadata. Who a person was verified as is kept server-side (bot.identity.sessions) and does not depend on
the session. An expired session is left alone: Rasa starts its own fresh session for it.
"""
import copy
from typing import Iterable, List, Optional

from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.slots import Slot
from rasa.shared.core.trackers import DialogueStateTracker

MAX_TURNS_PER_SESSION = 20
CARRIED_TURNS = 2
CARRIED_OVER = "carried_over"
EVENT_SPACING = 1e-6  # seconds between the new session's events, which keep their order by timestamp


def carried_over_session(events: List[Event], slots: Iterable[Slot], now: float,
                         expiration_minutes: float) -> Optional[List[Event]]:
    """The events of a new session carrying on from `events` (one session, oldest first), or None when the
    session is short, expired (expiration_minutes > 0 and no message for that long), or in the middle of a turn."""
    user_turns = [index for index, event in enumerate(events) if isinstance(event, UserUttered)]
    if len(user_turns) <= MAX_TURNS_PER_SESSION or not _waits_for_the_user(events):
        return None
    if expiration_minutes > 0 and now - events[user_turns[-1]].timestamp > expiration_minutes * 60:
        return None
    tail_start = user_turns[-CARRIED_TURNS]
    if tail_start > 0 and _waits_for_the_user(events[:tail_start]):
        tail_start -= 1  # the action_listen before the first carried message
    before = DialogueStateTracker.from_events("", events[:tail_start], slots)
    opening = [SessionStarted()]
    opening += [SlotSet(slot.name, slot.value) for slot in before.slots.values() if slot.value != slot.initial_value]
    opening += [ActiveLoop(before.active_loop_name)] if before.active_loop_name else []
    carried = [_marked_copy(event) for event in events[tail_start:]]
    new_session = opening + carried
    for position, event in enumerate(new_session):
        event.timestamp = now + position * EVENT_SPACING
    return new_session


def _waits_for_the_user(events: List[Event]) -> bool:
    return bool(events) and isinstance(events[-1], ActionExecuted) and events[-1].action_name == ACTION_LISTEN_NAME


def _marked_copy(event: Event) -> Event:
    carried = copy.deepcopy(event)
    if isinstance(carried, (UserUttered, BotUttered)):
        carried.metadata = {**(carried.metadata or {}), CARRIED_OVER: True}
    return carried
