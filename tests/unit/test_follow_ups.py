"""Follow-ups after a look-up ("那上个月呢", "the whole year?", "只看住院的"): what they change and what they keep."""
import datetime
import subprocess
import sys

import pytest
from sqlalchemy import select

from bot.accounts.follow_ups import resolve_follow_up
from bot.accounts.lookup import LookUpRequest, look_up
from bot.accounts.periods import resolve_month
from bot.db.engine import session_scope
from bot.db.models import InsuredPerson

TODAY = datetime.date(2026, 11, 22)
R = LookUpRequest

# (what was said, the look-up just shown: service, period) -> the look-up asked for
CHINESE = [
    # another month: spending keeps its service, the others move to spending
    ("那上个月呢", "spending", "2026-09", R("spending", "2026-10")),
    ("9月的呢", "spending", "2026-10", R("spending", "2026-09")),
    ("8月的呢", "claims", None, R("spending", "2026-08")),
    ("那九月份呢", "yearly_totals", "2025", R("spending", "2025-09")),  # in the year shown
    ("12月的呢", "balance", None, R("spending", "2025-12")),  # the latest December
    ("去年9月的呢", "spending", "2026-09", R("spending", "2025-09")),
    ("上上个月的呢", "contributions", None, R("spending", "2026-09")),
    ("前一个月呢", "spending", "2026-09", R("spending", "2026-08")),
    ("再往前一个月", "spending", "2026-01", R("spending", "2025-12")),
    ("再往前推一个月呢", "spending", "2026-09", R("spending", "2026-08")),
    ("往后推一个月", "spending", "2026-09", R("spending", "2026-10")),
    # the whole year, another year
    ("全年一共呢", "spending", "2025-12", R("yearly_totals", "2025")),
    ("全年", "balance", None, R("yearly_totals", "2026")),
    ("全年加起来呢", "claims", None, R("yearly_totals", "2026")),
    ("今年一共", "yearly_totals", "2025", R("yearly_totals", "2026")),
    ("那今年到现在一共呢", "spending", "2025-10", R("yearly_totals", "2026")),
    ("去年呢", "yearly_totals", "2026", R("yearly_totals", "2025")),
    ("去年的呢", "spending", "2026-09", R("yearly_totals", "2025")),
    ("那前年呢", "contributions", None, R("yearly_totals", "2024")),
    ("前一年呢", "yearly_totals", "2025", R("yearly_totals", "2024")),
    ("再往前推一年", "yearly_totals", "2025", R("yearly_totals", "2024")),
    ("2024年的呢", "yearly_totals", "2026", R("yearly_totals", "2024")),
    # hospital stays are the claims; the other kinds narrow spending
    ("只看住院的", "spending", "2026-09", R("claims")),
    ("只看住院那部分", "yearly_totals", "2026", R("claims")),
    ("光看医院的", "spending", None, R("claims")),
    ("只要药店的", "spending", "2026-09", R("spending", "2026-09", "pharmacy")),
    ("只看药店的消费", "balance", None, R("spending", None, "pharmacy")),
    ("换成门诊的看看", "yearly_totals", "2025", R("spending", "2025", "outpatient")),
    ("急诊的呢", "claims", None, R("spending", None, "emergency")),
    ("上个月药店的呢", "spending", "2026-09", R("spending", "2026-10", "pharmacy")),
    # another service named outright
    ("缴费记录呢", "spending", "2026-09", R("contributions")),
    ("余额呢", "yearly_totals", "2026", R("balance")),
    ("住院结算呢", "spending", "2026-09", R("claims")),
    ("年度汇总呢", "spending", "2025-03", R("yearly_totals", "2025")),
    ("那明细呢", "yearly_totals", "2025", R("spending", "2025")),
    ("去年的消费明细呢", "claims", None, R("spending", "2025")),
]
ENGLISH = [
    ("what about August?", "spending", "2026-09", R("spending", "2026-08")),
    ("and in October", "claims", None, R("spending", "2026-10")),
    ("what about september?", "yearly_totals", "2025", R("spending", "2025-09")),
    ("what about May?", "spending", "2026-09", R("spending", "2026-05")),
    ("same for july", "spending", "2026-09", R("spending", "2026-07")),
    ("and March 2025?", "spending", "2026-09", R("spending", "2025-03")),
    ("and last month?", "balance", None, R("spending", "2026-10")),
    ("and the month before?", "spending", "2026-09", R("spending", "2026-08")),
    ("the month after?", "spending", "2025-12", R("spending", "2026-01")),
    ("the whole year?", "spending", "2025-12", R("yearly_totals", "2025")),
    ("what about the whole year", "yearly_totals", "2025", R("yearly_totals", "2025")),
    ("and in total?", "claims", None, R("yearly_totals", "2026")),
    ("last year?", "spending", "2026-09", R("yearly_totals", "2025")),
    ("and last year?", "yearly_totals", "2026", R("yearly_totals", "2025")),
    ("and the year before", "yearly_totals", "2025", R("yearly_totals", "2024")),
    ("how about 2022", "spending", "2026-09", R("yearly_totals", "2022")),
    ("only hospital stays", "spending", "2026-09", R("claims")),
    ("only the hospital ones", "yearly_totals", "2026", R("claims")),
    ("just pharmacy please", "spending", "2026-10", R("spending", "2026-10", "pharmacy")),
    ("only outpatient", "claims", None, R("spending", None, "outpatient")),
    ("just the emergency visits", "yearly_totals", "2026", R("spending", "2026", "emergency")),
    ("and my contributions?", "spending", "2026-09", R("contributions")),
    ("what about my balance?", "claims", None, R("balance")),
    ("and the settlements?", "balance", None, R("claims")),
    ("and the yearly totals?", "spending", "2026-09", R("yearly_totals", "2026")),
]


