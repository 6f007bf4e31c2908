"""Natural answers in both languages read into the estimator's values, and bad amounts refused with a reason."""
from decimal import Decimal

import pytest

from bot.reimbursement.categories import HospitalLevel, InsuranceType
from bot.reimbursement.errors import InvalidEstimateInput, Reason
from bot.reimbursement.parsing import (
    chinese_numeral_value,
    is_said_roughly,
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

ROUGH_AMOUNTS = [
    ("roughly 4,000", "4000"),
    ("about 4000 yuan", "4000"),
    ("大概五千", "5000"),
    ("5千左右", "5000"),
    ("around 6k", "6000"),
    ("两万出头", "20000"),
    ("三万多", "30000"),
    ("1.5万", "15000"),
    ("2w", "20000"),
    ("2W块", "20000"),
    ("快两万了", "20000"),
    ("about 20 thousand", "20000"),
    ("4000 or so", "4000"),
    ("差不多3000元吧", "3000"),
]


@pytest.mark.parametrize(
    "text, yuan",
    [
        ("3万", "30000"),
        ("3万元", "30000"),
        ("三万", "30000"),
        ("三万五千元", "35000"),
        ("三万五", "35000"),
        ("两千", "2000"),
        ("一百零五元", "105"),
        ("十二万", "120000"),
        ("30,000 yuan", "30000"),
        ("¥5000", "5000"),
        ("￥5000", "5000"),
        ("RMB 5000", "5000"),
        ("5k", "5000"),
        ("30000", "30000"),
        ("3.5万", "35000"),
        ("1234.565", "1234.57"),  # rounded to the fen
        ("大概花了3万元吧", "30000"),
        ("I spent 30,000 yuan", "30000"),
        ("第一次住院花了三万", "30000"),  # the number written as money is the amount
        ("30,000 yuan at a level 3 hospital", "30000"),
        ("个人负担5000", "5000"),  # 负 in 负担 is not a minus sign
    ],
)
def test_amounts_in_natural_forms(text, yuan):
    assert parse_amount(text) == Decimal(yuan)


@pytest.mark.parametrize("text, yuan", ROUGH_AMOUNTS)
def test_amounts_said_roughly_are_read_as_the_stated_round_figure(text, yuan):
    assert parse_amount(text) == Decimal(yuan)
    assert is_said_roughly(text) and reads_as_amount(text)


@pytest.mark.parametrize("text", ["30000", "30,000 yuan", "¥5000", "1234.5", "abc", ""])
def test_plain_numbers_are_not_said_back(text):
    assert not is_said_roughly(text)


@pytest.mark.parametrize("text", ["几千", "几千块吧", "一两万", "三到五万", "3-5万", "十几万", "a few thousand",
                                  "several thousand yuan", "上万"])
def test_a_range_is_not_one_figure(text):
    with pytest.raises(InvalidEstimateInput) as error:
        parse_amount(text)
    assert error.value.reason is Reason.VAGUE_AMOUNT
    assert reads_as_amount(text)  # an answer to the question, asked again for one figure


@pytest.mark.parametrize("text", ["一个月能报几次", "三级医院报销比例是多少？", "住了120天", "很多钱", "第几次住院"])
def test_what_holds_no_amount_does_not_read_as_one(text):
    assert not reads_as_amount(text)


@pytest.mark.parametrize("text", ["全都在医保范围内", "全部在医保目录内", "没有自费", "自费0元", "no self-paid items",
                                  "all covered", "everything was covered", "no self-funded items"])
def test_saying_everything_is_covered_means_nothing_self_funded(text):
    assert says_all_covered(text) and parse_self_funded(text) == 0


@pytest.mark.parametrize("text", ["没有", "no", "花了3万", "都能报吗", "not covered", "自费2000"])
def test_other_words_do_not_say_everything_is_covered(text):
    assert not says_all_covered(text)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("abc", Reason.NOT_A_NUMBER),
        ("3万2", Reason.NOT_A_NUMBER),  # mixed digit styles: refused rather than read as 30,000
        ("1万5千", Reason.NOT_A_NUMBER),
        ("", Reason.NOT_A_NUMBER),
        ("-5000", Reason.NEGATIVE),
        ("负5000元", Reason.NEGATIVE),
        ("0", Reason.ZERO),
        ("0元", Reason.ZERO),
        ("10^12", Reason.TOO_LARGE),
        ("1000000000000", Reason.TOO_LARGE),
        ("一万亿", Reason.TOO_LARGE),
        ("10000001", Reason.TOO_LARGE),
        ("3000 or 5000", Reason.SEVERAL_AMOUNTS),
        ("3万还是4万", Reason.SEVERAL_AMOUNTS),
    ],
)
def test_bad_amounts_are_refused_with_a_reason(text, reason):
    with pytest.raises(InvalidEstimateInput) as error:
        parse_amount(text)
    assert error.value.reason is reason


def test_the_largest_allowed_amount_is_ten_million_yuan():
    assert parse_amount("1000万") == Decimal(10_000_000)


@pytest.mark.parametrize(
    "numeral, value",
    [("十", 10), ("十五", 15), ("二十", 20), ("一百二十", 120), ("一百二", 120), ("三千五", 3500), ("三千零五", 3005),
     ("一千零十", 1010), ("三万五千", 35000), ("一万二", 12000), ("十万", 100000), ("一亿", 10**8)],
)
def test_chinese_numerals(numeral, value):
    assert chinese_numeral_value(numeral) == value


