"""Verified conversations, recorded server-side and keyed by the conversation.

A verification ends after IDLE_TIMEOUT without use, after ABSOLUTE_LIFETIME in any case, on log out, and when the host website's sign-in session it came from signs out.
"""
import datetime

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from bot.db.models import InsuredPerson, SignedOutConversation, VerifiedConversation
from bot.identity.keyed_hash import keyed_hash

IDLE_TIMEOUT = datetime.timedelta(minutes=15)
ABSOLUTE_LIFETIME = datetime.timedelta(hours=1)


def verified_person(session: Session, conversation_id: str, now: datetime.datetime) -> InsuredPerson | None:
    """The person this conversation proved to be, if still fresh; using it counts as activity."""
    record = session.get(VerifiedConversation, conversation_id)
    if record is None:
        return None
    if time_left(record, now) <= datetime.timedelta(0):  # as in `ended`
        session.delete(record)
        session.flush()
        return None
    record.last_active_at = now
    return session.get(InsuredPerson, record.person_id)


def time_left(record: VerifiedConversation, now: datetime.datetime) -> datetime.timedelta:
    """How long the verification lasts without further use: to the idle limit or the absolute one, whichever
    comes first (as in `verified_person` and `ended`)."""
    return min(record.last_active_at + IDLE_TIMEOUT, record.expires_at) - now


def current_verification(session: Session, conversation_id: str,
                         now: datetime.datetime) -> tuple[InsuredPerson, datetime.timedelta] | None:
    """The verified person and the time left, without counting as use (what the widget shows)."""
    record = session.get(VerifiedConversation, conversation_id)
    if record is None or time_left(record, now) <= datetime.timedelta(0):
        return None
    return session.get(InsuredPerson, record.person_id), time_left(record, now)


def ended(now: datetime.datetime):
    """SQL condition for the verifications that have ended by now (what bot.retention deletes)."""
    return or_(VerifiedConversation.last_active_at <= now - IDLE_TIMEOUT, VerifiedConversation.expires_at <= now)


def mark_verified(session: Session, conversation_id: str, person: InsuredPerson, method: str,
                  now: datetime.datetime, host_session: str | None = None) -> None:
    end_verification(session, conversation_id)
    session.add(VerifiedConversation(
        conversation_id=conversation_id, person_id=person.id, method=method, verified_at=now,
        last_active_at=now, expires_at=now + ABSOLUTE_LIFETIME,
        host_session_key=keyed_hash(f"host-session:{host_session}") if host_session else None))
    session.flush()


def end_verification(session: Session, conversation_id: str) -> bool:
    """Ends this conversation's verification; True when there was something to end."""
    result = session.execute(delete(VerifiedConversation).where(
        VerifiedConversation.conversation_id == conversation_id))
    session.flush()
    return result.rowcount > 0


def sign_out(session: Session, conversation_id: str, now: datetime.datetime) -> bool:
    """The person logged out here: the verification ends and no identity token verifies this conversation again."""
    if session.get(SignedOutConversation, conversation_id) is None:
        session.add(SignedOutConversation(conversation_id=conversation_id, signed_out_at=now))
    return end_verification(session, conversation_id)


def is_signed_out(session: Session, conversation_id: str) -> bool:
    return session.get(SignedOutConversation, conversation_id) is not None


def end_host_session(session: Session, host_session: str) -> list[str]:
    """The host website signed this session out: every chat it verified ends. Returns those conversations."""
    key = keyed_hash(f"host-session:{host_session}")
    ended = session.scalars(select(VerifiedConversation.conversation_id)
                            .where(VerifiedConversation.host_session_key == key)).all()
    session.execute(delete(VerifiedConversation).where(VerifiedConversation.host_session_key == key))
    session.flush()
    return list(ended)
