"""Natural answers in Chinese or English turned into the estimator's values.

Amounts raise InvalidEstimateInput with a reason code (the reply says what to type instead); the other parsers
return None when the answer does not say, so the form can ask again.
"""
import re
import unicodedata
from decimal import Decimal
from typing import Mapping, TypeVar

from bot.reimbursement.amounts import checked_amount
from bot.reimbursement.categories import HospitalLevel, InsuranceType
from bot.reimbursement.errors import InvalidEstimateInput, Reason

CHINESE_NUMERALS = "零〇一二两三四五六七八九十百千万亿"  # the characters a Chinese amount is written with
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = (("亿", 10**8), ("万", 10**4))
# After digits: "3万", "1.5w" (wan), "5千", "6k", "20 thousand".
_MULTIPLIERS = {"万": 10**4, "w": 10**4, "千": 10**3, "k": 10**3, "thousand": 10**3}

# The vocabulary of amounts, in one place: how an amount is written, how people say it roughly, and what is not
# one figure. A rough amount is read as the round figure stated ("两万出头", "三万多", "about 4,000" -> 20,000,
# 30,000, 4,000) and the reply says which figure it used.
_ROUGHLY_BEFORE = (r"大概|大约|大致|约莫|约|差不多|将近|接近|快|近|估计|预计|"
                   r"about|around|roughly|approximately|approx\.?|nearly|almost|close to|some|over|more than|"
                   r"just over|just under|a bit over|a little over|under|less than|~")
_ROUGHLY_AFTER = r"左右|上下|出头|多一点|多|来|不到|以上|以内|or so|-?ish|give or take"
# "几千", "一两万", "三到五万", "3-5万", "a few thousand": a range, not a figure to estimate with.
_VAGUE = re.compile(
    r"几\s*[十百千万]|[十百千万]\s*几|[数上]\s*[千万]|[一二两三四五六七八九]{2}[十百千万]"
    r"|[\d一二两三四五六七八九十]\s*(?:-|~|到|至)\s*[\d一二两三四五六七八九十]+\s*(?:[千万wk]|元|块)"
    r"|\b(?:a few|several|few|some)\s+(?:hundred|thousand)|\bthousands\b|\btens of thousands\b"
)
_MULTIPLIER = r"万|千|w(?![a-z])|k(?![a-z])|thousand\b"

# One amount: "3万元", "三万五千元", "30,000 yuan", "¥5000", "5k", "2w", "10^12", "-500" (NFKC turns "￥" into "¥").
# Spaces belong to a match only inside it, so two matches touch only when nothing separates them ("3万2").
_AMOUNT = re.compile(
    r"(?P<minus>[-−负]\s*)?(?:(?P<currency>¥|rmb|cny)\s*)?"
    r"(?:(?P<base>[1-9]\d*)\s*\^\s*(?P<exponent>\d{1,3})"
    rf"|(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?P<multiplier>{_MULTIPLIER}))?"
    rf"|(?P<numeral>[{CHINESE_NUMERALS}]{{1,20}}))"  # longer runs touch: refused, not recursed
    r"(?:\s*(?P<unit>元|块钱|块|yuan(?![a-z])|rmb|cny))?"
)
_ROUGH_PREFIX = re.compile(rf"(?:{_ROUGHLY_BEFORE})\s*$")
_ROUGH_SUFFIX = re.compile(rf"^\s*(?:{_ROUGHLY_AFTER})")
_ROUGH_ANSWER = re.compile(rf"^(?:{_ROUGHLY_BEFORE})?\s*(?P<amount>.+?)\s*(?:{_ROUGHLY_AFTER})?\s*(?:吧|的样子)?$")
_NO_SELF_FUNDED = re.compile(r"^(没有|没|无|都没有)|\b(none|nothing|no)\b")
# Said in any message: nothing outside the insurance lists ("全都在医保范围内", "no self-paid items", "all covered").
_ALL_COVERED = re.compile(
    r"全(都|部)?(在|是)医保(范围|目录)|都(在|是)医保(范围|目录)|(没有|没|无)(任何)?自费|自费(部分)?(是|为)?\s*(0|零)(?!\d)"
    r"|全(都|部)能报|\bno self[- ]?(paid|funded|pay)\b|\bnothing (was )?self[- ]?(paid|funded)\b"
    r"|\b(all|everything)( of it)?( was| is)? covered\b|\bself[- ]?(paid|funded)( part| items)?( is| was)?:? (0|zero|none)\b"
)
_SELF_FUNDED_UNKNOWN = re.compile(r"不知道|不清楚|不确定|说不清|无法确定|do(n['’]?t| not) know|not sure|no idea|unknown")

