"""The estimate of one hospital stay: deductible -> payment ratio -> annual cap, every step kept for the explanation.

All money is Decimal yuan rounded to the fen; only the fund's share is rounded (half up), and every other figure is
a difference of exact amounts, so the fund's and the person's parts always add up to the total exactly.
"""
from dataclasses import dataclass
from decimal import Decimal

from bot.reimbursement.amounts import Amount, checked_amount, to_fen
from bot.reimbursement.categories import HospitalLevel
from bot.reimbursement.errors import InvalidEstimateInput, Reason
from bot.reimbursement.regions import Region

_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Estimate:
    region: Region
    level: HospitalLevel  # the level whose figures were used
    stay_order: int  # 1 for the first stay this year
    retired: bool
    # Step 1: policy-scope cost (政策范围内费用) = total - self-funded (自费).
    total_cost: Decimal
    self_funded: Decimal
    self_funded_known: bool  # False: the user did not know, so 0 was used
    policy_scope_cost: Decimal
    # Step 2: the deductible (起付标准), reduced for a repeat stay where the region's rule says so.
    deductible_standard: Decimal
    deductible_percent: Decimal
    deductible_for_stay: Decimal
    deductible_paid: Decimal  # what the person pays of it (less when the costs are below it)
    # Step 3: the part above the deductible.
    above_deductible: Decimal
    # Step 4: the payment ratio (支付比例): the fund's share, with the retiree uplift included.
    fund_share_percent: Decimal
    retiree_uplift_points: Decimal  # what was added for a retiree (0 when none applied)
    fund_by_ratio: Decimal
    individual_share: Decimal
    # Step 5: the annual cap (最高支付限额), when the region gives one.
    annual_cap: Decimal | None
    fund_paid_this_year: Decimal
    remaining_cap: Decimal | None
    over_cap: Decimal
    # Totals.
    fund_pays: Decimal
    person_pays: Decimal


def estimate(
    region: Region,
    *,
    total_cost: Amount,
    self_funded: Amount | None,
    level: HospitalLevel,
    stay_order: int,
    retired: bool,
    fund_paid_this_year: Amount = 0,
) -> Estimate:
    """Estimate one stay; `self_funded=None` means unknown (counted as 0). Raises InvalidEstimateInput."""
    total = checked_amount(total_cost)
    own = checked_amount(0 if self_funded is None else self_funded, allow_zero=True)
    if own > total:
        raise InvalidEstimateInput(Reason.SELF_FUNDED_EXCEEDS_TOTAL)
    if isinstance(stay_order, bool) or not isinstance(stay_order, int) or stay_order < 1:
        raise InvalidEstimateInput(Reason.INVALID_STAY_ORDER)
    paid_before = checked_amount(fund_paid_this_year, allow_zero=True)
    used_level, rule = region.level_rule(level)

    policy_scope = total - own
    deductible_percent = region.deductible_percent(stay_order)
    deductible_for_stay = to_fen(rule.deductible * deductible_percent / _HUNDRED)
    deductible_paid = min(policy_scope, deductible_for_stay)
    above = policy_scope - deductible_paid

    uplift = region.retiree_uplift_points if retired and region.retiree_uplift_points is not None else Decimal(0)
    fund_share = min(_HUNDRED, rule.fund_share_percent + uplift)
    fund_by_ratio = to_fen(above * fund_share / _HUNDRED)

    remaining_cap = None if region.annual_cap is None else to_fen(max(Decimal(0), region.annual_cap - paid_before))
    fund_pays = fund_by_ratio if remaining_cap is None else min(fund_by_ratio, remaining_cap)
    over_cap = fund_by_ratio - fund_pays
    individual_share = above - fund_by_ratio

    return Estimate(
        region=region,
        level=used_level,
        stay_order=stay_order,
        retired=retired,
        total_cost=total,
        self_funded=own,
        self_funded_known=self_funded is not None,
        policy_scope_cost=policy_scope,
        deductible_standard=rule.deductible,
        deductible_percent=deductible_percent,
        deductible_for_stay=deductible_for_stay,
        deductible_paid=deductible_paid,
        above_deductible=above,
        fund_share_percent=fund_share,
        retiree_uplift_points=fund_share - rule.fund_share_percent,
        fund_by_ratio=fund_by_ratio,
        individual_share=individual_share,
        annual_cap=region.annual_cap,
        fund_paid_this_year=paid_before,
        remaining_cap=remaining_cap,
        over_cap=over_cap,
        fund_pays=fund_pays,
        person_pays=own + deductible_paid + individual_share + over_cap,
    )
