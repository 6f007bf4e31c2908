"""Why an estimate cannot be made from what the user gave: one reason code per thing to ask again."""
from enum import Enum


class Reason(str, Enum):
    NOT_A_NUMBER = "not_a_number"
    SEVERAL_AMOUNTS = "several_amounts"
    VAGUE_AMOUNT = "vague_amount"  # "几千", "一两万": a range, not one figure
    NEGATIVE = "negative"
    ZERO = "zero"
    TOO_LARGE = "too_large"
    SELF_FUNDED_EXCEEDS_TOTAL = "self_funded_exceeds_total"
    INVALID_STAY_ORDER = "invalid_stay_order"
    UNKNOWN_HOSPITAL_LEVEL = "unknown_hospital_level"
    UNKNOWN_INSURANCE_TYPE = "unknown_insurance_type"
    UNKNOWN_EMPLOYMENT_STATUS = "unknown_employment_status"
    UNKNOWN_CITY = "unknown_city"
    ANSWERS_MISSING = "answers_missing"
    LEVEL_NOT_IN_REGION = "level_not_in_region"
    TERTIARY_TIER_NEEDED = "tertiary_tier_needed"


class InvalidEstimateInput(ValueError):
    """An answer the estimator cannot use; `reason` says which, so the reply can say what to type instead."""

    def __init__(self, reason: Reason):
        super().__init__(reason.value)
        self.reason = reason