_LEVELS = {
    HospitalLevel.LEVEL_1: re.compile(r"一级|1级|primary hospital|\b(level|grade|class)[\s_-]*(1|one|i)\b"),
    HospitalLevel.LEVEL_2: re.compile(r"二级|二甲|二乙|2级|secondary|\b(level|grade|class)[\s_-]*(2|two|ii)\b"),
    HospitalLevel.LEVEL_3: re.compile(r"三级|三甲|三乙|3级|tertiary|\b(level|grade|class)[\s_-]*(3|three|iii)\b"),
}
_TERTIARY_TIERS = {
    HospitalLevel.LEVEL_3_PROVINCIAL: re.compile(r"省级|省属|省立|provincial|province[\s-]*(level|run)"),
    HospitalLevel.LEVEL_3_CITY: re.compile(r"市级|市属|市立|municipal|city[\s-]*(level|run|owned)"),
}

_STAY_ZH = re.compile(r"第\s*(?P<number>[零一二两三四五六七八九十\d]+)\s*[次回]|(?P<first>首次|头一次|头一回)")
_STAY_EN = re.compile(r"\b(?P<number>\d+)(st|nd|rd|th)\b|\b(?P<word>first|second|third|fourth|fifth|sixth)\b")
_ENGLISH_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}

_INSURANCE_TYPES = {
    InsuranceType.EMPLOYEE: re.compile(r"职工|\b(employees?|employer|workers?|staff)\b"),
    InsuranceType.RESIDENT: re.compile(r"居民|新农合|\bresidents?\b"),
}

_NOT_RETIRED = re.compile(r"(未|没|没有)退休|\bnot (yet )?retired\b|\bha(s|ve)n['’]?t retired\b")
_RETIRED = re.compile(r"退休|\b(retired|retiree|pensioner)\b")
_WORKING = re.compile(r"在职|在岗|上班|\b(working|employed|in service|still work)\b")


Value = TypeVar("Value")


def normalize_text(text: str) -> str:
    """NFKC (full-width to half-width, "￥" to "¥"), case-folded, trimmed."""
    return unicodedata.normalize("NFKC", text).casefold().strip()


def _only_match(text: str, patterns: Mapping[Value, re.Pattern]) -> Value | None:
    """The value whose pattern alone matches the text; None when none or several do ("二级还是三级")."""
    matches = [value for value, pattern in patterns.items() if pattern.search(text)]
    return matches[0] if len(matches) == 1 else None


def chinese_numeral_value(numeral: str) -> int:
    """"三万五千" -> 35000, "三万五" -> 35000 (colloquial), "一百零五" -> 105, "十" -> 10."""
    for unit, size in _LARGE_UNITS:
        if unit in numeral:
            head, tail = numeral.split(unit, 1)
            # A lone digit after a unit counts in the next unit down: "三万五" is 35,000.
            tail_value = _DIGITS[tail] * size // 10 if tail in _DIGITS else chinese_numeral_value(tail)
            return chinese_numeral_value(head) * size + tail_value
    value, digit, elided_unit = 0, 0, 1
    for char in numeral:
        if char in _SMALL_UNITS:
            value += (digit or 1) * _SMALL_UNITS[char]  # "十五": a unit with no digit before it counts once
            digit, elided_unit = 0, _SMALL_UNITS[char] // 10
        else:
            digit = _DIGITS[char]
            if digit == 0:
                elided_unit = 1  # "一百零五": after 零 a digit is ones
    return value + digit * elided_unit


def parse_amount(text: str, *, allow_zero: bool = False) -> Decimal:
    """Yuan from "3万", "三万五千元", "30,000 yuan", "¥5000", "5k", "2w", "30000", and said roughly: "5千左右",
    "两万出头", "about 4,000" (the round figure stated); raises InvalidEstimateInput."""
    match = _the_amount(normalize_text(text))
    value = _amount_value(match)
    return checked_amount(-value if match["minus"] else value, allow_zero=allow_zero)


def is_said_roughly(text: str) -> bool:
    """Whether the amount in the text is said roughly or in shorthand ("大概五千", "三万多", "2w", "6k", "3万"), so
    the reply should say which figure it used; False for a plain number ("30000", "30,000 yuan") or no amount."""
    normalized = normalize_text(text)
    try:
        match = _the_amount(normalized)
    except InvalidEstimateInput:
        return False
    rough = _ROUGH_PREFIX.search(normalized[:match.start()]) or _ROUGH_SUFFIX.match(normalized[match.end():])
    return bool(rough or match["multiplier"] or match["numeral"])


def reads_as_amount(text: str) -> bool:
    """An answer that is only an amount, perhaps said roughly ("30000", "-500", "5千左右", "about 4,000"), or that
    holds a number written as money ("花了3万", "30,000 yuan", "¥5000"); "一个月能报几次" holds a 一, not an amount."""
    normalized = normalize_text(text).strip(" 。.!！?？~～")
    whole = _ROUGH_ANSWER.match(normalized)
    return bool((whole and _AMOUNT.fullmatch(whole["amount"])) or mentions_money(normalized)
                or _VAGUE.search(normalized))


