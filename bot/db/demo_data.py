"""Fictional demo people and about six months of their records (documented in the README).

The names, numbers, institutions' records and amounts are made up for demonstrations and tests; the
deductibles and payment ratios on the claims are what each fictional settlement applied, not any city's
current rule. Loaded once: `load_demo_data` does nothing when the demo people already exist.
"""
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import (AccountMovement, Claim, Contribution, InsuredPerson, Institution,
                           PersonalAccount)

D = Decimal
day = datetime.date.fromisoformat

INSTITUTIONS = {
    # key: (name_zh, name_en, kind, level, city)
    "sz_peoples": ("深圳市人民医院", "Shenzhen People's Hospital", "hospital", 3, "shenzhen"),
    "sz_futian_chc": ("福田区社区健康服务中心", "Futian Community Health Centre", "clinic", 1, "shenzhen"),
    "sz_pharmacy": ("深圳国大药房（福田店）", "Guoda Pharmacy (Futian)", "pharmacy", None, "shenzhen"),
    "bj_pumch": ("北京协和医院", "Peking Union Medical College Hospital", "hospital", 3, "beijing"),
    "bj_pkuph": ("北京大学人民医院", "Peking University People's Hospital", "hospital", 3, "beijing"),
    "bj_xicheng_chc": ("西城区社区卫生服务中心", "Xicheng Community Health Centre", "clinic", 1, "beijing"),
    "bj_pharmacy": ("北京同仁堂药店（西城店）", "Tongrentang Pharmacy (Xicheng)", "pharmacy", None, "beijing"),
    "hz_xihu_chc": ("西湖区社区卫生服务中心", "Xihu Community Health Centre", "clinic", 1, "hangzhou"),
    "hz_first": ("浙江大学医学院附属第一医院", "First Affiliated Hospital, Zhejiang University", "hospital", 3,
                 "hangzhou"),
    "hz_pharmacy": ("杭州老百姓大药房（文三路店）", "LBX Pharmacy (Wensan Road)", "pharmacy", None, "hangzhou"),
    "sh_xuhui_chc": ("徐汇区社区卫生服务中心", "Xuhui Community Health Centre", "clinic", 1, "shanghai"),
    "sh_pharmacy": ("上海华氏大药房（徐汇店）", "Huashi Pharmacy (Xuhui)", "pharmacy", None, "shanghai"),
}


@dataclass(frozen=True)
class Expense:
    """A visit or purchase: (date, category, institution key, bill, paid by account, by pooling, in cash)."""
    on: str
    category: str
    institution: str
    amount: str
    account: str = "0"
    pooling: str = "0"
    cash: str = "0"


@dataclass(frozen=True)
class DemoClaim:
    """A hospital-stay settlement; amounts in yuan as text, dates as YYYY-MM-DD."""
    reference: str
    institution: str
    admitted: str
    discharged: str
    total_cost: str
    self_funded: str
    deductible: str
    payment_ratio: str
    pooling_paid: str
    personal_account_paid: str
    cash_paid: str


@dataclass
class DemoPerson:
    id_number: str
    subject_ref: str  # how the demo site's identity tokens name the person (random, fixed for the demo)
    name_zh: str
    name_en: str
    gender: str
    city: str
    phone: str
    insurance_type: str
    employment_status: str | None
    status: str = "active"
    status_since: str | None = None
    final_balance: str | None = None  # None: no personal account
    monthly_credits: list[tuple[str, str]] = field(default_factory=list)  # (date, amount)
    expenses: list[Expense] = field(default_factory=list)
    contributions: list[tuple] = field(default_factory=list)  # Contribution column values
    claims: list[DemoClaim] = field(default_factory=list)


def _employee_months(periods: list[str], employer: str, employee: str) -> list[tuple]:
    """Monthly employee contributions withheld by the employer; the employee part goes to the account."""
    return [(period, D(employer), D(employee), None, D(employee), "employer_withholding", day(period + "-15"))
            for period in periods]


ZHANG_MONTHS = ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
LIU_MONTHS = ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]

