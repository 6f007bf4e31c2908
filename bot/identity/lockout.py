"""Five wrong codes for an ID number within an hour lock it for 30 minutes, whichever conversation tried.

Kept in the database (keyed by the hashed ID number), so neither a restart nor a new conversation resets it.
"""
import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.db.models import IdentityLock, VerificationAttempt

MAX_WRONG_CODES = 5
WRONG_CODE_WINDOW = datetime.timedelta(hours=1)
LOCK_DURATION = datetime.timedelta(minutes=30)


def locked_until(session: Session, id_key: str, now: datetime.datetime) -> datetime.datetime | None:
    lock = session.get(IdentityLock, id_key)
    return lock.locked_until if lock and lock.locked_until > now else None


def wrong_codes_left(session: Session, id_key: str, now: datetime.datetime) -> int:
    return max(MAX_WRONG_CODES - _counted_failures(session, id_key, now), 0)


def record_attempt(session: Session, id_key: str, conversation_id: str, succeeded: bool,
                   now: datetime.datetime) -> datetime.datetime | None:
    """Stores the attempt; returns the end of the lock when this wrong code was one too many."""
    session.add(VerificationAttempt(id_key=id_key, conversation_id=conversation_id, attempted_at=now,
                                    succeeded=succeeded))
    session.flush()
    if succeeded or _counted_failures(session, id_key, now) < MAX_WRONG_CODES:
        return None
    until = now + LOCK_DURATION
    lock = session.get(IdentityLock, id_key)
    if lock:
        lock.locked_until = until
    else:
        session.add(IdentityLock(id_key=id_key, locked_until=until))
    return until


def _counted_failures(session: Session, id_key: str, now: datetime.datetime) -> int:
    """Wrong codes within the window, leaving out those an earlier lock already punished."""
    counted_from = now - WRONG_CODE_WINDOW
    lock = session.get(IdentityLock, id_key)
    if lock and lock.locked_until > counted_from:
        counted_from = lock.locked_until
    return session.scalar(
        select(func.count()).select_from(VerificationAttempt).where(
            VerificationAttempt.id_key == id_key,
            VerificationAttempt.succeeded.is_(False),
            VerificationAttempt.attempted_at > counted_from,
        )
    )
