"""The audit log: who (which conversation) looked at or tried what, about whom (masked), and when."""
import datetime

from sqlalchemy.orm import Session

from bot.db.models import AuditEntry
from bot.identity.masking import mask_id_number


def record(session: Session, conversation_id: str, event: str, id_number: str | None = None,
           detail: str | None = None, now: datetime.datetime | None = None) -> None:
    session.add(AuditEntry(
        at=now or datetime.datetime.now(datetime.timezone.utc), conversation_id=conversation_id, event=event,
        subject=mask_id_number(id_number) if id_number else None, detail=detail,
    ))
