"""The custom actions, run with real trackers and a real SQLite database."""
import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.conversation import last_policy_topic, reply_language
from actions.feedback import ActionStoreFeedback
from bot.db.engine import get_engine, session_scope
from bot.db.models import Feedback
from bot.db.schema import upgrade_to_newest


def user_event(intent, text="..."):
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent, "confidence": 1.0}}}


def tracker(intents, language="en"):
    events = [user_event(i) for i in intents]
    return Tracker("test", {"language": language}, events[-1]["parse_data"], events, False, None, {}, "action_listen")


def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, events


@pytest.fixture
def sqlite_database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade_to_newest(url)
    monkeypatch.setenv("DATABASE_URL", url)
    return get_engine(url)


def test_the_topic_rated_is_the_last_policy_question():
    t = tracker(["greet", "ask_account_types", "thank", "feedback_helpful"])
    assert last_policy_topic(t) == "ask_account_types"
    assert last_policy_topic(tracker(["greet", "feedback_helpful"])) is None


def test_reply_language_defaults_to_chinese():
    assert reply_language(tracker(["greet"], language=None)) == "zh"
    assert reply_language(tracker(["greet"], language="en")) == "en"


def test_helpful_feedback_is_stored_and_thanked(sqlite_database):
    messages, events = run(ActionStoreFeedback(), tracker(["ask_hospital_settlement", "feedback_helpful"], "zh"))
    assert events == []
    assert "谢谢" in messages[0]["text"]
    with session_scope(sqlite_database) as session:
        stored = session.execute(select(Feedback)).scalars().one()
        assert (stored.helpful, stored.topic, stored.language) == (True, "ask_hospital_settlement", "zh")


def test_unhelpful_feedback_offers_a_person(sqlite_database):
    messages, _ = run(ActionStoreFeedback(), tracker(["ask_legal_basis", "feedback_not_helpful"], "en"))
    assert "12393" in messages[0]["text"]
    with session_scope(sqlite_database) as session:
        assert session.execute(select(Feedback.helpful)).scalars().one() is False


def test_database_down_still_gets_a_reply(tmp_path, monkeypatch):
    # A directory where the database file should be: SQLite cannot open it.
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}")
    messages, events = run(ActionStoreFeedback(), tracker(["ask_account_types", "feedback_helpful"], "en"))
    assert events == []
    assert "could not be saved" in messages[0]["text"]
