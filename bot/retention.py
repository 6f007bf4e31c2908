"""Deletes conversations whose last message is older than the retention period (default 30 days).

    python -m bot.retention            # run by `make run` at start; schedule it daily in production

Works on Rasa's SQL tracker store (`events` table), in the database named by TRACKER_DATABASE_URL
(default: DATABASE_URL, the same SQLite file).
"""
import os
import time

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from bot import settings
from bot.db.engine import get_engine, safe_url

SECONDS_PER_DAY = 86_400


def purge_old_conversations(engine: Engine, retention_days: int, now: float | None = None) -> int:
    """Deletes every event of each conversation idle for longer than retention_days; returns how many conversations."""
    if not inspect(engine).has_table("events"):
        return 0  # the Rasa server has not stored a conversation yet
    cutoff = (now if now is not None else time.time()) - retention_days * SECONDS_PER_DAY
    with engine.begin() as connection:
        stale = connection.execute(
            text("SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"),
            {"cutoff": cutoff},
        ).scalars().all()
        for sender_id in stale:
            connection.execute(text("DELETE FROM events WHERE sender_id = :sender_id"), {"sender_id": sender_id})
    return len(stale)


def main() -> None:
    url = os.environ.get("TRACKER_DATABASE_URL", settings.database_url())
    days = settings.conversation_retention_days()
    removed = purge_old_conversations(get_engine(url), days)
    print(f"Retention: deleted {removed} conversation(s) idle for over {days} days from {safe_url(url)}")


if __name__ == "__main__":
    main()