DEMO_PEOPLE = [
    DemoPerson(
        id_number="440304198506121230", subject_ref="5f0c2a9e41d87b36c1e9a04d27b8f613",
        name_zh="张伟", name_en="Zhang Wei", gender="M", city="shenzhen",
        phone="13812345678", insurance_type="employee", employment_status="in_service",
        final_balance="3268.40",
        monthly_credits=[(period + "-15", "240.00") for period in ZHANG_MONTHS],
        expenses=[
            Expense("2026-06-03", "outpatient", "sz_peoples", "386.50", account="236.50", pooling="150.00"),
            Expense("2026-06-21", "pharmacy", "sz_pharmacy", "68.00", account="68.00"),
            Expense("2026-07-30", "pharmacy", "sz_pharmacy", "125.60", account="125.60"),
            Expense("2026-08-12", "outpatient", "sz_futian_chc", "92.00", account="27.60", pooling="64.40"),
            Expense("2026-09-05", "emergency", "sz_peoples", "1240.00", account="620.00", pooling="620.00"),
            Expense("2026-09-18", "pharmacy", "sz_pharmacy", "45.30", account="45.30"),
            Expense("2026-10-09", "outpatient", "sz_futian_chc", "156.00", account="46.80", pooling="109.20"),
            Expense("2026-10-26", "pharmacy", "sz_pharmacy", "88.90", account="88.90"),
        ],
        contributions=_employee_months(ZHANG_MONTHS, employer="720.00", employee="240.00"),
    ),
    DemoPerson(
        id_number="11010519491231002X", subject_ref="a83d6e10f2c94b7785d03e1b6a9c4f28",
        name_zh="王秀英", name_en="Wang Xiuying", gender="F", city="beijing",
        phone="13900001111", insurance_type="employee", employment_status="retired",
        final_balance="5120.00",
        monthly_credits=[(month + "-10", "180.00") for month in
                         ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]],
        expenses=[
            Expense("2026-05-20", "pharmacy", "bj_pharmacy", "210.00", account="210.00"),
            Expense("2026-06-17", "outpatient", "bj_xicheng_chc", "320.00", account="32.00", pooling="288.00"),
            Expense("2026-07-08", "pharmacy", "bj_pharmacy", "156.40", account="156.40"),
            Expense("2026-09-22", "outpatient", "bj_pkuph", "580.00", account="116.00", pooling="464.00"),
            Expense("2026-10-14", "pharmacy", "bj_pharmacy", "98.00", account="98.00"),
        ],
        claims=[
            DemoClaim("ZY2026030001", "bj_pumch", "2026-03-02", "2026-03-12", total_cost="28600.00",
                      self_funded="1600.00", deductible="1300.00", payment_ratio="0.850", pooling_paid="21845.00",
                      personal_account_paid="0.00", cash_paid="6755.00"),
            DemoClaim("ZY2026080002", "bj_pkuph", "2026-08-18", "2026-08-25", total_cost="12480.00",
                      self_funded="480.00", deductible="650.00", payment_ratio="0.850", pooling_paid="9647.50",
                      personal_account_paid="0.00", cash_paid="2832.50"),
        ],
    ),
    DemoPerson(
        id_number="330106200109103457", subject_ref="2c71b94e8a0d4f13b6e5c8d1a7f04392",
        name_zh="陈浩", name_en="Chen Hao", gender="M", city="hangzhou",
        phone="13700002222", insurance_type="resident", employment_status=None,
        expenses=[
            Expense("2026-05-11", "outpatient", "hz_xihu_chc", "126.00", pooling="63.00", cash="63.00"),
            Expense("2026-07-02", "pharmacy", "hz_pharmacy", "45.80", cash="45.80"),
            Expense("2026-08-27", "emergency", "hz_first", "860.00", pooling="430.00", cash="430.00"),
            Expense("2026-10-19", "outpatient", "hz_xihu_chc", "88.00", pooling="44.00", cash="44.00"),
        ],
        contributions=[
            ("2025", None, None, D("400.00"), None, "tax_app", day("2024-12-10")),
            ("2026", None, None, D("400.00"), None, "tax_app", day("2025-12-08")),
        ],
    ),
    DemoPerson(
        id_number="310104199208152463", subject_ref="e94b0a7c3d2f4e8196a1c5b7d0f38e24",
        name_zh="刘芳", name_en="Liu Fang", gender="F", city="shanghai",
        phone="13600003333", insurance_type="employee", employment_status="in_service",
        status="suspended", status_since="2026-06-01", final_balance="812.15",
        monthly_credits=[(period + "-15", "160.00") for period in LIU_MONTHS],
        expenses=[
            Expense("2026-01-09", "pharmacy", "sh_pharmacy", "132.50", account="132.50"),
            Expense("2026-03-16", "outpatient", "sh_xuhui_chc", "210.00", account="63.00", pooling="147.00"),
            Expense("2026-05-07", "pharmacy", "sh_pharmacy", "76.35", account="76.35"),
        ],
        contributions=_employee_months(LIU_MONTHS, employer="480.00", employee="160.00"),
    ),
]