def mentions_money(text: str) -> bool:
    """Whether some number in the text is written as money: a currency, a unit, a multiplier ("3万", "5k", "三千")."""
    return any(_looks_like_money(match) for match in _AMOUNT.finditer(normalize_text(text)))


def says_all_covered(text: str) -> bool:
    """"全都在医保范围内", "没有自费", "no self-paid items", "all covered": nothing self-funded, in any message."""
    return bool(_ALL_COVERED.search(normalize_text(text)))


def parse_self_funded(text: str) -> Decimal | None:
    """The self-funded part: 0 for "没有"/"none"/"全都在医保范围内", None when the user does not know; raises like
    parse_amount."""
    normalized = normalize_text(text)
    if _SELF_FUNDED_UNKNOWN.search(normalized):
        return None
    if _NO_SELF_FUNDED.search(normalized) or says_all_covered(normalized):
        return Decimal("0.00")
    return parse_amount(normalized, allow_zero=True)


def _the_amount(normalized: str) -> re.Match:
    if _VAGUE.search(normalized):
        raise InvalidEstimateInput(Reason.VAGUE_AMOUNT)  # "几千", "一两万": asked for one figure instead
    candidates = list(_AMOUNT.finditer(normalized))
    touching = any(first.end() == second.start() for first, second in zip(candidates, candidates[1:]))
    if not candidates or touching:
        # "3万2" and "1万5千" mix digit styles in one amount: refuse them rather than read half.
        raise InvalidEstimateInput(Reason.NOT_A_NUMBER)
    if len(candidates) > 1:
        # "第一次住院花了三万" holds two numbers: the one written as money is the amount.
        candidates = [match for match in candidates if _looks_like_money(match)]
        if len(candidates) != 1:
            raise InvalidEstimateInput(Reason.SEVERAL_AMOUNTS)
    return candidates[0]


def _looks_like_money(match: re.Match) -> bool:
    numeral = match["numeral"] or ""
    return bool(match["currency"] or match["multiplier"] or match["unit"] or set(numeral) & set("百千万亿"))


def _amount_value(match: re.Match) -> Decimal:
    if match["exponent"]:
        return Decimal(match["base"]) ** int(match["exponent"])
    if match["numeral"]:
        return Decimal(chinese_numeral_value(match["numeral"]))
    multiplier = _MULTIPLIERS.get((match["multiplier"] or "").strip(), 1)
    return Decimal(match["digits"].replace(",", "")) * multiplier


def parse_hospital_level(text: str) -> HospitalLevel | None:
    """"三级医院", "三甲", "tertiary", "level 3", "二级", "secondary", "一级" -> the level; None if unclear.

    A tertiary answer that says city-run or province-run ("省级三甲") gives that tier.
    """
    normalized = normalize_text(text)
    level = _only_match(normalized, _LEVELS)
    if level is HospitalLevel.LEVEL_3:
        return parse_tertiary_tier(normalized) or HospitalLevel.LEVEL_3
    return level


def parse_tertiary_tier(text: str) -> HospitalLevel | None:
    """"市级" / "city-level" -> city tertiary, "省级" / "provincial" -> provincial tertiary; None if neither or both."""
    return _only_match(normalize_text(text), _TERTIARY_TIERS)


def parse_stay_order(text: str) -> int | None:
    """"第一次" -> 1, "第二次住院" -> 2, "second time this year" -> 2, "third" -> 3, "2nd" -> 2; None if unclear."""
    normalized = normalize_text(text)
    chinese = _STAY_ZH.search(normalized)
    if chinese:
        number = chinese["number"]
        order = 1 if chinese["first"] else int(number) if number.isdigit() else chinese_numeral_value(number)
    else:
        english = _STAY_EN.search(normalized)
        if not english:
            return None
        order = _ENGLISH_ORDINALS[english["word"]] if english["word"] else int(english["number"])
    return order if order >= 1 else None


def parse_insurance_type(text: str) -> InsuranceType | None:
    """职工 / employee -> employee insurance, 居民 / resident -> residents' insurance; None if neither or both."""
    return _only_match(normalize_text(text), _INSURANCE_TYPES)


def parse_retired(text: str) -> bool | None:
    """True for 退休 / retired, False for 在职 / working (and "not retired"), None if it does not say."""
    normalized = normalize_text(text)
    if _NOT_RETIRED.search(normalized):
        return False
    if _RETIRED.search(normalized):
        return True
    if _WORKING.search(normalized):
        return False
    return None
