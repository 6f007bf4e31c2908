"""Money in yuan as Decimal, rounded to the fen, within the range a hospital bill can have."""
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from bot.reimbursement.errors import InvalidEstimateInput, Reason

FEN = Decimal("0.01")
# Far above any single hospital bill: a larger amount is a typo, not a stay to estimate.
MAX_AMOUNT = Decimal(10_000_000)

Amount = Decimal | int | float | str


def to_fen(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def checked_amount(value: Amount, *, allow_zero: bool = False) -> Decimal:
    """The amount rounded to the fen; raises InvalidEstimateInput for non-numbers, negatives, zero, absurd sizes."""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise InvalidEstimateInput(Reason.NOT_A_NUMBER) from None
    if not amount.is_finite():
        raise InvalidEstimateInput(Reason.NOT_A_NUMBER)
    if amount < 0:
        raise InvalidEstimateInput(Reason.NEGATIVE)
    if amount > MAX_AMOUNT:  # checked before rounding: quantizing a huge number overflows
        raise InvalidEstimateInput(Reason.TOO_LARGE)
    amount = to_fen(amount)
    if amount == 0 and not allow_zero:
        raise InvalidEstimateInput(Reason.ZERO)
    return amount
