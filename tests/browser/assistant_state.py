"""The assistant's application database as the browser tests prepare and check it, with this process configured
as the assistant's servers are (assistant.env: the database, the keys of secrets and hashes)."""
import datetime
import os
from unittest import mock

from sqlalchemy import select

from bot.db.demo_data import DEMO_PEOPLE
from bot.db.models import InsuredPerson, VerifiedConversation
from bot.identity import conversation_keys, sessions
from tests.assistant_database import assistant_database

SUBJECT_REF = {person.name_en: person.subject_ref for person in DEMO_PEOPLE}


def issue_secret(assistant) -> str:
    """A conversation secret as the assistant issues them."""
    with mock.patch.dict(os.environ, assistant.env):
        return conversation_keys.issue_secret()


def is_verified(assistant, conversation_id: str) -> bool:
    with assistant_database(assistant) as session:
        return session.get(VerifiedConversation, conversation_id) is not None


def verify_conversation(assistant, conversation_id: str, name_en: str, host_session: str | None = None) -> None:
    """Records the conversation as verified for a demo person, as a token naming host_session does."""
    with assistant_database(assistant) as session:
        person = session.scalars(select(InsuredPerson).where(InsuredPerson.subject_ref == SUBJECT_REF[name_en])).one()
        sessions.mark_verified(session, conversation_id, person, "token", datetime.datetime.now(datetime.timezone.utc),
                               host_session=host_session)
