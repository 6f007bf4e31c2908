"""Reimbursement estimator: what the pooling fund and the person pay for a hospital stay, explained step by step.

Deductible (起付标准) -> payment ratio (支付比例) -> annual cap (最高支付限额), with each region's parameters as data
in regions/*.yml. Pure Python: the Rasa form and actions call `explain_stay` and the parsers.
"""
from bot.reimbursement.calculator import Estimate, estimate
from bot.reimbursement.categories import HospitalLevel, InsuranceType
from bot.reimbursement.errors import InvalidEstimateInput, Reason
from bot.reimbursement.explain import explain_estimate, explain_problem
from bot.reimbursement.parsing import (
    parse_amount,
    parse_hospital_level,
    parse_insurance_type,
    parse_retired,
    parse_self_funded,
    parse_stay_order,
    parse_tertiary_tier,
)
from bot.reimbursement.regions import Fallback, Region, RegionMatch, find_region, load_regions
from bot.reimbursement.replies import explain_recorded_stay, explain_stay

__all__ = [
    "Estimate",
    "Fallback",
    "HospitalLevel",
    "InsuranceType",
    "InvalidEstimateInput",
    "Reason",
    "Region",
    "RegionMatch",
    "estimate",
    "explain_estimate",
    "explain_problem",
    "explain_recorded_stay",
    "explain_stay",
    "find_region",
    "load_regions",
    "parse_amount",
    "parse_hospital_level",
    "parse_insurance_type",
    "parse_retired",
    "parse_self_funded",
    "parse_stay_order",
    "parse_tertiary_tier",
]
