"""Follow-ups to a look-up just shown: "那上个月呢", "全年一共呢", "只看药店的", "and my contributions?".

A follow-up leans on the look-up before it. `resolve_follow_up` reads what its words change (the month or the
year, the kind of spending, or another service named outright) and keeps the rest. Months and years are read
with bot.accounts.periods, the one vocabulary for them. Pure Python: no Rasa, no database.
"""
import datetime

from bot.accounts.lookup import LookUpRequest
from bot.accounts.periods import (YearMonth, means_whole_year, mentioned_year, month_from_context, month_period,
                                  parse_period, resolve_month, year_from_context, year_of)

INPATIENT = "inpatient"  # hospital stays: those are the claims (settlements), not a kind of spending
# The kinds of care a follow-up narrows to, checked in this order (the first one named wins).
KIND_WORDS = (
    ("pharmacy", ("药店", "药房", "买药", "购药", "pharmacy", "pharmacies", "drugstore", "chemist")),
    ("emergency", ("急诊", "emergency", "a&e")),
    ("outpatient", ("门诊", "outpatient", "clinic")),
    (INPATIENT, ("住院", "inpatient", "hospital stay", "hospitalization", "hospitalisation", "hospital", "医院")),
)
EVERY_KIND = ("全部", "所有", "不限", "都算上", "all of them", "all kinds", "every kind", "everything")
# Another service named outright, checked in this order ("住院结算明细" is claims, not spending).
SERVICE_WORDS = (
    ("contributions", ("缴费", "交费", "缴纳", "保费", "contribution", "premium")),
    ("balance", ("余额", "还剩多少", "balance")),
    ("claims", ("结算", "报销记录", "settlement", "claims")),
    ("yearly_totals", ("年度汇总", "汇总", "summary", "totals")),
    ("spending", ("消费", "明细", "流水", "刷卡", "spending", "expenses", "transactions", "purchases",
                  "consumption")),
)
# "一共呢" without a month asks for the year's totals (a month's list already ends with its total).
TOTAL_WORDS = ("一共", "总共", "合计", "加起来", "总计", "in total", "altogether", "all together", "add up",
               "adds up", "sum up")


def resolve_follow_up(text: str, service: str | None, period: str | None, today: datetime.date,
                      scope: str | None = None) -> LookUpRequest:
    """The look-up a follow-up asks for, given the one just shown (its service, period and, for spending, scope).

    A month ("那上个月呢", "what about August?") is spending in that month; a year or the whole year ("去年呢",
    "全年一共呢") is the yearly totals; a kind of care ("只看药店的") narrows spending, and hospital stays
    ("只看住院的") are the claims; a service named ("余额呢", "and my contributions?") is that service. Words that
    change nothing repeat the look-up just shown (the balance when there was none).
    """
    lowered = text.lower()
    shown = parse_period(period)
    shown_year = year_of(shown)
    kind = _first_named(lowered, KIND_WORDS)
    named = _first_named(lowered, SERVICE_WORDS)
    month = _month(text, shown, today)
    year = mentioned_year(text, today) or (year_from_context(text, shown_year) if shown_year else None)
    whole_year = means_whole_year(text) or any(word in lowered for word in TOTAL_WORDS)
    keeps_scope = service == "spending" and not any(word in lowered for word in EVERY_KIND)

    if kind == INPATIENT and named in (None, "claims", "spending"):
        return LookUpRequest("claims")
    target = named or ("spending" if kind or month else "yearly_totals" if year or whole_year else None)
    if target is None:
        return LookUpRequest(service or "balance", period, scope if keeps_scope else None)
    if target == "spending":
        if month:
            spending_period = month_period(month)
        elif year or whole_year:
            spending_period = str(year or shown_year or today.year)
        else:
            spending_period = period
        return LookUpRequest("spending", spending_period, kind or (scope if keeps_scope else None))
    if target == "yearly_totals":
        return LookUpRequest("yearly_totals", str(year or year_of(month) or shown_year or today.year))
    return LookUpRequest(target)


def _month(text: str, shown: YearMonth | int | None, today: datetime.date) -> YearMonth | None:
    """The month named: read in the year just shown when the words give none; or counted from the month shown."""
    named = resolve_month(text, today, year=shown if isinstance(shown, int) else None)
    if named is None and isinstance(shown, tuple):
        return month_from_context(text, shown)
    return named


def _first_named(lowered: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    return next((name for name, words in table if any(word in lowered for word in words)), None)
