"""The one call an action makes: the explained estimate for a hospital stay.

It serves both the form (slot values) and "explain my last claim" (a recorded claim's fields): levels and insurance
types may be given as enum members, their slot values ("level_3", "resident") or natural text ("三级医院", "居民").
"""
from dataclasses import replace
from decimal import Decimal
from enum import Enum
from typing import Callable, Sequence, TypeVar

from bot.reimbursement.amounts import Amount, checked_amount
from bot.reimbursement.calculator import estimate
from bot.reimbursement.categories import HospitalLevel, InsuranceType
from bot.reimbursement.errors import InvalidEstimateInput, Reason
from bot.reimbursement.explain import explain_estimate, explain_recorded_steps
from bot.reimbursement.parsing import parse_hospital_level, parse_insurance_type
from bot.reimbursement.regions import LevelRule, Region, find_region, illustrative_region, load_regions

Category = TypeVar("Category", bound=Enum)


def explain_stay(
    *,
    total_cost: Amount,
    self_funded: Amount | None,
    hospital_level: HospitalLevel | str,
    stay_order: int,
    insurance_type: InsuranceType | str,
    retired: bool,
    city: str | None,
    language: str,
    fund_paid_this_year: Amount = 0,
    regions: Sequence[Region] | None = None,
    city_name: str | None = None,
) -> str:
    """The step-by-step estimate in `language`; `self_funded=None` means unknown; `city_name` names the city in
    the reply when its figures are not on file.

    Raises InvalidEstimateInput; reply with explain_problem(error.reason, language).
    """
    level = _category(hospital_level, HospitalLevel, parse_hospital_level, Reason.UNKNOWN_HOSPITAL_LEVEL)
    scheme = _category(insurance_type, InsuranceType, parse_insurance_type, Reason.UNKNOWN_INSURANCE_TYPE)
    match = find_region(city, scheme, regions)
    result = estimate(match.region, total_cost=total_cost, self_funded=self_funded, level=level,
                      stay_order=stay_order, retired=retired, fund_paid_this_year=fund_paid_this_year)
    return explain_estimate(result, language, match, city_name=city_name)


def explain_recorded_stay(*, total_cost: Amount, self_funded: Amount, deductible: Amount, payment_ratio: Decimal,
                          pooling_paid: Amount, language: str) -> list[str]:
    """The steps of a recorded settlement ("explain my last claim"), computed like an estimate from its own
    deductible and ratio; a line says so when the fund's recorded payment differs from what the ratio gives."""
    rule = LevelRule(deductible=checked_amount(deductible, allow_zero=True),
                     fund_share_percent=Decimal(payment_ratio) * 100)
    # A one-rule region: the settlement's deductible already includes any repeat-stay reduction, its ratio any
    # retiree uplift, so those rules and the cap are left out.
    region = replace(illustrative_region(load_regions()), id="recorded-settlement", illustrative=False,
                     levels={HospitalLevel.LEVEL_3: rule}, repeat_stay_deductible_percents=None,
                     retiree_uplift_points=None, annual_cap=None)
    result = estimate(region, total_cost=total_cost, self_funded=self_funded, level=HospitalLevel.LEVEL_3,
                      stay_order=1, retired=False)
    return explain_recorded_steps(result, checked_amount(pooling_paid, allow_zero=True), language)


def _category(value: Category | str, kind: type[Category], parse: Callable[[str], Category | None],
              reason: Reason) -> Category:
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        parsed = parse(str(value))
    if parsed is None:
        raise InvalidEstimateInput(reason)
    return parsed
