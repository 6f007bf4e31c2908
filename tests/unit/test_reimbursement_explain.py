"""The explanation shows every step's numbers, the totals, the region and its source, and the estimate disclaimer,
in Chinese and English; unusable answers get a reply saying what to type instead."""
import re
from decimal import Decimal

import pytest

from bot.language import CHINESE, ENGLISH, LANGUAGES
from bot.reimbursement.calculator import estimate
from bot.reimbursement.categories import HospitalLevel, InsuranceType
from bot.reimbursement.errors import InvalidEstimateInput, Reason
from bot.reimbursement.explain import (
    explain_estimate,
    explain_figure_used,
    explain_problem,
    format_percent,
    format_yuan,
)
from bot.reimbursement.regions import find_region, load_regions
from bot.reimbursement.replies import explain_recorded_stay, explain_stay
from tests.unit.test_reimbursement_calculator import region_with

REGIONS = {region.id: region for region in load_regions()}
TERMS = {
    CHINESE: ["政策范围内费用", "自费", "起付标准", "支付比例", "统筹基金", "最高支付限额", "个人负担"],
    ENGLISH: ["policy scope", "self-funded", "deductible", "payment ratio", "pooling fund", "annual cap", "your share"],
}
DISCLAIMER = {CHINESE: "这只是估算，不是结算结果，以实际结算为准。", ENGLISH: "This is an estimate, not a settlement"}
LOCAL_DIFFERS = {
    CHINESE: "以上按全国通行的算法和示例参数计算",
    ENGLISH: "this uses the national way of working it out with illustrative figures",
}
WHERE_TO_CHECK = {CHINESE: ["各地标准不同", "医保局网站", "12393"], ENGLISH: ["differ between cities", "(医保局) website",
                                                                      "12393"]}
INTERNALS = ["种子", "seed", ".yml", "shared/", "reference", "超出限额 0", "above the cap 0", "示例参数（不是"]


def explained(language, city="上海", insurance_type=InsuranceType.EMPLOYEE, **stay):
    match = find_region(city, insurance_type)
    details = dict(total_cost=30000, self_funded=0, level=HospitalLevel.LEVEL_3, stay_order=1, retired=False) | stay
    return explain_estimate(estimate(match.region, **details), language, match)


@pytest.mark.parametrize("language", LANGUAGES)
def test_seed_example_leads_with_who_pays_then_each_step_with_its_numbers(language):
    # 30,000 at a tertiary hospital, illustrative figures: 2,000 deductible, 28,000 above it, 80% = 22,400 from
    # the fund, 5,600 individual share, 7,600 paid by the person.
    lines = explained(language).splitlines()
    assert "22,400" in lines[0] and ("统筹基金" in lines[0] if language == CHINESE else "pooling fund" in lines[0])
    assert "7,600" in lines[1] and "2,000" in lines[1] and "5,600" in lines[1]
    steps = [line for line in lines if re.match(r"\d\. ", line)]
    assert [line[0] for line in steps] == ["1", "2", "3", "4"]
    assert "30,000" in steps[0] and "2,000" in steps[1]
    assert "30,000 − 2,000 = 28,000" in steps[2]
    assert "80%" in steps[3] and "28,000 × 80% = 22,400" in steps[3] and "28,000 − 22,400 = 5,600" in steps[3]
    text = "\n".join(lines)
    assert all(term in text.lower() for term in map(str.lower, TERMS[language]))
    assert DISCLAIMER[language] in lines[-1] and all(word in lines[-1] for word in WHERE_TO_CHECK[language])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("stay", [{}, {"self_funded": None, "stay_order": 2, "retired": True},
                                  {"self_funded": 3000, "stay_order": 3}])
def test_the_reply_is_short_and_has_no_internal_wording(language, stay):
    lines = explained(language, **stay).splitlines()
    assert len(lines) <= 10
    assert not any(internal in line for internal in INTERNALS for line in lines)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unknown_city_is_told_plainly_that_the_figures_are_illustrative(language):
    text = explained(language, city="shanghai")
    assert LOCAL_DIFFERS[language] in text and "12393" in text
    assert ("示例参数" if language == CHINESE else "illustrative figures") in text.splitlines()[2]


