"""The one vocabulary for months and years: what people say ("上个月", "in October", "2026-09", "九月", "去年",
"the whole year") turned into a (year, month) or a year, and the period strings a look-up keeps ("2026-09",
"2025"). Requests and follow-ups both read their months and years here.
"""
import datetime
import re

ENGLISH_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december"]
CHINESE_MONTH_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                         "十": 10, "十一": 11, "十二": 12}

# Months and years counted from today; the longer words first ("上上个月" before "上个月").
MONTHS_FROM_TODAY = (
    (("上上个月", "上上月", "month before last"), -2),
    (("上个月", "上一个月", "上月", "last month"), -1),
    (("本月", "这个月", "this month"), 0),
)
YEARS_FROM_TODAY = (
    (("前年", "year before last"), -2),
    (("去年", "上一年", "上年", "last year"), -1),
    (("今年", "本年", "this year"), 0),
)
# Months and years counted from the one just shown ("the month before" September is August).
MONTHS_FROM_CONTEXT = (
    (("往前一个月", "往前推一个月", "前一个月", "the month before", "the previous month", "a month earlier"), -1),
    (("往后一个月", "往后推一个月", "后一个月", "下一个月", "the month after", "the next month", "a month later"), 1),
)
YEARS_FROM_CONTEXT = (
    (("往前一年", "往前推一年", "前一年", "the year before", "the previous year", "a year earlier"), -1),
    (("往后一年", "往后推一年", "后一年", "下一年", "the year after", "the next year", "a year later"), 1),
)
WHOLE_YEAR = ("全年", "整年", "全年度", "一年下来", "whole year", "full year", "entire year", "all year",
              "for the year", "annual", "yearly")

YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
YEAR_MONTH = re.compile(r"(20\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})(?!\d)")
MONTH_NUMBER = re.compile(r"(?<!\d)(\d{1,2})\s*月")
CHINESE_MONTH = re.compile(r"(十[一二]|[一二三四五六七八九十])月")
ENGLISH_MONTH = re.compile(
    r"(?:\b(in|for|of|during)\s+)?\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:,?\s*(20\d{2}))?",
    re.IGNORECASE,
)
MODAL_MAY = re.compile(r"\s+(?:i|we|you|he|she|it|they|be|have|not|also)\b", re.IGNORECASE)  # "may I see ..."
YearMonth = tuple[int, int]


def resolve_month(text: str, today: datetime.date, year: int | None = None) -> YearMonth | None:
    """The month a text names. A month named without a year is in the year its words name ("去年9月"), else in
    `year` (the year just shown, if any), else the most recent one ("October" in March is last October)."""
    lowered = text.lower()
    if (step := _step(lowered, MONTHS_FROM_TODAY)) is not None:
        return shift_month((today.year, today.month), step)
    if match := YEAR_MONTH.search(text):
        month = int(match.group(2))
        return (int(match.group(1)), month) if 1 <= month <= 12 else None
    month, named_with = _bare_month(text)
    if month is None:
        return None
    if named_with or (named_with := mentioned_year(text, today)):
        return named_with, month
    if year is not None:
        return year, month
    return (today.year, month) if month <= today.month else (today.year - 1, month)


def _bare_month(text: str) -> tuple[int | None, int | None]:
    """A month's number and the year written right after it ("Sept 2025"), or (None, None)."""
    for match in ENGLISH_MONTH.finditer(text):
        preposition, name, year = match.groups()
        if name.lower() == "may" and not (preposition or year) and MODAL_MAY.match(text, match.end()):
            continue
        month = [month_name[:3] for month_name in ENGLISH_MONTHS].index(name[:3].lower()) + 1
        return month, int(year) if year else None
    if match := MONTH_NUMBER.search(text):
        month = int(match.group(1))
        return (month, None) if 1 <= month <= 12 else (None, None)
    if match := CHINESE_MONTH.search(text):
        return CHINESE_MONTH_NUMBERS[match.group(1)], None
    return None, None


def month_from_context(text: str, shown: YearMonth) -> YearMonth | None:
    """"前一个月" / "the month before" the month just shown, or None when the text says no such thing."""
    step = _step(text.lower(), MONTHS_FROM_CONTEXT)
    return None if step is None else shift_month(shown, step)


def year_from_context(text: str, shown: int) -> int | None:
    """"前一年" / "the year before" the year just shown, or None when the text says no such thing."""
    step = _step(text.lower(), YEARS_FROM_CONTEXT)
    return None if step is None else shown + step


def mentioned_year(text: str, today: datetime.date) -> int | None:
    """The year a text names: "2025", "去年" / "last year", "今年"; None when it names none."""
    if match := YEAR.search(text):
        return int(match.group(1))
    return _year_in_words(text.lower(), today)


def named_year(text: str, today: datetime.date) -> int:
    """The year a question is about: "2025", "去年" / "last year", or this year."""
    return mentioned_year(text, today) or today.year


def means_whole_year(text: str) -> bool:
    """"全年" / "the whole year": a year as a whole rather than one of its months."""
    lowered = text.lower()
    return any(word in lowered for word in WHOLE_YEAR)


def shift_month(month: YearMonth, months: int) -> YearMonth:
    index = month[0] * 12 + month[1] - 1 + months
    return index // 12, index % 12 + 1


def month_period(month: YearMonth) -> str:
    """(2026, 9) -> "2026-09", the form a look-up keeps."""
    return f"{month[0]}-{month[1]:02d}"


def parse_period(period: str | None) -> YearMonth | int | None:
    """A kept period back as a (year, month) ("2026-09"), a year ("2025"), or None."""
    if not period:
        return None
    if len(period) == 4:
        return int(period)
    return int(period[:4]), int(period[5:7])


def year_of(period: YearMonth | int | None) -> int | None:
    return period[0] if isinstance(period, tuple) else period


def _year_in_words(lowered: str, today: datetime.date) -> int | None:
    step = _step(lowered, YEARS_FROM_TODAY)
    return None if step is None else today.year + step


def _step(lowered: str, table: tuple[tuple[tuple[str, ...], int], ...]) -> int | None:
    return next((step for words, step in table if any(word in lowered for word in words)), None)
