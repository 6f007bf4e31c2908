"""Deletes what is no longer needed: old conversations and the identity check's records.

    python -m bot.retention     # by hand; the action server also runs it every PURGE_INTERVAL while it runs

| table                      | kept                                              | why                                       |
|----------------------------|---------------------------------------------------|-------------------------------------------|
| events (Rasa's tracker)    | CONVERSATION_RETENTION_DAYS (30) after the last   | what the greeting's privacy notice says   |
|                            | message of the conversation                       |                                           |
| sms_outbox                 | SMS_OUTBOX_KEPT (10 minutes)                      | the development outbox holds full phone   |
|                            |                                                   | numbers and plain codes, valid 5 minutes  |
| verification_codes         | limits.LONGEST_WINDOW (1 day)                     | the longest window a limit counts them in |
| verification_attempts      | lockout.LONGEST_WINDOW (1 day)                    | the same for the wrong-code limits        |
| identity_locks             | lockout.LONGEST_WINDOW after the lock ended       | wrong codes are counted from a lock's end |
| verified_conversations     | until ended (idle IDLE_TIMEOUT, or past its       | an ended verification is never read again |
|                            | expires_at)                                       |                                           |
| used_identity_tokens       | until the token's own expires_at                  | an expired token is refused anyway        |
| signed_out_conversations   | CONVERSATION_RETENTION_DAYS after the log-out     | as long as the conversation it guards     |
| audit_log                  | AUDIT_KEPT (184 days)                             | Cybersecurity Law art. 21 (3): network    |
|                            |                                                   | logs kept no less than six months; 184    |
|                            |                                                   | days is the longest six months (Jul-Dec)  |

Rasa's SQL tracker store (`events` table) is in the database named by TRACKER_DATABASE_URL (default:
DATABASE_URL, the same SQLite file); the identity tables are in DATABASE_URL.
"""
import asyncio
import datetime
import logging
import os
import time

from sqlalchemy import delete, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot import settings
from bot.db.engine import get_engine, safe_url, session_scope
from bot.db.models import (AuditEntry, IdentityLock, SignedOutConversation, SmsOutbox, UsedIdentityToken,
                           VerificationAttempt, VerificationCode, VerifiedConversation)
from bot.identity import limits, lockout, sessions

logger = logging.getLogger(__name__)

SECONDS_PER_DAY = 86_400
SMS_OUTBOX_KEPT = datetime.timedelta(minutes=10)
AUDIT_KEPT = datetime.timedelta(days=184)
# Often enough that the outbox never holds a code much past its 10 minutes.
PURGE_INTERVAL = datetime.timedelta(minutes=5)


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


def purge_identity_records(session: Session, retention_days: int, now: datetime.datetime) -> dict[str, int]:
    """Deletes the identity check's rows past their period (table above); returns how many per table."""
    expired = {
        SmsOutbox: SmsOutbox.created_at < now - SMS_OUTBOX_KEPT,
        VerificationCode: VerificationCode.created_at < now - limits.LONGEST_WINDOW,
        VerificationAttempt: VerificationAttempt.attempted_at < now - lockout.LONGEST_WINDOW,
        IdentityLock: IdentityLock.locked_until < now - lockout.LONGEST_WINDOW,
        VerifiedConversation: sessions.ended(now),
        UsedIdentityToken: UsedIdentityToken.expires_at <= now,
        SignedOutConversation: SignedOutConversation.signed_out_at < now - datetime.timedelta(days=retention_days),
        AuditEntry: AuditEntry.at < now - AUDIT_KEPT,
    }
    return {model.__tablename__: session.execute(delete(model).where(condition)).rowcount
            for model, condition in expired.items()}


def purge_all(now: datetime.datetime | None = None) -> dict[str, int]:
    """Both purges; returns how many conversations ("conversations") and rows per identity table."""
    now = now or datetime.datetime.now(datetime.timezone.utc)
    days = settings.conversation_retention_days()
    conversations = purge_old_conversations(get_engine(tracker_database_url()), days, now.timestamp())
    with session_scope() as session:
        return {"conversations": conversations, **purge_identity_records(session, days, now)}


def summary(counts: dict[str, int]) -> str:
    return "Retention: deleted " + ", ".join(f"{name} {count}" for name, count in counts.items())


def tracker_database_url() -> str:
    return os.environ.get("TRACKER_DATABASE_URL", settings.database_url())


async def purge_periodically(interval: datetime.timedelta = PURGE_INTERVAL) -> None:
    """Runs purge_all now and then every interval, in a worker thread; a failure waits for the next run."""
    while True:
        try:
            counts = await asyncio.get_running_loop().run_in_executor(None, purge_all)
            logger.info(summary(counts))
        except Exception:  # the database may be down for a while: the next run tries again
            logger.exception("Retention purge failed")
        await asyncio.sleep(interval.total_seconds())


def main() -> None:
    print(summary(purge_all()) + f" (conversations idle over {settings.conversation_retention_days()} days, "
          f"from {safe_url(tracker_database_url())})")


if __name__ == "__main__":
    main()
