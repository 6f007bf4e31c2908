"""What the widget is told about a conversation's identity check, on SQLite and PostgreSQL: the masked name and
the time left to the first of the two limits, rounded so that the widget never ends before the server does,
and reading it is not a use of the records."""
import datetime

from sqlalchemy import select

from bot.db.engine import session_scope
from bot.db.models import InsuredPerson, VerifiedConversation
from bot.identity import sessions
from bot.identity.verification_status import NOT_VERIFIED, verification_status

NOW = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.timezone.utc)


def verify_wang(engine, at=NOW):
    with session_scope(engine) as session:
        person = session.scalars(select(InsuredPerson).where(InsuredPerson.name_en == "Wang Xiuying")).one()
        sessions.mark_verified(session, "c1", person, "sms", at)


def status(engine, now):
    with session_scope(engine) as session:
        return verification_status(session, "c1", now)


def test_a_conversation_never_verified_is_not(demo_engine):
    assert status(demo_engine, NOW) == NOT_VERIFIED


def test_the_name_is_masked_and_the_time_left_is_rounded_up(demo_engine):
    verify_wang(demo_engine)
    shown = status(demo_engine, NOW + datetime.timedelta(minutes=10, milliseconds=200))
    assert shown["name"] == {"zh": "王**", "en": "W*** Xiuying"}
    assert shown["seconds_left"] == 5 * 60  # 4 min 59.8 s: the widget ends after the server, not before
    assert shown["idle_seconds"] == sessions.IDLE_TIMEOUT.total_seconds()


def test_reading_the_status_is_not_a_use(demo_engine):
    verify_wang(demo_engine)
    status(demo_engine, NOW + datetime.timedelta(minutes=14))
    assert status(demo_engine, NOW + sessions.IDLE_TIMEOUT) == NOT_VERIFIED
    with session_scope(demo_engine) as session:
        assert session.get(VerifiedConversation, "c1").last_active_at == NOW


def test_the_absolute_limit_counts_down_however_active_the_conversation(demo_engine):
    verify_wang(demo_engine)
    late = NOW + sessions.ABSOLUTE_LIFETIME - datetime.timedelta(minutes=2)
    with session_scope(demo_engine) as session:
        session.get(VerifiedConversation, "c1").last_active_at = late  # in use until just now
    assert status(demo_engine, late)["seconds_left"] == 120
    assert status(demo_engine, NOW + sessions.ABSOLUTE_LIFETIME) == NOT_VERIFIED
