"""The application database of a RunningAssistant, opened with its configuration (database, keys of hashes)."""
import os
import re
from contextlib import contextmanager
from typing import Iterator
from unittest import mock

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.db.engine import session_scope
from bot.db.models import IdentityLock, SmsOutbox, VerificationAttempt, VerificationCode


@contextmanager
def assistant_database(assistant) -> Iterator[Session]:
    with mock.patch.dict(os.environ, assistant.env), session_scope() as session:
        yield session


def latest_code(assistant) -> str | None:
    """The six-digit code of the latest text message the assistant sent (the development outbox)."""
    with assistant_database(assistant) as session:
        text = session.scalars(select(SmsOutbox.text).order_by(SmsOutbox.id.desc()).limit(1)).first()
    return re.search(r"\d{6}", text).group(0) if text else None


def fresh_day(assistant) -> None:
    """Code limits and wrong-code stops start again, as on another day; verified conversations stay theirs."""
    with assistant_database(assistant) as session:
        for table in (VerificationAttempt, IdentityLock, VerificationCode):
            session.execute(delete(table))
