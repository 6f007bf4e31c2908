"""Codes, lockout and verified conversations on SQLite and on a real PostgreSQL (times passed in)."""
import datetime

import pytest
from sqlalchemy import create_engine, select

from bot.db.engine import session_scope
from bot.db.models import SmsOutbox, VerificationCode
from bot.identity import sessions
from bot.identity.codes import CheckStatus, RequestStatus, check_code, request_code, resend_code
from bot.identity.sms import OutboxSender
from tests.unit.action_conversation import latest_code

ZHANG = "440304198506121230"
UNREGISTERED = "110105198001010016"  # a valid number that is not on file
T0 = datetime.datetime(2026, 11, 22, 9, 0, tzinfo=datetime.timezone.utc)
minutes = lambda n: datetime.timedelta(minutes=n)  # noqa: E731


def ask(engine, conversation, id_number, now=T0):
    with session_scope(engine) as session:
        return request_code(session, conversation, id_number, OutboxSender(session), "zh", now)


def enter(engine, conversation, code, now=T0):
    with session_scope(engine) as session:
        outcome = check_code(session, conversation, code, now)
        return outcome.status, outcome.codes_left


def wrong(code):
    return f"{(int(code) + 1) % 10**6:06d}"


def test_unregistered_number_gets_the_same_outcome_and_no_message(demo_engine):
    assert ask(demo_engine, "c1", UNREGISTERED).status == RequestStatus.SENT_IF_REGISTERED
    with session_scope(demo_engine) as session:
        assert session.scalars(select(SmsOutbox)).all() == []
    assert enter(demo_engine, "c1", "123456")[0] == CheckStatus.WRONG


def test_code_goes_to_the_phone_on_file_and_is_stored_only_hashed(demo_engine):
    ask(demo_engine, "c1", ZHANG)
    code = latest_code(demo_engine)
    with session_scope(demo_engine) as session:
        assert session.scalars(select(SmsOutbox.phone)).one() == "13812345678"
        stored = session.scalars(select(VerificationCode)).one()
        assert stored.code_hash and code not in stored.code_hash and len(stored.code_hash) == 64


def test_right_code_verifies_once_only(demo_engine):
    ask(demo_engine, "c1", ZHANG)
    code = latest_code(demo_engine)
    assert enter(demo_engine, "c1", code, T0 + minutes(1))[0] == CheckStatus.VERIFIED
    assert enter(demo_engine, "c1", code, T0 + minutes(2))[0] == CheckStatus.NO_CODE


def test_code_expires_after_five_minutes(demo_engine):
    ask(demo_engine, "c1", ZHANG)
    code = latest_code(demo_engine)
    assert enter(demo_engine, "c1", code, T0 + minutes(5) + datetime.timedelta(seconds=1))[0] == CheckStatus.EXPIRED


def test_code_from_another_conversation_does_not_count(demo_engine):
    ask(demo_engine, "c1", ZHANG)
    assert enter(demo_engine, "c2", latest_code(demo_engine))[0] == CheckStatus.NO_CODE


def test_a_new_code_at_most_once_a_minute(demo_engine):
    ask(demo_engine, "c1", ZHANG)
    too_soon = ask(demo_engine, "c1", ZHANG, T0 + datetime.timedelta(seconds=30))
    assert too_soon.status == RequestStatus.TOO_SOON and too_soon.wait == datetime.timedelta(seconds=30)
    with session_scope(demo_engine) as session:
        again = resend_code(session, "c1", OutboxSender(session), "en", T0 + minutes(1))
    assert again.status == RequestStatus.SENT_IF_REGISTERED
    assert "Your code is" in _outbox_texts(demo_engine)[-1]


def test_only_the_newest_code_works(demo_engine):
    ask(demo_engine, "c1", ZHANG)
    first = latest_code(demo_engine)
    ask(demo_engine, "c1", ZHANG, T0 + minutes(2))
    second = latest_code(demo_engine)
    if first != second:
        assert enter(demo_engine, "c1", first, T0 + minutes(3))[0] == CheckStatus.WRONG
    assert enter(demo_engine, "c1", second, T0 + minutes(3))[0] == CheckStatus.VERIFIED