@pytest.mark.parametrize("language, city, named", [("zh", "上海", "我没有上海的参数"), ("en", "Shanghai", "Shanghai's figures"),
                                                   ("zh", None, "没有您参保城市的参数"),
                                                   ("en", None, "Your city's figures are not on file")])
def test_the_fallback_names_the_city_when_it_is_known(language, city, named):
    match = find_region(city, InsuranceType.EMPLOYEE)
    result = estimate(match.region, total_cost=30000, self_funded=0, level=HospitalLevel.LEVEL_3, stay_order=1,
                      retired=False)
    assert named in explain_estimate(result, language, match, city_name=city)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_city_without_figures_for_the_insurance_type_names_the_figures_it_has(language):
    text = explained(language, city="蚌埠", insurance_type=InsuranceType.EMPLOYEE)
    assert REGIONS["bengbu-residents"].name[language] in text.splitlines()[-2]
    assert ("示例参数" if language == CHINESE else "illustrative figures") in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_bengbu_names_its_figures_and_source_and_says_what_the_source_does_not_give(language):
    # City level 3, second stay, retired: deductible 800 in full (no repeat-stay rule on file), 27,200 above it
    # after 2,000 self-funded, 70% = 19,040 from the fund, person 2,000 + 800 + 8,160 = 10,960.
    text = explained(language, city="Bengbu", insurance_type=InsuranceType.RESIDENT, self_funded=2000,
                     level=HospitalLevel.LEVEL_3_CITY, stay_order=2, retired=True)
    bengbu = REGIONS["bengbu-residents"]
    assert LOCAL_DIFFERS[language] not in text
    assert bengbu.name[language] in text and bengbu.source[language] in text and "2026-11-22" in text
    for number in ["30,000", "2,000", "28,000", "800", "27,200", "70%", "19,040", "8,160", "10,960"]:
        assert number in text
    notes = {
        CHINESE: "以下没有资料，未计入：同一年再次住院的起付标准减免（不少城市第二次住院减半）、退休人员较高的支付比例、最高支付限额。",
        ENGLISH: "Not included, as no figures are on file: a lower deductible for a repeat stay in the same year (many "
                 "cities halve it); a higher ratio for retirees; the annual cap.",
    }
    assert notes[language] in text and len(text.splitlines()) <= 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_repeat_stay_shows_the_reduced_deductible(language):
    # Seed rule: second stay 50% of 2,000 = 1,000.
    assert "2,000 × 50% = 1,000" in explained(language, stay_order=2)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cap_step_shows_what_is_left_and_what_goes_over(language):
    # Cap 100,000, 90,000 paid: 10,000 left; 22,400 due, 12,400 over; the person pays 20,000.
    result = estimate(region_with(annual_cap=100000), total_cost=30000, self_funded=0, level=HospitalLevel.LEVEL_3,
                      stay_order=1, retired=False, fund_paid_this_year=90000)
    text = explain_estimate(result, language)
    for number in ["100,000", "90,000", "10,000", "22,400", "12,400", "20,000"]:
        assert number in text
    assert ("超出限额 12,400" if language == CHINESE else "above the cap 12,400") in text.splitlines()[1]
    assert LOCAL_DIFFERS[language] not in text  # not illustrative: no fallback sentence


@pytest.mark.parametrize("language", LANGUAGES)
def test_within_the_cap_the_totals_show_no_part_above_it(language):
    result = estimate(region_with(annual_cap=100000), total_cost=30000, self_funded=0, level=HospitalLevel.LEVEL_3,
                      stay_order=1, retired=False)
    lines = explain_estimate(result, language).splitlines()
    assert "超出限额" not in lines[1] and "above the cap" not in lines[1]
    assert ("本次没有超过限额" if language == CHINESE else "within the cap") in "\n".join(lines)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_retiree_uplift_is_shown(language):
    result = estimate(region_with(retiree_uplift_points=5), total_cost=30000, self_funded=0,
                      level=HospitalLevel.LEVEL_3, stay_order=1, retired=True)
    text = explain_estimate(result, language)
    assert "85%" in text and ("5 个百分点" if language == CHINESE else "5 percentage points") in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unknown_self_funded_part_is_said_to_be_counted_as_zero(language):
    text = explained(language, self_funded=None)
    assert ("按 0 元计算" if language == CHINESE else "so 0 was used") in text


