"""Codes, wrong-code stops and locks, verified conversations on SQLite and a real PostgreSQL (times passed in)."""
import datetime

import pytest
from sqlalchemy import create_engine, select

from bot.db.engine import session_scope
from bot.db.models import SmsOutbox, VerificationCode
from bot.identity import limits, lockout, sessions
from bot.identity.codes import CheckStatus, RequestStatus, check_code, request_code, resend_code
from bot.identity.limits import Limit, Stop
from bot.identity.sms import OutboxSender
from tests.unit.action_conversation import latest_code

ZHANG = "440304198506121230"
UNREGISTERED = "110105198001010016"  # a valid number that is not on file
T0 = datetime.datetime(2026, 11, 22, 9, 0, tzinfo=datetime.timezone.utc)
minutes = lambda n: datetime.timedelta(minutes=n)  # noqa: E731


def ask(engine, conversation, id_number, now=T0, client=None):
    with session_scope(engine) as session:
        return request_code(session, conversation, id_number, OutboxSender(session), "zh", now, client=client)


def enter(engine, conversation, code, now=T0, client=None):
    with session_scope(engine) as session:
        outcome = check_code(session, conversation, code, now, client=client)
        return outcome.status, outcome.codes_left


def stop_of_entry(engine, conversation, code, now, client=None):
    with session_scope(engine) as session:
        return check_code(session, conversation, code, now, client=client).stop


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
    assert too_soon.status == RequestStatus.STOPPED
    assert too_soon.stop == Stop(Limit.RESEND_INTERVAL, datetime.timedelta(seconds=30))
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


def test_three_wrong_codes_void_the_code_and_stop_this_conversation_for_30_minutes(demo_engine):
    ask(demo_engine, "c1", ZHANG)
    code = latest_code(demo_engine)
    assert [enter(demo_engine, "c1", wrong(code), T0 + minutes(i)) for i in range(2)] == [
        (CheckStatus.WRONG, 2), (CheckStatus.WRONG, 1)]
    assert stop_of_entry(demo_engine, "c1", wrong(code), T0 + minutes(2)) == Stop(Limit.WRONG_CODES, minutes(28))
    # Even the right code is refused now, and this conversation gets no new code until 30 minutes after the first.
    assert enter(demo_engine, "c1", code, T0 + minutes(3))[0] == CheckStatus.STOPPED
    assert ask(demo_engine, "c1", ZHANG, T0 + minutes(10)).stop == Stop(Limit.WRONG_CODES, minutes(20))
    assert ask(demo_engine, "c1", ZHANG, T0 + minutes(31)).status == RequestStatus.SENT_IF_REGISTERED
    assert enter(demo_engine, "c1", latest_code(demo_engine), T0 + minutes(32))[0] == CheckStatus.VERIFIED


def test_the_voided_code_is_dead_once_the_stop_ends(demo_engine):
    ask(demo_engine, "c1", ZHANG)
    code = latest_code(demo_engine)
    for i in range(3):
        enter(demo_engine, "c1", wrong(code), T0 + minutes(i / 10))
    assert enter(demo_engine, "c1", code, T0 + minutes(4))[0] == CheckStatus.STOPPED
    with session_scope(demo_engine) as session:
        assert session.scalars(select(VerificationCode.expires_at)).one() == T0 + minutes(0.2)


def test_the_owner_still_gets_a_code_after_another_conversation_and_client_guessed_wrong(demo_engine):
    ask(demo_engine, "attacker", ZHANG, client="client-a")
    for i in range(3):
        enter(demo_engine, "attacker", "000000", T0 + minutes(i / 10), client="client-a")
    owner = ask(demo_engine, "owner", ZHANG, T0 + minutes(1), client="client-b")
    assert owner.status == RequestStatus.SENT_IF_REGISTERED
    assert enter(demo_engine, "owner", latest_code(demo_engine), T0 + minutes(2), client="client-b")[0] == \
        CheckStatus.VERIFIED


