"""The audit log: who (which conversation) looked at or tried what, about whom (masked), and when.

The conversation is kept as a keyed hash: its entries still belong together, and whoever holds a
conversation id (e.g. from the tracker store, in an investigation) finds them with conversation_key(id),
but the log alone names no conversation that could be reopened or linked to its messages.
"""
import datetime

from sqlalchemy.orm import Session

from bot.db.models import AuditEntry
from bot.identity.keyed_hash import keyed_hash
from bot.identity.masking import mask_id_number


def conversation_key(conversation_id: str) -> str:
    return keyed_hash(f"conversation:{conversation_id}")


def record(session: Session, conversation_id: str, event: str, id_number: str | None = None,
           detail: str | None = None, now: datetime.datetime | None = None) -> None:
    session.add(AuditEntry(
        at=now or datetime.datetime.now(datetime.timezone.utc), conversation_key=conversation_key(conversation_id),
        event=event, subject=mask_id_number(id_number) if id_number else None, detail=detail,
    ))
