"""The application database on SQLite and a real PostgreSQL: migrations, feedback, retention."""
import time

from sqlalchemy import inspect, select, text

from bot.db.engine import session_scope
from bot.db.models import Feedback
from bot.db.schema import upgrade_to_newest
from bot.feedback import feedback_reply, helpful_share_by_topic, record_feedback
from bot.retention import purge_old_conversations


def test_migrations_create_the_schema_and_can_run_twice(database_url, engine):
    upgrade_to_newest(database_url)  # second run: nothing to do, nothing broken
    assert {"feedback", "alembic_version"} <= set(inspect(engine).get_table_names())


def test_feedback_is_stored_and_summarised(engine):
    with session_scope(engine) as session:
        record_feedback(session, helpful=True, topic="ask_account_types", language="zh")
        record_feedback(session, helpful=False, topic="ask_account_types", language="en")
        record_feedback(session, helpful=True, topic=None, language="en")
    with session_scope(engine) as session:
        rows = session.execute(select(Feedback).order_by(Feedback.id)).scalars().all()
        assert [(r.helpful, r.topic, r.language) for r in rows] == [
            (True, "ask_account_types", "zh"), (False, "ask_account_types", "en"), (True, None, "en"),
        ]
        assert rows[0].created_at is not None
        assert helpful_share_by_topic(session) == {"ask_account_types": (1, 2), None: (1, 1)}


def test_a_failed_transaction_stores_nothing(engine):
    try:
        with session_scope(engine) as session:
            record_feedback(session, helpful=True, topic="ask_help", language="en")
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    with session_scope(engine) as session:
        assert session.execute(select(Feedback)).scalars().all() == []


def test_feedback_reply_says_when_it_could_not_be_saved():
    assert "12393" in feedback_reply(False, True, "en")
    assert "could not be saved" in feedback_reply(True, False, "en")
    assert "未能保存" in feedback_reply(True, False, "zh")


def test_retention_deletes_only_conversations_idle_past_the_period(engine):
    now = time.time()
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255), timestamp FLOAT)"))
        for i, (sender, age_days) in enumerate([("old", 40), ("old", 35), ("recent", 40), ("recent", 1), ("new", 0)]):
            connection.execute(text("INSERT INTO events VALUES (:i, :s, :t)"), {"i": i, "s": sender, "t": now - age_days * 86400})
    try:
        assert purge_old_conversations(engine, retention_days=30, now=now) == 1
        with engine.connect() as connection:
            left = connection.execute(text("SELECT DISTINCT sender_id FROM events")).scalars().all()
        assert sorted(left) == ["new", "recent"]
    finally:
        with engine.begin() as connection:
            connection.execute(text("DROP TABLE events"))


def test_retention_before_any_conversation_does_nothing(engine):
    assert purge_old_conversations(engine, retention_days=30) == 0
