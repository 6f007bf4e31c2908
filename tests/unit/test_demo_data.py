"""The demo people match the README's table and their records add up."""
from decimal import Decimal

from sqlalchemy import func, select

from bot.db.demo_data import load_demo_data
from bot.db.engine import session_scope
from bot.db.models import AccountMovement, Claim, InsuredPerson

EXPECTED = {  # ID number: (name, insurance, employment, city, status, balance)
    "440304198506121230": ("张伟", "employee", "in_service", "shenzhen", "active", Decimal("3268.40")),
    "11010519491231002X": ("王秀英", "employee", "retired", "beijing", "active", Decimal("5120.00")),
    "330106200109103457": ("陈浩", "resident", None, "hangzhou", "active", None),
    "310104199208152463": ("刘芳", "employee", "in_service", "shanghai", "suspended", Decimal("812.15")),
}


def test_demo_people_match_the_readme(demo_engine):
    with session_scope(demo_engine) as session:
        for person in session.scalars(select(InsuredPerson)):
            balance = person.account.balance if person.account else None
            assert (person.name_zh, person.insurance_type, person.employment_status, person.city, person.status,
                    balance) == EXPECTED[person.id_number]
        assert session.scalar(select(func.count()).select_from(InsuredPerson)) == 4


def test_loading_twice_adds_nothing(demo_engine):
    with session_scope(demo_engine) as session:
        assert load_demo_data(session) is False
        assert session.scalar(select(func.count()).select_from(InsuredPerson)) == 4


def test_balances_run_through_the_movements_to_the_stated_balance(demo_engine):
    with session_scope(demo_engine) as session:
        for person in session.scalars(select(InsuredPerson)):
            movements = session.scalars(select(AccountMovement).where(AccountMovement.person_id == person.id)
                                        .order_by(AccountMovement.occurred_on)).all()
            assert len({(m.occurred_on.year, m.occurred_on.month) for m in movements}) >= 4  # months of records
            if person.account is None:
                assert all(m.balance_after is None and m.personal_account_paid == 0 for m in movements)
                continue
            assert movements[-1].balance_after == person.account.balance
            assert all(m.balance_after >= 0 for m in movements)
            for earlier, later in zip(movements, movements[1:]):
                change = later.amount if later.category == "monthly_credit" else -later.personal_account_paid
                assert later.balance_after == earlier.balance_after + change


def test_every_expense_is_split_exactly_between_payers(demo_engine):
    with session_scope(demo_engine) as session:
        for m in session.scalars(select(AccountMovement).where(AccountMovement.category != "monthly_credit")):
            assert m.personal_account_paid + m.pooling_paid + m.cash_paid == m.amount


def test_claims_follow_deductible_and_ratio(demo_engine):
    with session_scope(demo_engine) as session:
        claims = session.scalars(select(Claim)).all()
        assert len(claims) == 2 and {c.admission_date.year for c in claims} == {2026}
        for c in claims:
            above = c.total_cost - c.self_funded - c.deductible
            assert c.pooling_paid == (above * c.payment_ratio).quantize(Decimal("0.01"))
            assert c.pooling_paid + c.personal_account_paid + c.cash_paid == c.total_cost
