"""The purge of the identity check's records, each on its own period, on SQLite and a real PostgreSQL."""
import asyncio
import datetime
import logging

import pytest
from sqlalchemy import func, select

from bot import retention
from bot.db.engine import session_scope
from bot.db.models import (AuditEntry, IdentityLock, InsuredPerson, SignedOutConversation, SmsOutbox,
                           UsedIdentityToken, VerificationAttempt, VerificationCode, VerifiedConversation)
from bot.identity import audit

NOW = datetime.datetime(2026, 11, 22, 9, 0, tzinfo=datetime.timezone.utc)
RETENTION_DAYS = 30
SECOND = datetime.timedelta(seconds=1)

# table: (a row whose age is measured from `at`, the period after which it goes)
ROWS = {
    SmsOutbox: (lambda at, n: SmsOutbox(created_at=at, phone="13800000000", text="code"),
                datetime.timedelta(minutes=10)),
    VerificationCode: (lambda at, n: VerificationCode(conversation_id="c", id_key="k", created_at=at, expires_at=at),
                       datetime.timedelta(days=1)),
    VerificationAttempt: (lambda at, n: VerificationAttempt(id_key="k", conversation_id="c", attempted_at=at,
                                                            succeeded=False), datetime.timedelta(days=1)),
    IdentityLock: (lambda at, n: IdentityLock(id_key=f"k{n}", locked_until=at), datetime.timedelta(days=1)),
    UsedIdentityToken: (lambda at, n: UsedIdentityToken(token_key=f"t{n}", conversation_id="c", expires_at=at),
                        datetime.timedelta(0)),
    SignedOutConversation: (lambda at, n: SignedOutConversation(conversation_id=f"c{n}", signed_out_at=at),
                            datetime.timedelta(days=RETENTION_DAYS)),
    AuditEntry: (lambda at, n: AuditEntry(at=at, conversation_key="k", event="view_balance"),
                 datetime.timedelta(days=184)),
}


def remaining(engine, model) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("model", list(ROWS), ids=lambda model: model.__tablename__)
def test_each_table_is_purged_after_its_own_period(engine, model):
    make_row, period = ROWS[model]
    with session_scope(engine) as session:
        session.add_all([make_row(NOW - period - SECOND, 1), make_row(NOW - period + SECOND, 2)])
    with session_scope(engine) as session:
        counts = retention.purge_identity_records(session, RETENTION_DAYS, NOW)
    assert counts[model.__tablename__] == 1 and remaining(engine, model) == 1


def test_verified_conversations_go_once_ended(demo_engine):
    with session_scope(demo_engine) as session:
        person = session.scalars(select(InsuredPerson)).first()
        for conversation, last_active, expires in (("idle", NOW - datetime.timedelta(minutes=16), NOW + SECOND),
                                                   ("past its end", NOW, NOW),
                                                   ("fresh", NOW - datetime.timedelta(minutes=14), NOW + SECOND)):
            session.add(VerifiedConversation(conversation_id=conversation, person_id=person.id, method="sms",
                                             verified_at=NOW, last_active_at=last_active, expires_at=expires))
    with session_scope(demo_engine) as session:
        assert retention.purge_identity_records(session, RETENTION_DAYS, NOW)["verified_conversations"] == 2
        assert session.scalars(select(VerifiedConversation.conversation_id)).all() == ["fresh"]


def test_the_purge_runs_on_a_schedule_and_logs_one_line_per_run(engine, database_url, monkeypatch, caplog):
    monkeypatch.setenv("DATABASE_URL", database_url)
    with session_scope(engine) as session:
        session.add(SmsOutbox(created_at=datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=1),
                              phone="13800000000", text="code"))

    async def two_runs():
        task = asyncio.create_task(retention.purge_periodically(datetime.timedelta(seconds=0.2)))
        await asyncio.sleep(0.5)
        task.cancel()

    with caplog.at_level(logging.INFO, logger="bot.retention"):
        asyncio.run(two_runs())
    lines = [record.getMessage() for record in caplog.records if record.name == "bot.retention"]
    assert len(lines) >= 2 and "sms_outbox 1" in lines[0] and "conversations 0" in lines[0]
    assert "sms_outbox 0" in lines[1] and remaining(engine, SmsOutbox) == 0


def test_a_failed_run_is_logged_and_the_schedule_goes_on(monkeypatch, caplog):
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:9/none?connect_timeout=2")

    async def one_failed_run():
        task = asyncio.create_task(retention.purge_periodically(datetime.timedelta(seconds=60)))
        await asyncio.sleep(3)
        assert not task.done()
        task.cancel()

    with caplog.at_level(logging.INFO, logger="bot.retention"):
        asyncio.run(one_failed_run())
    assert [record.getMessage() for record in caplog.records if record.name == "bot.retention"] == [
        "Retention purge failed"]


def test_the_audit_log_keeps_a_keyed_hash_of_the_conversation(engine, monkeypatch):
    with session_scope(engine) as session:
        audit.record(session, "c-0123456789abcdef", "consent_given", now=NOW)
    with session_scope(engine) as session:
        key = session.scalars(select(AuditEntry.conversation_key)).one()
    assert "0123456789abcdef" not in key and len(key) == 64 and key == audit.conversation_key("c-0123456789abcdef")
    monkeypatch.setenv("CODE_HASH_KEY", "another-deployment")
    assert audit.conversation_key("c-0123456789abcdef") != key  # keyed: not recomputable without the key