def load_demo_data(session: Session) -> bool:
    """Adds the demo people once; returns False when they were already there."""
    first_id = DEMO_PEOPLE[0].id_number
    if session.execute(select(InsuredPerson.id).where(InsuredPerson.id_number == first_id)).first():
        return False
    institutions = {key: Institution(name_zh=zh, name_en=en, kind=kind, level=level, city=city)
                    for key, (zh, en, kind, level, city) in INSTITUTIONS.items()}
    session.add_all(institutions.values())
    for demo in DEMO_PEOPLE:
        _add_person(session, demo, institutions)
    return True


def add_people(session: Session, people: list[DemoPerson]) -> None:
    """Adds more fictional people whose records name the demo institutions (loaded first); for benchmarks."""
    loaded = {institution.name_zh: institution for institution in session.scalars(select(Institution))}
    institutions = {key: loaded[name_zh] for key, (name_zh, *_) in INSTITUTIONS.items()}
    for demo in people:
        _add_person(session, demo, institutions)


def _add_person(session: Session, demo: DemoPerson, institutions: dict[str, Institution]) -> None:
    person = InsuredPerson(
        id_number=demo.id_number, subject_ref=demo.subject_ref, name_zh=demo.name_zh, name_en=demo.name_en, gender=demo.gender,
        birth_date=datetime.datetime.strptime(demo.id_number[6:14], "%Y%m%d").date(), city=demo.city,
        phone=demo.phone, insurance_type=demo.insurance_type, employment_status=demo.employment_status,
        status=demo.status, status_since=day(demo.status_since) if demo.status_since else None,
    )
    session.add(person)
    session.flush()
    movements = _movements(demo, person.id, institutions)
    session.add_all(movements)
    if demo.final_balance is not None:
        session.add(PersonalAccount(person_id=person.id, balance=D(demo.final_balance),
                                    as_of=max(movement.occurred_on for movement in movements)))
    for values in demo.contributions:
        period, employer, employee, premium, credit, channel, paid_on = values
        session.add(Contribution(person_id=person.id, period=period, employer_part=employer,
                                 employee_part=employee, resident_premium=premium, account_credit=credit,
                                 channel=channel, paid_on=paid_on))
    for claim in demo.claims:
        session.add(Claim(
            person_id=person.id, reference=claim.reference, institution=institutions[claim.institution],
            admission_date=day(claim.admitted), discharge_date=day(claim.discharged),
            total_cost=D(claim.total_cost), self_funded=D(claim.self_funded), deductible=D(claim.deductible),
            payment_ratio=D(claim.payment_ratio), pooling_paid=D(claim.pooling_paid),
            personal_account_paid=D(claim.personal_account_paid), cash_paid=D(claim.cash_paid)))


def _movements(demo: DemoPerson, person_id: int, institutions: dict[str, Institution]) -> list[AccountMovement]:
    """Credits and expenses in date order, with the balance after each, ending at the stated balance."""
    has_account = demo.final_balance is not None
    rows = [(day(on), AccountMovement(person_id=person_id, occurred_on=day(on), category="monthly_credit",
                                      amount=D(amount)), D(amount))
            for on, amount in demo.monthly_credits]
    for expense in demo.expenses:
        rows.append((day(expense.on), AccountMovement(
            person_id=person_id, occurred_on=day(expense.on), category=expense.category,
            institution=institutions[expense.institution], amount=D(expense.amount),
            personal_account_paid=D(expense.account), pooling_paid=D(expense.pooling), cash_paid=D(expense.cash),
        ), -D(expense.account)))
    rows.sort(key=lambda row: row[0])
    if has_account:
        balance = D(demo.final_balance) - sum(change for _, _, change in rows)
        for _, movement, change in rows:
            balance += change
            movement.balance_after = balance
    return [movement for _, movement, _ in rows]
