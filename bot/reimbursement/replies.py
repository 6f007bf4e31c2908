"""The one call an action makes: the explained estimate for a hospital stay.

It serves both the form (slot values) and "explain my last claim" (a recorded claim's fields): levels and insurance
types may be given as enum members, their slot values ("level_3", "resident") or natural text ("三级医院", "居民").
"""
from enum import Enum
from typing import Callable, Sequence, TypeVar

from bot.reimbursement.amounts import Amount
from bot.reimbursement.calculator import estimate
from bot.reimbursement.categories import HospitalLevel, InsuranceType
from bot.reimbursement.errors import InvalidEstimateInput, Reason
from bot.reimbursement.explain import explain_estimate
from bot.reimbursement.parsing import parse_hospital_level, parse_insurance_type
from bot.reimbursement.regions import Region, find_region

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
) -> str:
    """The step-by-step estimate in `language`; `self_funded=None` means unknown.

    Raises InvalidEstimateInput; reply with explain_problem(error.reason, language).
    """
    level = _category(hospital_level, HospitalLevel, parse_hospital_level, Reason.UNKNOWN_HOSPITAL_LEVEL)
    scheme = _category(insurance_type, InsuranceType, parse_insurance_type, Reason.UNKNOWN_INSURANCE_TYPE)
    match = find_region(city, scheme, regions)
    result = estimate(match.region, total_cost=total_cost, self_funded=self_funded, level=level,
                      stay_order=stay_order, retired=retired, fund_paid_this_year=fund_paid_this_year)
    return explain_estimate(result, language, match)


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