def test_one_client_is_stopped_in_all_its_conversations(demo_engine):
    ask(demo_engine, "c1", ZHANG, client="client-a")
    for i in range(3):
        enter(demo_engine, "c1", "000000", T0 + minutes(i / 10), client="client-a")
    assert ask(demo_engine, "c2", ZHANG, T0 + minutes(2), client="client-a").stop.limit == Limit.WRONG_CODES
    assert ask(demo_engine, "c3", ZHANG, T0 + minutes(2), client="client-b").status == RequestStatus.SENT_IF_REGISTERED


def test_wrong_codes_of_one_client_across_conversations_add_up(demo_engine):
    for i, conversation in enumerate(("c1", "c2")):
        ask(demo_engine, conversation, ZHANG, T0 + minutes(2 * i), client="client-a")
    enter(demo_engine, "c1", "000000", T0 + minutes(3), client="client-a")
    assert enter(demo_engine, "c2", "000000", T0 + minutes(3), client="client-a") == (CheckStatus.WRONG, 1)
    assert stop_of_entry(demo_engine, "c2", "000000", T0 + minutes(4), client="client-a").limit == Limit.WRONG_CODES


def distributed_attack(engine, id_number, clients, start=T0):
    """Each client asks for a code (a minute apart) and guesses until stopped; returns the last stop."""
    stop = None
    for i, client in enumerate(clients):
        now = start + minutes(2 * i)
        ask(engine, f"attacker-{client}", id_number, now, client=client)
        for _ in range(lockout.MAX_WRONG_CODES_PER_SOURCE):
            stop = stop_of_entry(engine, f"attacker-{client}", "000000", now, client=client)
            if stop:
                break
    return stop


def test_a_distributed_attack_locks_the_number_for_everyone_for_a_day(demo_engine):
    stop = distributed_attack(demo_engine, ZHANG, ["ip-1", "ip-2", "ip-3", "ip-4"])
    assert stop == Stop(Limit.LOCKED, lockout.LOCK_DURATION)  # the 10th wrong code, from the 4th address
    assert ask(demo_engine, "owner", ZHANG, T0 + minutes(30), client="owner-ip").stop.limit == Limit.LOCKED
    assert ask(demo_engine, "owner", ZHANG, T0 + datetime.timedelta(days=1, minutes=7),
               client="owner-ip").status == RequestStatus.SENT_IF_REGISTERED


def test_no_number_is_locked_by_fewer_clients_even_with_every_guess_of_the_day(demo_engine):
    outcomes = []
    for i in range(limits.MAX_CODES_PER_ID_NUMBER):
        now, client = T0 + minutes(31 * i), ("ip-1", "ip-2")[i % 2]
        ask(demo_engine, f"c{i}", ZHANG, now, client=client)
        outcomes += [stop_of_entry(demo_engine, f"c{i}", "000000", now, client=client) for _ in range(3)]
    assert outcomes.count(None) == 10 and {stop.limit for stop in outcomes if stop} == {Limit.WRONG_CODES}


def test_lock_survives_a_restart(demo_engine, database_url):
    distributed_attack(demo_engine, ZHANG, ["ip-1", "ip-2", "ip-3", "ip-4"])
    demo_engine.dispose()
    restarted = create_engine(database_url, future=True)  # a new process would start from nothing but the database
    assert ask(restarted, "c9", ZHANG, T0 + datetime.timedelta(hours=23), client="ip-9").stop.limit == Limit.LOCKED


def test_unregistered_numbers_are_stopped_and_locked_the_same_way(demo_engine):
    def attack(id_number, start):
        stops = [distributed_attack(demo_engine, id_number, ["ip-1", "ip-2", "ip-3", "ip-4"], start)]
        stops.append(ask(demo_engine, "owner", id_number, start + minutes(30), client="owner-ip").stop)
        return stops

    assert attack(UNREGISTERED, T0) == attack(ZHANG, T0 + datetime.timedelta(days=1))


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