@pytest.mark.parametrize("text, service, period, expected", CHINESE + ENGLISH)
def test_a_follow_up_changes_what_it_names_and_keeps_the_rest(text, service, period, expected):
    assert resolve_follow_up(text, service, period, TODAY) == expected


@pytest.mark.parametrize("text, scope, expected", [
    ("8月的呢", "pharmacy", R("spending", "2026-08", "pharmacy")),  # the kind shown is kept for another month
    ("what about August?", "outpatient", R("spending", "2026-08", "outpatient")),
    ("只看门诊的", "pharmacy", R("spending", "2026-09", "outpatient")),  # a new kind replaces it
    ("全部的呢", "pharmacy", R("spending", "2026-09")),  # every kind again
    ("and all of them again", "emergency", R("spending", "2026-09")),
    ("全年一共呢", "pharmacy", R("yearly_totals", "2026")),  # the totals are by category already
    ("只看住院的", "pharmacy", R("claims")),
])
def test_the_kind_of_spending_shown_is_kept_until_changed(text, scope, expected):
    assert resolve_follow_up(text, "spending", "2026-09", TODAY, scope=scope) == expected


@pytest.mark.parametrize("text, service, period, scope", [
    ("好的", "spending", "2026-09", "pharmacy"),
    ("hmm", "yearly_totals", "2025", None),
    ("what about it?", "claim_detail", None, None),
])
def test_words_that_change_nothing_repeat_the_look_up(text, service, period, scope):
    assert resolve_follow_up(text, service, period, TODAY, scope=scope) == R(service, period, scope)


@pytest.mark.parametrize("text, expected", [
    ("8月的呢", R("spending", "2026-08")), ("last year?", R("yearly_totals", "2025")),
    ("只要药店的", R("spending", None, "pharmacy")), ("嗯", R("balance")),
])
def test_a_follow_up_with_no_look_up_before_it(text, expected):
    assert resolve_follow_up(text, None, None, TODAY) == expected


def test_a_bare_month_is_read_in_the_year_given_and_words_win_over_it():
    assert resolve_month("9月", TODAY, year=2024) == (2024, 9)
    assert resolve_month("去年9月", TODAY, year=2024) == (2025, 9)
    assert resolve_month("2023-09", TODAY, year=2024) == (2023, 9)
    assert resolve_month("上个月", TODAY, year=2024) == (2026, 10)


def test_the_follow_up_goes_straight_into_the_look_up(demo_engine):
    request = resolve_follow_up("只要药店的", "spending", "2026-09", TODAY)
    with session_scope(demo_engine) as session:
        person = session.scalars(select(InsuredPerson).where(InsuredPerson.id_number == "440304198506121230")).one()
        text = look_up(session, "conv", person, request, "zh", TODAY).text
    assert "2026年9月的药店购药明细（共 1 笔）" in text and "45.30 元" in text and "急诊" not in text


def test_follow_ups_need_no_rasa():
    code = ("import sys, bot.accounts.follow_ups; "
            "sys.exit(any(name.split('.')[0] in ('rasa', 'rasa_sdk') for name in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