def test_wrong_code_five_times_locks_the_id_number_across_conversations(demo_engine):
    ask(demo_engine, "c1", ZHANG)
    code = latest_code(demo_engine)
    results = [enter(demo_engine, "c1", wrong(code), T0 + minutes(i)) for i in range(4)]
    assert results == [(CheckStatus.WRONG, 4), (CheckStatus.WRONG, 3), (CheckStatus.WRONG, 2), (CheckStatus.WRONG, 1)]
    assert enter(demo_engine, "c1", wrong(code), T0 + minutes(4))[0] == CheckStatus.LOCKED
    # Even the right code, and a fresh conversation, are refused while locked.
    assert enter(demo_engine, "c1", code, T0 + minutes(5))[0] == CheckStatus.LOCKED
    assert ask(demo_engine, "c2", ZHANG, T0 + minutes(6)).status == RequestStatus.LOCKED


def test_lock_survives_a_restart_and_ends_after_30_minutes(demo_engine, database_url):
    ask(demo_engine, "c1", ZHANG)
    code = latest_code(demo_engine)
    for i in range(5):
        enter(demo_engine, "c1", wrong(code), T0 + minutes(i / 10))
    demo_engine.dispose()
    restarted = create_engine(database_url, future=True)  # a new process would start from nothing but the database
    assert ask(restarted, "c3", ZHANG, T0 + minutes(29)).status == RequestStatus.LOCKED
    assert ask(restarted, "c3", ZHANG, T0 + minutes(31)).status == RequestStatus.SENT_IF_REGISTERED
    assert enter(restarted, "c3", latest_code(restarted), T0 + minutes(32))[0] == CheckStatus.VERIFIED


def test_wrong_codes_spread_over_more_than_an_hour_do_not_lock(demo_engine):
    for i in range(6):
        now = T0 + minutes(20 * i)
        ask(demo_engine, "c1", ZHANG, now)
        assert enter(demo_engine, "c1", wrong(latest_code(demo_engine)), now)[0] == CheckStatus.WRONG


def test_unregistered_numbers_lock_the_same_way(demo_engine):
    ask(demo_engine, "c1", UNREGISTERED)
    statuses = [enter(demo_engine, "c1", "000000", T0 + minutes(i))[0] for i in range(5)]
    assert statuses[-1] == CheckStatus.LOCKED
    assert ask(demo_engine, "c9", UNREGISTERED, T0 + minutes(6)).status == RequestStatus.LOCKED


def test_verified_conversation_expires_after_15_idle_minutes(demo_engine):
    ask(demo_engine, "c1", ZHANG)
    with session_scope(demo_engine) as session:
        outcome = check_code(session, "c1", latest_code(demo_engine), T0)
        sessions.mark_verified(session, "c1", outcome.person, "sms", T0)
    with session_scope(demo_engine) as session:
        assert sessions.verified_person(session, "c1", T0 + minutes(10)).id_number == ZHANG
        assert sessions.verified_person(session, "c1", T0 + minutes(24)).id_number == ZHANG  # 14 idle minutes
        assert sessions.verified_person(session, "c2", T0 + minutes(24)) is None
    with session_scope(demo_engine) as session:
        assert sessions.verified_person(session, "c1", T0 + minutes(40)) is None


def test_log_out_ends_the_verification(demo_engine):
    ask(demo_engine, "c1", ZHANG)
    with session_scope(demo_engine) as session:
        outcome = check_code(session, "c1", latest_code(demo_engine), T0)
        sessions.mark_verified(session, "c1", outcome.person, "sms", T0)
    with session_scope(demo_engine) as session:
        assert sessions.end_verification(session, "c1") is True
        assert sessions.verified_person(session, "c1", T0) is None
        assert sessions.end_verification(session, "c1") is False


def _outbox_texts(engine):
    with session_scope(engine) as session:
        return session.scalars(select(SmsOutbox.text).order_by(SmsOutbox.id)).all()


@pytest.mark.parametrize("language, marker", [("zh", "验证码"), ("en", "code")])
def test_the_text_message_warns_never_to_share_the_code(demo_engine, language, marker):
    with session_scope(demo_engine) as session:
        request_code(session, "c1", ZHANG, OutboxSender(session), language, T0)
    text = _outbox_texts(demo_engine)[-1]
    assert marker in text and ("请勿告诉任何人" in text or "Never tell it to anyone" in text)
