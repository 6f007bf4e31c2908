"""The estimate of a hospital stay: worked examples checked by hand, input checks, and properties that hold always."""
import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.reimbursement.calculator import estimate
from bot.reimbursement.categories import HospitalLevel
from bot.reimbursement.errors import InvalidEstimateInput, Reason
from bot.reimbursement.regions import load_regions, parse_region

REGIONS = {region.id: region for region in load_regions()}
ILLUSTRATIVE = REGIONS["illustrative"]
BENGBU = REGIONS["bengbu-residents"]


def region_with(**overrides):
    """A made-up region (not a real city's figures) to exercise the cap and the retiree uplift."""
    data = {
        "id": "test-region",
        "illustrative": False,
        "name": {"zh": "测试地区", "en": "test region"},
        "city": {"zh": "测试", "en": "Testville"},
        "city_aliases": ["测试", "Testville"],
        "insurance_types": ["employee"],
        "source": {"zh": "测试数据", "en": "test data"},
        "source_reference": "tests",
        "effective_date": "unknown",
        "last_checked": datetime.date(2026, 11, 22),
        "levels": {"level_3": {"deductible": 2000, "fund_share_percent": 80}},
        "repeat_stays": "unknown",
        "retiree_uplift_points": "unknown",
        "annual_cap": "unknown",
    }
    return parse_region(data | overrides)


def stay(region, total, self_funded=0, level=HospitalLevel.LEVEL_3, stay_order=1, retired=False, paid_before=0):
    return estimate(region, total_cost=total, self_funded=self_funded, level=level, stay_order=stay_order,
                    retired=retired, fund_paid_this_year=paid_before)


def shares(result):
    return result.deductible_paid, result.fund_pays, result.person_pays


def test_seed_example_thirty_thousand_at_a_tertiary_hospital():
    # Seed 004: "2000 yuan for a tertiary hospital" deductible, "20% for a tertiary hospital" individual share.
    # 30,000 - 2,000 = 28,000 above the deductible; fund 80% x 28,000 = 22,400; person 2,000 + 5,600 = 7,600.
    result = stay(ILLUSTRATIVE, 30000)
    assert result.policy_scope_cost == Decimal("30000.00")
    assert result.deductible_standard == 2000
    assert result.above_deductible == Decimal("28000.00")
    assert result.fund_share_percent == 80
    assert result.individual_share == Decimal("5600.00")
    assert shares(result) == (Decimal("2000.00"), Decimal("22400.00"), Decimal("7600.00"))


def test_self_funded_items_are_taken_out_first_and_paid_by_the_person():
    # 30,000 total, 5,000 self-funded: policy scope 25,000; above 2,000 deductible 23,000;
    # fund 80% = 18,400; person 5,000 + 2,000 + 4,600 = 11,600 (18,400 + 11,600 = 30,000).
    result = stay(ILLUSTRATIVE, 30000, self_funded=5000)
    assert result.policy_scope_cost == Decimal("25000.00")
    assert result.individual_share == Decimal("4600.00")
    assert shares(result) == (Decimal("2000.00"), Decimal("18400.00"), Decimal("11600.00"))


def test_unknown_self_funded_part_counts_as_zero_and_is_flagged():
    result = stay(ILLUSTRATIVE, 30000, self_funded=None)
    assert (result.self_funded, result.self_funded_known) == (Decimal("0.00"), False)
    assert result.fund_pays == Decimal("22400.00")


def test_costs_below_the_deductible_are_all_paid_by_the_person():
    # 1,500 < 2,000 deductible: the person pays 1,500, the fund nothing.
    assert shares(stay(ILLUSTRATIVE, 1500)) == (Decimal("1500.00"), Decimal("0.00"), Decimal("1500.00"))


@pytest.mark.parametrize("stay_order", [2, 3, 5])
def test_seed_rule_halves_the_deductible_from_the_second_stay(stay_order):
    # Seed 004 item (3): from the second stay, 50% of 2,000 = 1,000; above it 29,000; fund 80% = 23,200;
    # person 1,000 + 5,800 = 6,800. The seed does not exempt the third stay, so it stays at 50%.
    result = stay(ILLUSTRATIVE, 30000, stay_order=stay_order)
    assert (result.deductible_percent, result.deductible_for_stay) == (50, Decimal("1000.00"))
    assert shares(result) == (Decimal("1000.00"), Decimal("23200.00"), Decimal("6800.00"))


