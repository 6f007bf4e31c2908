"""Turns what people say about a month ("上个月", "in October", "2026-09", "九月") into a (year, month)."""
import datetime
import re

ENGLISH_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december"]
CHINESE_MONTH_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                         "十": 10, "十一": 11, "十二": 12}

YEAR_MONTH = re.compile(r"(20\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})(?!\d)")
MONTH_NUMBER = re.compile(r"(?<!\d)(\d{1,2})\s*月")
CHINESE_MONTH = re.compile(r"(十[一二]|[一二三四五六七八九十])月")
ENGLISH_MONTH = re.compile(
    r"(?:\b(in|for|of|during)\s+)?\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:,?\s*(20\d{2}))?",
    re.IGNORECASE,
)
YearMonth = tuple[int, int]


def resolve_month(text: str, today: datetime.date) -> YearMonth | None:
    lowered = text.lower()
    if any(word in lowered for word in ("上个月", "上月", "last month")):
        return _shift(today, -1)
    if any(word in lowered for word in ("本月", "这个月", "this month")):
        return today.year, today.month
    if match := YEAR_MONTH.search(text):
        month = int(match.group(2))
        return (int(match.group(1)), month) if 1 <= month <= 12 else None
    for match in ENGLISH_MONTH.finditer(text):
        preposition, name, year = match.groups()
        month = [month_name[:3] for month_name in ENGLISH_MONTHS].index(name[:3].lower()) + 1
        if month == 5 and not (preposition or year):  # "may I see ..." is not a month
            continue
        return (int(year), month) if year else _latest(month, today)
    if match := MONTH_NUMBER.search(text):
        month = int(match.group(1))
        return _latest(month, today) if 1 <= month <= 12 else None
    if match := CHINESE_MONTH.search(text):
        return _latest(CHINESE_MONTH_NUMBERS[match.group(1)], today)
    return None


def _shift(today: datetime.date, months: int) -> YearMonth:
    index = today.year * 12 + today.month - 1 + months
    return index // 12, index % 12 + 1


def _latest(month: int, today: datetime.date) -> YearMonth:
    """A month named without a year means the most recent one: "October" in March is last October."""
    return (today.year, month) if month <= today.month else (today.year - 1, month)


def named_year(text: str, today: datetime.date) -> int:
    """The year a question is about: "2025", "去年" / "last year", or this year."""
    if match := re.search(r"(?<!\d)(20\d{2})(?!\d)", text):
        return int(match.group(1))
    if "去年" in text or "last year" in text.lower():
        return today.year - 1
    return today.year
