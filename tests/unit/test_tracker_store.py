"""The project's tracker store: it reads events as Rasa does; a long session is carried over into a new one as it
is read (the slots, the active form and the last turns come along, what follows is stored after them, and
short, expired or half-finished sessions are left alone)."""
import asyncio
import time

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (ActionExecuted, ActiveLoop, BotUttered, SessionStarted, SlotSet,
                                     UserUttered)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.channels.redacting_tracker_store import RedactingSQLTrackerStore
from bot.channels.session_rollover import CARRIED_OVER, CARRIED_TURNS, MAX_TURNS_PER_SESSION, carried_over_session

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [ask, inform]
slots:
  language: {type: text, influence_conversation: false, mappings: [{type: custom}]}
  estimate_cost: {type: float, influence_conversation: false, mappings: [{type: custom}]}
  requested_slot: {type: text, influence_conversation: false, mappings: [{type: custom}]}
forms:
  estimate_form: {required_slots: [estimate_cost]}
responses:
  utter_answer: [{text: "an answer"}]
session_config: {session_expiration_time: 60, carry_over_slots_to_new_session: false}
""")


def turn(number: int, at: float) -> list:
    return [UserUttered(f"question {number}", {"name": "ask", "confidence": 1.0}, timestamp=at),
            ActionExecuted("utter_answer", timestamp=at), BotUttered(f"answer {number}", timestamp=at),
            ActionExecuted("action_listen", timestamp=at)]


def session(turns: int, started: float) -> list:
    events = [ActionExecuted("action_session_start", timestamp=started), SessionStarted(timestamp=started),
              ActionExecuted("action_listen", timestamp=started),
              SlotSet("language", "zh", timestamp=started), ActiveLoop("estimate_form", timestamp=started),
              SlotSet("requested_slot", "estimate_cost", timestamp=started)]
    for number in range(turns):
        events += turn(number, started + number)
    return events


def test_a_short_session_is_left_as_it_is():
    assert carried_over_session(session(MAX_TURNS_PER_SESSION, time.time() - 100), DOMAIN.slots, time.time(), 60) is None


def test_a_long_session_opens_a_new_one_with_its_slots_form_and_last_turns():
    now = time.time()
    new = carried_over_session(session(MAX_TURNS_PER_SESSION + 5, now - 100), DOMAIN.slots, now, 60)
    assert isinstance(new[0], SessionStarted)
    tracker = DialogueStateTracker.from_events("c", new, DOMAIN.slots)
    assert tracker.get_slot("language") == "zh" and tracker.get_slot("requested_slot") == "estimate_cost"
    assert tracker.active_loop_name == "estimate_form"
    carried = [event.text for event in new if isinstance(event, UserUttered)]
    assert carried == [f"question {n}" for n in range(MAX_TURNS_PER_SESSION + 5 - CARRIED_TURNS, MAX_TURNS_PER_SESSION + 5)]
    assert all(event.metadata[CARRIED_OVER] for event in new if isinstance(event, (UserUttered, BotUttered)))
    assert [event.timestamp for event in new] == sorted(event.timestamp for event in new) and new[0].timestamp >= now


def test_an_expired_session_is_left_for_rasa_to_start_afresh():
    now = time.time()
    assert carried_over_session(session(MAX_TURNS_PER_SESSION + 5, now - 4 * 3600), DOMAIN.slots, now, 60) is None


def test_a_session_in_the_middle_of_a_turn_is_left_as_it_is():
    events = session(MAX_TURNS_PER_SESSION + 5, time.time() - 100)[:-1]
    assert carried_over_session(events, DOMAIN.slots, time.time(), 60) is None


@pytest.fixture
def store(tmp_path):
    return RedactingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))


def test_the_store_reads_a_long_session_as_a_new_one_and_keeps_what_follows(store):
    asyncio.run(store.save(DialogueStateTracker.from_events("c", session(MAX_TURNS_PER_SESSION + 5, time.time() - 100),
                                                            DOMAIN.slots)))
    tracker = asyncio.run(store.retrieve("c"))
    assert len([e for e in tracker.events if isinstance(e, UserUttered)]) == CARRIED_TURNS
    assert tracker.get_slot("language") == "zh" and tracker.active_loop_name == "estimate_form"
    for event in turn(99, time.time()):
        tracker.update(event)
    asyncio.run(store.save(tracker))
    again = asyncio.run(store.retrieve("c"))
    assert [e.text for e in again.events if isinstance(e, UserUttered)][-1] == "question 99"
    assert len(again.events) == len(tracker.events)  # nothing written twice, nothing lost
    full = asyncio.run(store.retrieve_full_tracker("c"))
    assert len([e for e in full.events if isinstance(e, SessionStarted)]) == 2


def test_the_store_reads_events_as_rasa_does(store):
    events = session(3, time.time() - 100)
    asyncio.run(store.save(DialogueStateTracker.from_events("c", events, DOMAIN.slots)))
    assert asyncio.run(store.retrieve("c")).events == DialogueStateTracker.from_events("c", events, DOMAIN.slots).events