@pytest.mark.parametrize(
    "level, total, deductible, fund, person",
    [
        # level 1: 10,000 - 200 = 9,800; 85% = 8,330; person 200 + 1,470 = 1,670
        (HospitalLevel.LEVEL_1, 10000, "200.00", "8330.00", "1670.00"),
        # level 2: 10,000 - 500 = 9,500; 80% = 7,600; person 500 + 1,900 = 2,400
        (HospitalLevel.LEVEL_2, 10000, "500.00", "7600.00", "2400.00"),
        # city level 3: 30,000 - 800 = 29,200; 70% = 20,440; person 800 + 8,760 = 9,560
        (HospitalLevel.LEVEL_3_CITY, 30000, "800.00", "20440.00", "9560.00"),
        # provincial level 3: 30,000 - 1,200 = 28,800; 65% = 18,720; person 1,200 + 10,080 = 11,280
        (HospitalLevel.LEVEL_3_PROVINCIAL, 30000, "1200.00", "18720.00", "11280.00"),
    ],
)
def test_bengbu_residents_by_hospital_level(level, total, deductible, fund, person):
    assert shares(stay(BENGBU, total, level=level)) == (Decimal(deductible), Decimal(fund), Decimal(person))


def test_bengbu_has_no_repeat_stay_rule_so_a_second_stay_pays_the_full_deductible():
    result = stay(BENGBU, 30000, level=HospitalLevel.LEVEL_3_CITY, stay_order=2)
    assert (result.deductible_percent, result.deductible_paid) == (100, Decimal("800.00"))


def test_the_fund_share_is_rounded_to_the_fen_and_the_person_pays_the_rest_exactly():
    # Bengbu level 1, 10,000.01: above 200 is 9,800.01; 85% = 8,330.0085 -> 8,330.01 (half up);
    # person 200 + (9,800.01 - 8,330.01 = 1,470.00) = 1,670.00; together 10,000.01.
    result = stay(BENGBU, "10000.01", level=HospitalLevel.LEVEL_1)
    assert shares(result) == (Decimal("200.00"), Decimal("8330.01"), Decimal("1670.00"))


def test_the_fund_stops_at_the_remaining_annual_cap():
    # Cap 100,000, already paid 90,000 this year: 10,000 left. 30,000 at level 3: 80% of 28,000 = 22,400 due,
    # the fund pays 10,000 and the person 2,000 + 5,600 + 12,400 above the cap = 20,000.
    result = stay(region_with(annual_cap=100000), 30000, paid_before=90000)
    assert (result.remaining_cap, result.fund_by_ratio, result.over_cap) == (
        Decimal("10000.00"), Decimal("22400.00"), Decimal("12400.00"))
    assert shares(result) == (Decimal("2000.00"), Decimal("10000.00"), Decimal("20000.00"))


def test_a_cap_used_up_earlier_in_the_year_leaves_the_whole_bill_to_the_person():
    result = stay(region_with(annual_cap=100000), 30000, paid_before=120000)
    assert (result.remaining_cap, result.fund_pays, result.person_pays) == (0, 0, Decimal("30000.00"))


def test_a_stay_within_the_cap_is_not_cut():
    result = stay(region_with(annual_cap=100000), 30000, paid_before=10000)
    assert (result.remaining_cap, result.fund_pays, result.over_cap) == (Decimal("90000.00"), Decimal("22400.00"), 0)


def test_a_retiree_uplift_raises_the_fund_share_where_the_region_has_one():
    # +5 points: 85% of 28,000 = 23,800; person 2,000 + 4,200 = 6,200.
    result = stay(region_with(retiree_uplift_points=5), 30000, retired=True)
    assert (result.fund_share_percent, result.retiree_uplift_points) == (85, 5)
    assert shares(result) == (Decimal("2000.00"), Decimal("23800.00"), Decimal("6200.00"))


def test_the_retiree_uplift_never_takes_the_fund_share_above_100_percent():
    result = stay(region_with(retiree_uplift_points=30), 30000, retired=True)
    assert (result.fund_share_percent, result.retiree_uplift_points) == (100, 20)


def test_without_a_retiree_figure_a_retiree_gets_the_usual_ratio():
    assert stay(ILLUSTRATIVE, 30000, retired=True).fund_share_percent == 80