@pytest.mark.parametrize(
    "text, yuan",
    [("5000", Decimal(5000)), ("自费大概两千", Decimal(2000)), ("0", Decimal(0)), ("没有", Decimal(0)),
     ("无", Decimal(0)), ("none", Decimal(0)), ("no self-funded items", Decimal(0)),
     ("不知道", None), ("不清楚", None), ("don't know", None), ("not sure", None)],
)
def test_self_funded_part_may_be_none_or_unknown(text, yuan):
    assert parse_self_funded(text) == yuan


def test_a_bad_self_funded_amount_is_refused():
    with pytest.raises(InvalidEstimateInput) as error:
        parse_self_funded("-3")
    assert error.value.reason is Reason.NEGATIVE


@pytest.mark.parametrize(
    "text, level",
    [
        ("三级医院", HospitalLevel.LEVEL_3),
        ("三甲", HospitalLevel.LEVEL_3),
        ("在三甲医院住院", HospitalLevel.LEVEL_3),
        ("tertiary", HospitalLevel.LEVEL_3),
        ("a tertiary hospital", HospitalLevel.LEVEL_3),
        ("level 3", HospitalLevel.LEVEL_3),
        ("Level-3 hospital", HospitalLevel.LEVEL_3),
        ("level III", HospitalLevel.LEVEL_3),
        ("二级", HospitalLevel.LEVEL_2),
        ("二级医院", HospitalLevel.LEVEL_2),
        ("secondary", HospitalLevel.LEVEL_2),
        ("level 2", HospitalLevel.LEVEL_2),
        ("一级", HospitalLevel.LEVEL_1),
        ("level 1", HospitalLevel.LEVEL_1),
        ("primary hospital", HospitalLevel.LEVEL_1),
        ("省级三甲医院", HospitalLevel.LEVEL_3_PROVINCIAL),
        ("provincial tertiary hospital", HospitalLevel.LEVEL_3_PROVINCIAL),
        ("市级三级医院", HospitalLevel.LEVEL_3_CITY),
        ("city-level tertiary", HospitalLevel.LEVEL_3_CITY),
    ],
)
def test_hospital_levels(text, level):
    assert parse_hospital_level(text) is level


@pytest.mark.parametrize("text", ["社区医院", "不知道", "二级还是三级", "primary school", "level 12", "医院"])
def test_unclear_hospital_levels_are_left_for_the_form_to_ask(text):
    # 社区医院 is left out: the domain facts do not say which level a community hospital is.
    assert parse_hospital_level(text) is None


@pytest.mark.parametrize(
    "text, level",
    [("市级", HospitalLevel.LEVEL_3_CITY), ("市属的", HospitalLevel.LEVEL_3_CITY),
     ("city-level", HospitalLevel.LEVEL_3_CITY), ("省级", HospitalLevel.LEVEL_3_PROVINCIAL),
     ("provincial", HospitalLevel.LEVEL_3_PROVINCIAL), ("不知道", None)],
)
def test_tertiary_tier_answers(text, level):
    assert parse_tertiary_tier(text) is level


@pytest.mark.parametrize(
    "text, order",
    [("第一次", 1), ("首次住院", 1), ("第二次住院", 2), ("今年第2次", 2), ("这是第三次了", 3), ("第十次", 10),
     ("second time this year", 2), ("the first time", 1), ("third", 3), ("2nd", 2), ("my 4th stay", 4)],
)
def test_stay_order(text, order):
    assert parse_stay_order(text) == order


@pytest.mark.parametrize("text", ["again", "不记得", "第零次", "0th"])
def test_unclear_stay_order_is_left_for_the_form_to_ask(text):
    assert parse_stay_order(text) is None


@pytest.mark.parametrize(
    "text, insurance_type",
    [("职工", InsuranceType.EMPLOYEE), ("职工医保", InsuranceType.EMPLOYEE), ("在职职工医保", InsuranceType.EMPLOYEE),
     ("employee", InsuranceType.EMPLOYEE), ("urban employee insurance", InsuranceType.EMPLOYEE),
     ("居民", InsuranceType.RESIDENT), ("城乡居民医保", InsuranceType.RESIDENT), ("新农合", InsuranceType.RESIDENT),
     ("resident", InsuranceType.RESIDENT), ("residents' insurance", InsuranceType.RESIDENT)],
)
def test_insurance_type(text, insurance_type):
    assert parse_insurance_type(text) is insurance_type


@pytest.mark.parametrize("text", ["不知道", "employee or resident?", "医保"])
def test_unclear_insurance_type_is_left_for_the_form_to_ask(text):
    assert parse_insurance_type(text) is None


@pytest.mark.parametrize(
    "text, retired",
    [("退休", True), ("已经退休了", True), ("retired", True), ("I'm a retiree", True),
     ("在职", False), ("还在上班", False), ("working", False), ("still working", False), ("in service", False),
     ("还没退休", False), ("not retired yet", False), ("I haven't retired", False), ("I haven’t retired", False)],
)
def test_in_service_or_retired(text, retired):
    assert parse_retired(text) is retired


@pytest.mark.parametrize("text", ["不知道", "maybe", "unemployed"])
def test_unclear_employment_status_is_left_for_the_form_to_ask(text):
    assert parse_retired(text) is None
