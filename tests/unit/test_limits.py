"""The code-request limits (bot.identity.limits) on SQLite and a real PostgreSQL, times passed in."""
import datetime

import pytest
from sqlalchemy import func, select

from bot.db.engine import session_scope
from bot.db.models import SmsOutbox, VerificationCode
from bot.identity import limits
from bot.identity.codes import RequestStatus, request_code
from bot.identity.id_numbers import check_character
from bot.identity.limits import Limit, Stop
from bot.identity.sms import OutboxSender

ZHANG = "440304198506121230"
UNREGISTERED = "110105198001010016"
T0 = datetime.datetime(2026, 11, 22, 9, 0, tzinfo=datetime.timezone.utc)
seconds = lambda n: datetime.timedelta(seconds=n)  # noqa: E731


def valid_id_number(n: int) -> str:
    """A valid, unregistered ID number for each n."""
    first_17 = f"11010519800101{n:03d}"
    return first_17 + check_character(first_17)


def ask(engine, conversation, id_number, now, client=None):
    with session_scope(engine) as session:
        return request_code(session, conversation, id_number, OutboxSender(session), "en", now, client=client)


def codes_requested(engine) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(func.count()).select_from(VerificationCode))


def test_a_conversation_gets_codes_for_at_most_three_numbers_a_day(demo_engine):
    for n in range(limits.MAX_ID_NUMBERS_PER_CONVERSATION):
        assert ask(demo_engine, "c1", valid_id_number(n), T0 + seconds(n)).status == RequestStatus.SENT_IF_REGISTERED
    now = T0 + seconds(90)
    assert ask(demo_engine, "c1", valid_id_number(7), now).stop == Stop(
        Limit.ID_NUMBERS_PER_CONVERSATION, T0 + limits.ID_NUMBERS_WINDOW - now)
    # A number it already asked about is still fine, and so is a new one in another conversation or a day later.
    assert ask(demo_engine, "c1", valid_id_number(0), now).status == RequestStatus.SENT_IF_REGISTERED
    assert ask(demo_engine, "c2", valid_id_number(7), now).status == RequestStatus.SENT_IF_REGISTERED
    assert ask(demo_engine, "c1", valid_id_number(8), T0 + limits.ID_NUMBERS_WINDOW + seconds(5)).status == \
        RequestStatus.SENT_IF_REGISTERED


def test_typing_a_new_number_every_turn_no_longer_gets_a_code_each_time(demo_engine):
    """The attack: one conversation typed 138 numbers in 30 s and got a code request for each."""
    outcomes = [ask(demo_engine, "c1", valid_id_number(n), T0 + seconds(n / 5)) for n in range(138)]
    assert codes_requested(demo_engine) == limits.MAX_ID_NUMBERS_PER_CONVERSATION
    assert {outcome.stop.limit for outcome in outcomes[3:]} == {Limit.ID_NUMBERS_PER_CONVERSATION}


def test_a_client_gets_at_most_ten_codes_an_hour_in_all_its_conversations(demo_engine):
    """The attack: eight conversations from one address got 510 code requests a minute."""
    outcomes = [ask(demo_engine, f"c{n % 8}", valid_id_number(n), T0 + seconds(n), client="ip-1") for n in range(60)]
    assert codes_requested(demo_engine) == limits.MAX_CODES_PER_CLIENT
    now = T0 + seconds(60)
    assert ask(demo_engine, "c9", valid_id_number(99), now, client="ip-1").stop == Stop(
        Limit.CODES_PER_CLIENT, T0 + limits.CLIENT_WINDOW - now)
    assert {outcome.stop.limit for outcome in outcomes[limits.MAX_CODES_PER_CLIENT:]} == {Limit.CODES_PER_CLIENT}
    assert ask(demo_engine, "c9", valid_id_number(99), now, client="ip-2").status == RequestStatus.SENT_IF_REGISTERED
    assert ask(demo_engine, "c10", valid_id_number(98), now).status == RequestStatus.SENT_IF_REGISTERED  # unknown client
    later = T0 + limits.CLIENT_WINDOW + seconds(1)
    assert ask(demo_engine, "c11", valid_id_number(97), later, client="ip-1").status == RequestStatus.SENT_IF_REGISTERED


@pytest.mark.parametrize("id_number", [ZHANG, UNREGISTERED])
def test_a_number_gets_at_most_five_codes_a_day_from_anyone(demo_engine, id_number):
    minute = limits.RESEND_INTERVAL
    for n in range(limits.MAX_CODES_PER_ID_NUMBER):
        assert ask(demo_engine, f"c{n}", id_number, T0 + n * minute, client=f"ip-{n}").status == \
            RequestStatus.SENT_IF_REGISTERED
    now = T0 + datetime.timedelta(hours=3)
    assert ask(demo_engine, "c9", id_number, now, client="ip-9").stop == Stop(
        Limit.CODES_PER_ID_NUMBER, T0 + limits.ID_NUMBER_WINDOW - now)
    assert ask(demo_engine, "c9", id_number, T0 + limits.ID_NUMBER_WINDOW + seconds(1), client="ip-9").status == \
        RequestStatus.SENT_IF_REGISTERED
    with session_scope(demo_engine) as session:  # the owner's phone got no more than five texts that day
        assert session.scalar(select(func.count()).select_from(SmsOutbox)) == (6 if id_number == ZHANG else 0)


def test_registered_and_unregistered_numbers_meet_every_limit_alike(demo_engine):
    def run(id_number, start):
        stops = []
        for n in range(8):  # every minute from one address and one conversation, then from many
            now = start + n * limits.RESEND_INTERVAL
            stops.append(ask(demo_engine, "same", id_number, now, client="ip-1").stop)
            stops.append(ask(demo_engine, f"other-{n}", id_number, now + seconds(1), client=f"ip-{n + 2}").stop)
        return stops

    assert run(ZHANG, T0) == run(UNREGISTERED, T0 + datetime.timedelta(days=2))
