"""Verified conversations, recorded server-side and keyed by the conversation; 15 idle minutes end them."""
import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.db.models import InsuredPerson, VerifiedConversation

IDLE_TIMEOUT = datetime.timedelta(minutes=15)


def verified_person(session: Session, conversation_id: str, now: datetime.datetime) -> InsuredPerson | None:
    """The person this conversation proved to be, if still fresh; using it counts as activity."""
    record = session.get(VerifiedConversation, conversation_id)
    if record is None:
        return None
    if now - record.last_active_at > IDLE_TIMEOUT:
        session.delete(record)
        return None
    record.last_active_at = now
    return session.get(InsuredPerson, record.person_id)


def mark_verified(session: Session, conversation_id: str, person: InsuredPerson, method: str,
                  now: datetime.datetime) -> None:
    end_verification(session, conversation_id)
    session.add(VerifiedConversation(conversation_id=conversation_id, person_id=person.id, method=method,
                                     verified_at=now, last_active_at=now))


def end_verification(session: Session, conversation_id: str) -> bool:
    """Log out; True when there was something to end."""
    result = session.execute(delete(VerifiedConversation).where(
        VerifiedConversation.conversation_id == conversation_id))
    session.flush()
    return result.rowcount > 0
