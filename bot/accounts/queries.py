"""Read-only queries over one person's records. Every function is scoped to the person passed in."""
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import extract, select
from sqlalchemy.orm import Session, joinedload

from bot.accounts.periods import YearMonth
from bot.db.models import AccountMovement, Claim, Contribution, InsuredPerson

MONTHLY_CREDIT = "monthly_credit"
HOSPITALIZATION = "hospitalization"
SPENDING_CATEGORIES = ("outpatient", "emergency", "pharmacy")  # the kinds of expense (hospital stays are claims)
ZERO = Decimal("0.00")


@dataclass
class PaidBy:
    """How a sum of bills was paid."""
    total: Decimal = ZERO
    personal_account: Decimal = ZERO
    pooling: Decimal = ZERO
    cash: Decimal = ZERO

    def add(self, total: Decimal, personal_account: Decimal, pooling: Decimal, cash: Decimal) -> None:
        self.total += total
        self.personal_account += personal_account
        self.pooling += pooling
        self.cash += cash


@dataclass
class YearlyTotals:
    year: int
    by_category: dict[str, PaidBy] = field(default_factory=dict)
    credited: Decimal = ZERO

    def category(self, name: str) -> PaidBy:
        return self.by_category.setdefault(name, PaidBy())


def spending(session: Session, person: InsuredPerson, period: YearMonth | int | None = None,
             latest: int = 8, category: str | None = None) -> list[AccountMovement]:
    """Expenses (not credits), newest first: those of one month or one year, or the latest few; only those of
    one category (one of SPENDING_CATEGORIES) when it is given."""
    query = (select(AccountMovement).options(joinedload(AccountMovement.institution))
             .where(AccountMovement.person_id == person.id, AccountMovement.category != MONTHLY_CREDIT)
             .order_by(AccountMovement.occurred_on.desc(), AccountMovement.id.desc()))
    if category:
        query = query.where(AccountMovement.category == category)
    if isinstance(period, tuple):
        query = query.where(extract("year", AccountMovement.occurred_on) == period[0],
                            extract("month", AccountMovement.occurred_on) == period[1])
    elif period:
        query = query.where(extract("year", AccountMovement.occurred_on) == period)
    else:
        query = query.limit(latest)
    return list(session.scalars(query))


def claims(session: Session, person: InsuredPerson) -> list[Claim]:
    return list(session.scalars(select(Claim).options(joinedload(Claim.institution))
                                .where(Claim.person_id == person.id).order_by(Claim.admission_date.desc())))


def claim(session: Session, person: InsuredPerson, reference: str | None) -> Claim | None:
    """One claim by reference, or the latest one; never another person's."""
    found = claims(session, person)
    if reference is None:
        return found[0] if found else None
    return next((item for item in found if item.reference == reference.strip().upper()), None)


def contributions(session: Session, person: InsuredPerson, latest: int = 12) -> list[Contribution]:
    return list(session.scalars(select(Contribution).where(Contribution.person_id == person.id)
                                .order_by(Contribution.period.desc()).limit(latest)))


def monthly_credits(session: Session, person: InsuredPerson, latest: int = 6) -> list[AccountMovement]:
    return list(session.scalars(select(AccountMovement)
                                .where(AccountMovement.person_id == person.id,
                                       AccountMovement.category == MONTHLY_CREDIT)
                                .order_by(AccountMovement.occurred_on.desc()).limit(latest)))


def yearly_totals(session: Session, person: InsuredPerson, year: int) -> YearlyTotals:
    totals = YearlyTotals(year)
    movements = session.scalars(select(AccountMovement).where(
        AccountMovement.person_id == person.id,
        AccountMovement.occurred_on.between(datetime.date(year, 1, 1), datetime.date(year, 12, 31))))
    for movement in movements:
        if movement.category == MONTHLY_CREDIT:
            totals.credited += movement.amount
        else:
            totals.category(movement.category).add(movement.amount, movement.personal_account_paid,
                                                   movement.pooling_paid, movement.cash_paid)
    for stay in claims(session, person):
        if stay.discharge_date.year == year:
            totals.category(HOSPITALIZATION).add(stay.total_cost, stay.personal_account_paid, stay.pooling_paid,
                                                 stay.cash_paid)
    return totals
