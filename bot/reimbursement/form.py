"""The estimate form without Rasa: which answers it still needs, and what a message says about each of them.

Slot values are plain strings so they survive the tracker store: insurance type and hospital level are the enum
values, amounts are yuan as text ("30000.00"), `est_self_funded` may be UNKNOWN, `est_city` is a city id from
bot.nlp.entity_patterns.CITIES or OTHER_CITY.
"""
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Mapping

from bot.language import CHINESE
from bot.nlp.entity_patterns import CITIES
from bot.reimbursement.categories import HospitalLevel, InsuranceType
from bot.reimbursement.errors import InvalidEstimateInput, Reason
from bot.reimbursement.explain import explain_figure_used, explain_problem
from bot.reimbursement.parsing import (
    CHINESE_NUMERALS,
    is_said_roughly,
    mentions_money,
    normalize_text,
    parse_amount,
    parse_hospital_level,
    parse_insurance_type,
    parse_retired,
    parse_self_funded,
    parse_stay_order,
    parse_tertiary_tier,
    reads_as_amount,
    says_all_covered,
)
from bot.reimbursement.regions import find_region
from bot.reimbursement.replies import explain_stay

INSURANCE_TYPE = "est_insurance_type"
RETIRED = "est_retired"
CITY = "est_city"
HOSPITAL_LEVEL = "est_hospital_level"
TERTIARY_TIER = "est_tertiary_tier"
STAY_ORDER = "est_stay_order"
TOTAL_COST = "est_total_cost"
SELF_FUNDED = "est_self_funded"
SLOTS = (INSURANCE_TYPE, RETIRED, CITY, HOSPITAL_LEVEL, TERTIARY_TIER, STAY_ORDER, TOTAL_COST, SELF_FUNDED)

UNKNOWN = "unknown"
OTHER_CITY = "other"
IS_RETIRED, IN_SERVICE = "retired", "in_service"
MAX_STAY_ORDER = 50  # a bare number above this is not a count of stays in one year

_DO_NOT_KNOW = r"不知道|不清楚|不确定|不记得|说不准|do(n['’]?t| not) know|not sure|unsure|no idea"
_CITY_UNKNOWN = re.compile(rf"{_DO_NOT_KNOW}|不方便|其他|其它|别的|other|skip|elsewhere")
# Said in any message, the city being what is not known: "城市不清楚", "不知道哪个城市的标准", "not sure about the city".
_CITY_NOT_KNOWN = re.compile(rf"(城市|哪个市|哪座城市|参保地)[^，,。;；]{{0,6}}({_DO_NOT_KNOW})"
                             rf"|({_DO_NOT_KNOW})[^，,。;；]{{0,8}}(城市|哪个市|参保地)"
                             rf"|({_DO_NOT_KNOW})[^,.;]{{0,20}}\b(city|town)\b|\b(city|town)\b[^,.;]{{0,12}}\b(unknown|not sure)")