@pytest.mark.parametrize(
    "total, self_funded, reason",
    [
        (-100, 0, Reason.NEGATIVE),
        (0, 0, Reason.ZERO),
        ("0.001", 0, Reason.ZERO),  # rounds to 0.00 yuan
        (10_000_001, 0, Reason.TOO_LARGE),
        (10**12, 0, Reason.TOO_LARGE),
        ("abc", 0, Reason.NOT_A_NUMBER),
        ("NaN", 0, Reason.NOT_A_NUMBER),
        (1000, 2000, Reason.SELF_FUNDED_EXCEEDS_TOTAL),
        (1000, -1, Reason.NEGATIVE),
    ],
)
def test_bad_amounts_are_refused_with_a_reason(total, self_funded, reason):
    with pytest.raises(InvalidEstimateInput) as error:
        stay(ILLUSTRATIVE, total, self_funded=self_funded)
    assert error.value.reason is reason


@pytest.mark.parametrize("stay_order", [0, -1, True, "2"])
def test_a_stay_order_must_be_a_whole_number_from_1(stay_order):
    with pytest.raises(InvalidEstimateInput) as error:
        stay(ILLUSTRATIVE, 30000, stay_order=stay_order)
    assert error.value.reason is Reason.INVALID_STAY_ORDER


def test_a_negative_amount_already_paid_this_year_is_refused():
    with pytest.raises(InvalidEstimateInput) as error:
        stay(ILLUSTRATIVE, 30000, paid_before=-1)
    assert error.value.reason is Reason.NEGATIVE


def test_a_level_without_figures_cannot_be_estimated():
    with pytest.raises(InvalidEstimateInput) as error:
        stay(ILLUSTRATIVE, 30000, level=HospitalLevel.LEVEL_2)
    assert error.value.reason is Reason.LEVEL_NOT_IN_REGION


def test_bengbu_needs_to_know_whether_a_tertiary_hospital_is_city_or_provincial():
    with pytest.raises(InvalidEstimateInput) as error:
        stay(BENGBU, 30000, level=HospitalLevel.LEVEL_3)
    assert error.value.reason is Reason.TERTIARY_TIER_NEEDED


def test_a_tiered_tertiary_level_uses_the_single_tertiary_figure_where_there_is_no_tier():
    assert stay(ILLUSTRATIVE, 30000, level=HospitalLevel.LEVEL_3_PROVINCIAL).level is HospitalLevel.LEVEL_3


# Properties over any region, bill and year so far: amounts in fen up to the 10,000,000-yuan limit.
fen_amounts = st.integers(min_value=1, max_value=1_000_000_000).map(lambda fen: Decimal(fen) / 100)
percent = st.integers(min_value=0, max_value=100)


@st.composite
def cases(draw):
    total = draw(fen_amounts)
    cap = draw(st.one_of(st.just("unknown"), st.integers(min_value=1, max_value=2_000_000)))
    region = region_with(
        levels={"level_3": {"deductible": draw(st.integers(min_value=0, max_value=5000)),
                            "fund_share_percent": draw(percent)}},
        repeat_stays=draw(st.one_of(st.just("unknown"),
                                    st.fixed_dictionaries({"deductible_percent_by_stay": st.lists(percent, min_size=1,
                                                                                                 max_size=3)}))),
        retiree_uplift_points=draw(st.one_of(st.just("unknown"), st.integers(min_value=0, max_value=30))),
        annual_cap=cap,
    )
    return stay(
        region,
        total,
        self_funded=draw(st.integers(min_value=0, max_value=int(total * 100))) / Decimal(100),
        stay_order=draw(st.integers(min_value=1, max_value=5)),
        retired=draw(st.booleans()),
        paid_before=draw(st.integers(min_value=0, max_value=3_000_000)),
    )


@given(cases())
def test_the_fund_and_the_person_together_pay_exactly_the_total(result):
    assert result.fund_pays + result.person_pays == result.total_cost


@given(cases())
def test_no_share_is_negative(result):
    parts = (result.policy_scope_cost, result.deductible_paid, result.above_deductible, result.fund_by_ratio,
             result.individual_share, result.over_cap, result.fund_pays, result.person_pays)
    assert all(part >= 0 for part in parts)


@given(cases())
def test_the_fund_never_pays_more_than_the_remaining_cap(result):
    if result.annual_cap is not None:
        assert result.fund_pays <= result.remaining_cap <= result.annual_cap


@given(cases())
def test_every_amount_is_in_whole_fen(result):
    for amount in (result.deductible_paid, result.fund_pays, result.person_pays, result.individual_share):
        assert amount == amount.quantize(Decimal("0.01"))