def test_amounts_and_percentages_are_written_plainly():
    assert (format_yuan(Decimal("30000.00")), format_yuan(Decimal("8330.01"))) == ("30,000", "8,330.01")
    assert (format_percent(Decimal("80")), format_percent(Decimal("82.50"))) == ("80", "82.5")


@pytest.mark.parametrize("language", LANGUAGES)
def test_explain_stay_takes_plain_values_as_a_recorded_claim_has_them(language):
    text = explain_stay(total_cost="30000.00", self_funded="0", hospital_level="三级医院", stay_order=1,
                        insurance_type="employee", retired=False, city="Shanghai", language=language)
    assert "22,400" in text and "7,600" in text and DISCLAIMER[language] in text
    slot_values = explain_stay(total_cost=10000, self_funded=None, hospital_level="level_1", stay_order=1,
                               insurance_type="resident", retired=False, city="蚌埠", language=language)
    assert "8,330" in slot_values and "1,670" in slot_values


@pytest.mark.parametrize(
    "changes, reason",
    [
        ({"hospital_level": "不知道"}, Reason.UNKNOWN_HOSPITAL_LEVEL),
        ({"insurance_type": "?"}, Reason.UNKNOWN_INSURANCE_TYPE),
        ({"total_cost": -1}, Reason.NEGATIVE),
        ({"hospital_level": "level_3"}, Reason.TERTIARY_TIER_NEEDED),
    ],
)
def test_explain_stay_refuses_what_it_cannot_use_with_a_reason(changes, reason):
    values = dict(total_cost=30000, self_funded=0, hospital_level="三级医院", stay_order=1, insurance_type="居民",
                  retired=False, city="蚌埠", language=CHINESE) | changes
    with pytest.raises(InvalidEstimateInput) as error:
        explain_stay(**values)
    assert error.value.reason is reason


@pytest.mark.parametrize("language, said", [("zh", "住院总费用按 5,000 元估算。"), ("en", "Using 5,000 yuan as the total cost.")])
def test_a_rough_amount_is_said_back_as_the_figure_used(language, said):
    assert explain_figure_used(Decimal("5000.00"), language) == said
    assert "2,000" in explain_figure_used(Decimal(2000), language, self_funded=True)


@pytest.mark.parametrize("reason", list(Reason))
def test_every_reason_has_a_reply_in_both_languages(reason):
    chinese, english = explain_problem(reason, CHINESE), explain_problem(reason, ENGLISH)
    assert re.search("[\u4e00-\u9fff]", chinese) and not re.search("[\u4e00-\u9fff]", english)


@pytest.mark.parametrize(
    "reason", [Reason.NOT_A_NUMBER, Reason.SEVERAL_AMOUNTS, Reason.NEGATIVE, Reason.ZERO, Reason.TOO_LARGE]
)
def test_bad_amount_replies_say_what_to_type_instead(reason):
    assert "“30000”" in explain_problem(reason, CHINESE)
    assert '"30000"' in explain_problem(reason, ENGLISH)


def test_the_too_large_reply_names_the_limit():
    assert "10,000,000" in explain_problem(Reason.TOO_LARGE, CHINESE)
    assert "10,000,000" in explain_problem(Reason.TOO_LARGE, ENGLISH)


@pytest.mark.parametrize("language, recorded_line", [
    ("en", "In total, as recorded: the pooling fund paid 20,000 yuan; you paid 8,600 yuan."),
    ("zh", "合计（以结算记录为准）：统筹基金支付 20,000 元；您支付 8,600 元。"),
])
def test_a_recorded_claim_that_differs_from_the_ratio_totals_what_was_recorded(language, recorded_line):
    steps = explain_recorded_stay(total_cost="28600", self_funded="1600", deductible="1300",
                                  payment_ratio=Decimal("0.85"), pooling_paid="20000", language=language)
    assert steps[-1] == recorded_line and "21,845" in steps[-2]  # what the ratio gave, then the record
    assert not any("6,755" in line for line in steps)