_BARE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
# Numbers that count something else: "2024年", "住了120天", "65岁", "3 days".
_NOT_MONEY = re.compile(r"\d+\s*(年|月|日|号|天|岁|次|周|个月|小时|years?|months?|weeks?|days?|hours?|times)")
# An Arabic-numeral amount in a first message only counts from 100 yuan: "level 3", "2nd" are not bills.
_SMALLEST_UNMARKED_AMOUNT = Decimal(100)
# A city that is not on file: a few Chinese characters or Latin words, not a question or a number.
_PLACE_PREFIX = re.compile(r"^(我在|我是|在|i live in|i'm in|i am in|in)\s*")
_PLACE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}(市|县|区|州|盟)?$|^[a-z][a-z .'-]{1,30}$")
_NUMERALS_ONLY = re.compile(rf"^[{CHINESE_NUMERALS}]+$")


@dataclass(frozen=True)
class Reading:
    """What one message says about one slot: a value, or the problem with what was typed.

    `recognized` is False when the message does not look like an answer to the slot at all, so the dialogue may
    treat it as a different question ("how do I pay the premium?" in the middle of the form).
    """

    value: str | None = None
    problem: Reason | None = None
    recognized: bool = True
    restate: bool = False  # an amount said roughly or in shorthand: the reply says the figure it used


def required_slots(values: Mapping[str, Any]) -> list[str]:
    """The slots this estimate needs, in the order they are asked; it stops early when no estimate is possible."""
    slots = [INSURANCE_TYPE]
    if values.get(INSURANCE_TYPE) != InsuranceType.RESIDENT.value:  # residents' insurance has no retiree rule
        slots.append(RETIRED)
    slots += [CITY, HOSPITAL_LEVEL]
    if blocking_problem(values):
        return slots
    if _needs_tertiary_tier(values):
        slots.append(TERTIARY_TIER)
    return slots + [STAY_ORDER, TOTAL_COST, SELF_FUNDED]


def blocking_problem(values: Mapping[str, Any]) -> Reason | None:
    """LEVEL_NOT_IN_REGION once insurance type, city and level are known and the region has no figures for it."""
    problem = _level_problem(values)
    return problem if problem is Reason.LEVEL_NOT_IN_REGION else None


def _needs_tertiary_tier(values: Mapping[str, Any]) -> bool:
    return _level_problem(values) is Reason.TERTIARY_TIER_NEEDED and not values.get(TERTIARY_TIER)


def _level_problem(values: Mapping[str, Any]) -> Reason | None:
    if not all(values.get(slot) for slot in (INSURANCE_TYPE, CITY, HOSPITAL_LEVEL)):
        return None
    region = find_region(values[CITY], InsuranceType(values[INSURANCE_TYPE])).region
    try:
        region.level_rule(HospitalLevel(values[HOSPITAL_LEVEL]))
    except InvalidEstimateInput as error:
        return error.reason
    return None


def read(slot: str, text: str, *, asked: bool, first_message: bool = False) -> Reading | None:
    """What `text` says about `slot`; None when it says nothing.

    A slot that was just asked for always gets a Reading. Amounts are read only when asked for, or from the
    message that started the estimate ("I spent 30,000 yuan in a tertiary hospital").
    """
    return _READERS[slot](text, asked, first_message)


def _choice(parse: Callable[[str], Any], missing: Reason, encode: Callable[[Any], str] = lambda value: value.value):
    def reader(text: str, asked: bool, first_message: bool) -> Reading | None:
        value = parse(text)
        if value is not None:
            return Reading(encode(value))
        return Reading(problem=missing, recognized=False) if asked else None
    return reader


_read_retired = _choice(parse_retired, Reason.UNKNOWN_EMPLOYMENT_STATUS,
                        lambda retired: IS_RETIRED if retired else IN_SERVICE)
_choose_tier = _choice(parse_tertiary_tier, Reason.TERTIARY_TIER_NEEDED)


def _read_tier(text: str, asked: bool, first_message: bool) -> Reading | None:
    # Only as an answer: outside it, "市级" alone says nothing about a hospital.
    return _choose_tier(text, asked, first_message) if asked else None


def _read_stay_order(text: str, asked: bool, first_message: bool) -> Reading | None:
    order = parse_stay_order(text)
    bare = _BARE_NUMBER.match(text) if asked else None
    if order is None and bare:
        order = int(bare.group(1)) if 1 <= int(bare.group(1)) <= MAX_STAY_ORDER else None
    if order is not None:
        return Reading(str(order))
    return Reading(problem=Reason.INVALID_STAY_ORDER, recognized=False) if asked else None


def _read_city(text: str, asked: bool, first_message: bool) -> Reading | None:
    city = parse_city(text)
    if city:
        return Reading(city)
    if _CITY_NOT_KNOWN.search(normalize_text(text)):
        return Reading(OTHER_CITY)  # the general figures, saying they vary by city
    if not asked:
        return None
    if _CITY_UNKNOWN.search(normalize_text(text)):
        return Reading(OTHER_CITY)
    if _answers_other_questions(text) or not _looks_like_place(text):
        return Reading(problem=Reason.UNKNOWN_CITY, recognized=False)
    # A city that is not on file, unless the dialogue takes it for a question.
    return Reading(OTHER_CITY, recognized=False)


def _looks_like_place(text: str) -> bool:
    name = _PLACE_PREFIX.sub("", normalize_text(text).rstrip("。.!！"))
    return bool(_PLACE_NAME.match(name)) and not _NUMERALS_ONLY.match(name)


def _answers_other_questions(text: str) -> bool:
    parsers = (parse_hospital_level, parse_insurance_type, parse_retired, parse_stay_order)
    return any(parse(text) is not None for parse in parsers) or bool(re.search(r"\d", text))


def _read_total_cost(text: str, asked: bool, first_message: bool) -> Reading | None:
    if asked and not reads_as_amount(text):
        # "异地就医怎么备案" holds a 一, not a bill: the dialogue may take it for a question.
        return Reading(problem=Reason.NOT_A_NUMBER, recognized=False)
    if not asked and not (first_message and _mentions_bill(text)):
        return None
    return _amount_reading(text, allow_zero=False)


def _read_self_funded(text: str, asked: bool, first_message: bool) -> Reading | None:
    if not asked:
        # "全都在医保范围内" answers it before it is asked; an amount alone is taken for the total.
        return Reading(str(parse_self_funded("0"))) if says_all_covered(text) else None
    try:
        amount = parse_self_funded(text)
    except InvalidEstimateInput as error:
        return _problem_reading(error)
    if amount is None:
        return Reading(UNKNOWN)
    if amount and not reads_as_amount(text):  # "一个月能报几次" is a question, not 1 yuan
        return Reading(problem=Reason.NOT_A_NUMBER, recognized=False)
    return Reading(str(amount), restate=bool(amount) and is_said_roughly(text))


def _amount_reading(text: str, allow_zero: bool) -> Reading:
    try:
        return Reading(str(parse_amount(text, allow_zero=allow_zero)), restate=is_said_roughly(text))
    except InvalidEstimateInput as error:
        return _problem_reading(error)


def _problem_reading(error: InvalidEstimateInput) -> Reading:
    # An amount that is wrong ("-500") was still an answer; no number at all may be a question instead.
    return Reading(problem=error.reason, recognized=error.reason is not Reason.NOT_A_NUMBER)


def _mentions_bill(text: str) -> bool:
    """Whether a first message gives an amount: written as money ("3万", "30,000 yuan"), or 100 or more."""
    text = _NOT_MONEY.sub(" ", normalize_text(text))
    try:
        return parse_amount(text, allow_zero=True) >= _SMALLEST_UNMARKED_AMOUNT or mentions_money(text)
    except InvalidEstimateInput as error:
        return error.reason in (Reason.NEGATIVE, Reason.TOO_LARGE, Reason.VAGUE_AMOUNT)


def _city_pattern(name: str) -> re.Pattern:
    name = normalize_text(name)
    return re.compile(rf"\b{re.escape(name)}\b" if name.isascii() else re.escape(name))


_CITY_PATTERNS = [(city_id, _city_pattern(name)) for city_id, names in CITIES.items() for name in names]


def parse_city(text: str) -> str | None:
    """The id of a city named in the text ("蚌埠市", "in Bengbu"), from the cities the NLU knows."""
    normalized = normalize_text(text)
    return next((city_id for city_id, pattern in _CITY_PATTERNS if pattern.search(normalized)), None)


_READERS = {
    INSURANCE_TYPE: _choice(parse_insurance_type, Reason.UNKNOWN_INSURANCE_TYPE),
    RETIRED: _read_retired,
    CITY: _read_city,
    HOSPITAL_LEVEL: _choice(parse_hospital_level, Reason.UNKNOWN_HOSPITAL_LEVEL),
    TERTIARY_TIER: _read_tier,
    STAY_ORDER: _read_stay_order,
    TOTAL_COST: _read_total_cost,
    SELF_FUNDED: _read_self_funded,
}


def check_self_funded(values: Mapping[str, Any], self_funded: str) -> Reason | None:
    """SELF_FUNDED_EXCEEDS_TOTAL when the self-funded part is more than the total cost."""
    total = values.get(TOTAL_COST)
    if total and self_funded != UNKNOWN and Decimal(self_funded) > Decimal(total):
        return Reason.SELF_FUNDED_EXCEEDS_TOTAL
    return None


def says_a_stay_detail(text: str) -> bool:
    """Whether a message read on its own gives some answer of the estimate ("三甲", "retired", "北京"): the NLU may
    take a word it has never seen ("qwerty") for a lone detail, and that is not one."""
    readings = [read(slot, text, asked=False) for slot in SLOTS]
    return any(reading and reading.value for reading in readings) or bool(
        parse_tertiary_tier(text) or mentions_money(text))


def figure_used(slot: str, value: str, language: str) -> str:
    """"按 5,000 元估算" for an amount that was said roughly or in shorthand."""
    return explain_figure_used(Decimal(value), language, self_funded=slot == SELF_FUNDED)


def city_name(city: str | None, language: str) -> str | None:
    """The name of a city the NLU knows, in the reply's language ("北京" / "Beijing"); None for OTHER_CITY."""
    names = CITIES.get(city or "")
    if not names:
        return None
    ascii_names = [name for name in names if name.isascii()]
    return ascii_names[0] if language != CHINESE and ascii_names else names[0]


def estimate_reply(values: Mapping[str, Any], language: str) -> str:
    """The explained estimate from the form's answers, or what stopped it."""
    problem = blocking_problem(values)
    if not problem and any(values.get(slot) is None for slot in required_slots(values)):
        problem = Reason.ANSWERS_MISSING  # only if the dialogue ends up here without the form
    if problem:
        return explain_problem(problem, language)
    self_funded = values.get(SELF_FUNDED)
    try:
        return explain_stay(
            total_cost=values[TOTAL_COST],
            self_funded=None if self_funded in (None, UNKNOWN) else self_funded,
            hospital_level=_hospital_level(values),
            stay_order=int(values[STAY_ORDER]),
            insurance_type=values[INSURANCE_TYPE],
            # A corrected answer can leave one that no longer applies: a tier after "二级", retired after "居民".
            retired=values[INSURANCE_TYPE] == InsuranceType.EMPLOYEE.value and values.get(RETIRED) == IS_RETIRED,
            city=values.get(CITY),
            language=language,
            city_name=city_name(values.get(CITY), language),
        )
    except InvalidEstimateInput as error:
        return explain_problem(error.reason, language)


def _hospital_level(values: Mapping[str, Any]) -> str:
    tier = values.get(TERTIARY_TIER)
    return tier if tier and values[HOSPITAL_LEVEL] == HospitalLevel.LEVEL_3.value else values[HOSPITAL_LEVEL]
