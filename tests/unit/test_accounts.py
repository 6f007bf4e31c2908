"""Look-ups for each demo person, in both languages, on SQLite and PostgreSQL."""
import datetime
import re
from decimal import Decimal

import pytest
from sqlalchemy import select

from bot.accounts import queries, replies
from bot.accounts.lookup import SCOPES, LookUpRequest, look_up, requested_period
from bot.accounts.periods import resolve_month
from bot.db.engine import session_scope
from bot.db.models import AuditEntry, InsuredPerson
from bot.identity import audit
from bot.reply import money

ZHANG, WANG, CHEN, LIU = ("440304198506121230", "11010519491231002X", "330106200109103457", "310104199208152463")
TODAY = datetime.date(2026, 11, 22)
FULL_NUMBER = re.compile(r"\d{11,}")


def looked_up(engine, id_number, request, language, today=TODAY, **keywords):
    """request: a LookUpRequest, or a service with its period as a keyword (both ways the adapters call)."""
    with session_scope(engine) as session:
        person = session.scalars(select(InsuredPerson).where(InsuredPerson.id_number == id_number)).one()
        shown = look_up(session, "conv", person, request, language, today, **keywords)
    assert not FULL_NUMBER.search(shown.text), "a full ID or phone number leaked"
    return shown


def reply(engine, id_number, service, language, text=""):
    return looked_up(engine, id_number, service, language, period=requested_period(service, text, TODAY))


@pytest.mark.parametrize("text, expected", [
    ("上个月的明细", (2026, 10)), ("2026-09", (2026, 9)), ("2026年9月", (2026, 9)), ("九月份", (2026, 9)),
    ("in October", (2026, 10)), ("last month", (2026, 10)), ("Sept 2025", (2025, 9)), ("12月", (2025, 12)),
    ("my spending", None), ("may I see my spending", None),
    ("what about May?", (2026, 5)), ("去年9月", (2025, 9)), ("September of 2025", (2025, 9)),
    ("上上个月", (2026, 9)), ("the month before last", (2026, 9)), ("今年一月", (2026, 1)),
])
def test_months_in_natural_words(text, expected):
    assert resolve_month(text, TODAY) == expected


def test_balance_with_its_as_of_date(demo_engine):
    assert "3,268.40 元" in reply(demo_engine, ZHANG, "balance", "zh").text
    english = reply(demo_engine, ZHANG, "balance", "en").text
    assert "3,268.40 yuan" in english and "as of 2026-11-15" in english and "Z*** Wei" in english


def test_residents_balance_explains_there_is_no_personal_account(demo_engine):
    chinese = reply(demo_engine, CHEN, "balance", "zh").text
    assert "没有个人账户" in chinese and "400.00 元" in chinese and "第二十五条" in chinese
    english = reply(demo_engine, CHEN, "balance", "en").text
    assert "no personal account" in english and "2026 premium of 400.00 yuan" in english


def test_suspended_person_is_told_what_it_means_and_what_to_do(demo_engine):
    chinese = reply(demo_engine, LIU, "balance", "zh").text
    assert "812.15 元" in chinese and "暂停" in chinese and "2026-06" in chinese and "12393" in chinese
    english = reply(demo_engine, LIU, "balance", "en").text
    assert "suspended since 2026-06" in english and "flexible worker" in english and "depends on your city" in english


def test_spending_of_a_named_month(demo_engine):
    answer = reply(demo_engine, ZHANG, "spending", "zh", "2026年9月的消费明细").text
    assert "共 2 笔" in answer and "1,240.00 元" in answer and "统筹基金 620.00 元" in answer
    assert "2026-10" not in answer
    english = reply(demo_engine, ZHANG, "spending", "en", "in September").text
    assert "Shenzhen People's Hospital (emergency) 1,240.00 yuan" in english
    assert "balance after 2,729.40 yuan" in english


def test_latest_spending_when_no_month_is_named(demo_engine):
    answer = reply(demo_engine, ZHANG, "spending", "en", "my spending").text
    assert answer.index("2026-10-26") < answer.index("2026-10-09")  # newest first


def test_a_month_without_records_gets_a_sentence(demo_engine):
    assert "no medical expenses on record for March 2026" in reply(demo_engine, ZHANG, "spending", "en", "2026-03").text
    assert "没有医疗消费记录" in reply(demo_engine, ZHANG, "spending", "zh", "2026年3月").text


def test_residents_spending_shows_pooling_and_cash(demo_engine):
    answer = reply(demo_engine, CHEN, "spending", "zh", "2026-08").text
    assert "统筹基金 430.00 元" in answer and "现金 430.00 元" in answer and "余额" not in answer


def test_claims_list_with_totals_per_payer(demo_engine):
    answer = reply(demo_engine, WANG, "claims", "zh")
    assert "共 2 次" in answer.text and "合计 41,080.00 元" in answer.text
    assert "统筹基金 31,492.50 元" in answer.text and "现金 9,587.50 元" in answer.text
    assert [b["payload"] for b in answer.buttons] == [
        '/request_claim_detail{"claim_reference":"ZY2026080002"}',
        '/request_claim_detail{"claim_reference":"ZY2026030001"}']


def test_no_claims_is_a_sentence_not_an_empty_table(demo_engine):
    assert "no hospital-stay settlements" in reply(demo_engine, ZHANG, "claims", "en").text


def test_claim_detail_explains_deductible_ratio_and_own_share(demo_engine):
    with session_scope(demo_engine) as session:
        person = session.scalars(select(InsuredPerson).where(InsuredPerson.id_number == WANG)).one()
        english = look_up(session, "conv", person, "claim_detail", "en", claim_reference="ZY2026030001").text
        latest = look_up(session, "conv", person, "claim_detail", "zh").text
    # The estimator's steps, filled from the record.
    assert "total 28,600 − self-funded items 1,600 = 27,000 yuan" in english
    assert "Deductible applied to this stay: 1,300 yuan" in english
    assert "the pooling fund pays 25,700 × 85% = 21,845 yuan; your share is 25,700 − 21,845 = 3,855 yuan" in english
    assert "you paid 6,755 yuan (self-funded 1,600 + deductible 1,300 + your share 3,855)" in english
    assert "Your part was paid from: cash 6,755.00 yuan" in english and "estimate" not in english
    assert "ZY2026080002" in latest and "本次住院适用的起付标准：650 元" in latest
    assert "统筹基金支付 11,350 × 85% = 9,647.50 元" in latest and "实际支付" not in latest


def test_another_persons_claim_is_not_shown(demo_engine):
    with session_scope(demo_engine) as session:
        zhang = session.scalars(select(InsuredPerson).where(InsuredPerson.id_number == ZHANG)).one()
        assert queries.claim(session, zhang, "ZY2026030001") is None


def test_contributions_per_period(demo_engine):
    answer = reply(demo_engine, ZHANG, "contributions", "en").text
    assert "2026-11: employer 720.00 yuan, you 240.00 yuan, credited to your personal account 240.00 yuan" in answer
    assert "withheld by the employer" in answer
    assert "2026 年度 居民医保个人缴费 400.00 元" in reply(demo_engine, CHEN, "contributions", "zh").text


def test_retiree_pays_no_premium_and_sees_the_monthly_credits(demo_engine):
    answer = reply(demo_engine, WANG, "contributions", "zh").text
    assert "第二十七条" in answer and "2026-10-10 180.00 元" in answer


def test_yearly_totals_by_category(demo_engine):
    answer = reply(demo_engine, WANG, "yearly_totals", "en", "this year").text
    assert "hospitalization 41,080.00 yuan" in answer and "pharmacy 464.40 yuan" in answer
    assert "no medical costs on record for 2024" in reply(demo_engine, WANG, "yearly_totals", "en", "2024").text


def test_every_look_up_is_audited_with_a_masked_subject(demo_engine):
    reply(demo_engine, ZHANG, "balance", "zh")
    with session_scope(demo_engine) as session:
        entry = session.scalars(select(AuditEntry)).one()
        assert (entry.event, entry.subject, entry.conversation_key) == ("view_balance", "440***********1230",
                                                                        audit.conversation_key("conv"))


# --- totals that add up on screen ------------------------------------------------------------------

MONEY = r"([\d,]+\.\d{2}) (?:元|yuan)"
PAYERS = {"zh": ("个人账户", "统筹基金", "现金"), "en": ("personal account", "pooling fund", "cash")}
TOTAL_LINE = {"zh": "合计 ", "en": "Total "}
DEMO_PEOPLE = (ZHANG, WANG, CHEN, LIU)


def show(engine, id_number, request, language, today=TODAY):
    return looked_up(engine, id_number, request, language, today).text


def first_amount(line):
    return Decimal(re.search(MONEY, line).group(1).replace(",", ""))


def after(label, line):
    """The amount written right after a label ("统筹基金 620.00 元"), or 0 when the line has none."""
    found = re.search(rf"(?<![A-Za-z'])({re.escape(label)}) {MONEY}", line)
    return Decimal(found.group(2).replace(",", "")) if found else Decimal("0")


def items_and_total(text, language):
    """The listed items ("• ..." lines) and the one total line after them."""
    lines = text.split("\n")
    items = [line for line in lines if line.startswith("• ")]
    totals = [line for line in lines if line.startswith(TOTAL_LINE[language])]
    assert len(totals) == (1 if items else 0), text
    return items, (totals[0] if totals else None)


def assert_paid_list_adds_up(text, language):
    """Each bill is the sum of what each payer paid, and the total and each payer's total are the sums of the
    bills and payments displayed above them."""
    items, total = items_and_total(text, language)
    for line in items + ([total] if total else []):
        assert first_amount(line) == sum(after(label, line) for label in PAYERS[language]), line
    if items:
        assert first_amount(total) == sum(first_amount(line) for line in items), text
        for label in PAYERS[language]:
            assert after(label, total) == sum(after(label, line) for line in items), (label, text)
    return items


PAID_LISTS = [("spending", None)] + [("spending", f"2026-{month:02d}") for month in range(1, 12)] + [
    ("spending", "2025"), ("claims", None), ("yearly_totals", "2026"), ("yearly_totals", "2025")]


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("id_number", DEMO_PEOPLE)
def test_every_paid_list_adds_up_to_its_totals_per_payer(demo_engine, id_number, language):
    shown_items = 0
    for service, period in PAID_LISTS:
        text = show(demo_engine, id_number, LookUpRequest(service, period), language)
        shown_items += len(assert_paid_list_adds_up(text, language))
    for scope in SCOPES:
        text = show(demo_engine, id_number, LookUpRequest("spending", "2026", scope), language)
        shown_items += len(assert_paid_list_adds_up(text, language))
    assert shown_items > 0


@pytest.mark.parametrize("language, employer, individual, credited", [
    ("zh", "单位缴纳", "个人缴纳", "划入个人账户"),
    ("en", "employer", "you", "credited to your personal account"),
])
@pytest.mark.parametrize("id_number", [ZHANG, LIU])
def test_employees_contributions_add_up_per_payer(demo_engine, id_number, language, employer, individual, credited):
    items, total = items_and_total(show(demo_engine, id_number, LookUpRequest("contributions"), language), language)
    assert len(items) == 6
    for label in (employer, individual, credited):
        assert after(label, total) == sum(after(label, line) for line in items), label
    assert first_amount(total) == after(employer, total) + after(individual, total)


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("id_number", [WANG, CHEN])  # a retiree's monthly credits, a resident's yearly premiums
def test_single_amount_lists_add_up(demo_engine, id_number, language):
    items, total = items_and_total(show(demo_engine, id_number, LookUpRequest("contributions"), language), language)
    assert items and first_amount(total) == sum(first_amount(line) for line in items)


def test_the_totals_as_they_read(demo_engine):
    assert "合计 1,285.30 元：个人账户 665.30 元、统筹基金 620.00 元。" in show(
        demo_engine, ZHANG, LookUpRequest("spending", "2026-09"), "zh")
    assert "Total 42,444.40 yuan: personal account 612.40 yuan, pooling fund 32,244.50 yuan, cash 9,587.50 yuan." \
        in show(demo_engine, WANG, LookUpRequest("yearly_totals", "2026"), "en")
    assert ("Total 5,760.00 yuan: employer 4,320.00 yuan, you 1,440.00 yuan; of which credited to your personal "
            "account 1,440.00 yuan.") in show(demo_engine, ZHANG, LookUpRequest("contributions"), "en")
    assert "合计 800.00 元。" in show(demo_engine, CHEN, LookUpRequest("contributions"), "zh")
    assert "合计 1,080.00 元。" in show(demo_engine, WANG, LookUpRequest("contributions"), "zh")
    claims = show(demo_engine, WANG, LookUpRequest("claims"), "en")
    assert "Peking Union Medical College Hospital 28,600.00 yuan: pooling fund 21,845.00 yuan, cash 6,755.00 yuan" \
        in claims


def test_a_total_sums_the_amounts_as_displayed():
    paid = replies._paid_in_total([(Decimal("0.005"), Decimal("0.005"), Decimal("0"), Decimal("0"))] * 3)
    assert paid.total == Decimal("0.00")  # each bill shows as 0.00 (half to even), so the total does too
    paid = replies._paid_in_total([(Decimal("1.015"), Decimal("1.015"), Decimal("0"), Decimal("0"))] * 2)
    assert (paid.total, paid.personal_account) == (Decimal("2.04"), Decimal("2.04"))  # 1.02 + 1.02
    assert money(Decimal("1.015"), "en") == "1.02 yuan" and money(Decimal("0.005"), "en") == "0.00 yuan"


# --- spending narrowed to one kind, or over a whole year -------------------------------------------

def test_spending_narrowed_to_pharmacy_purchases_in_a_year(demo_engine):
    chinese = show(demo_engine, ZHANG, LookUpRequest("spending", "2026", "pharmacy"), "zh")
    assert "2026年的药店购药明细（共 4 笔）" in chinese and "门诊" not in chinese and "合计 327.80 元" in chinese
    english = show(demo_engine, ZHANG, LookUpRequest("spending", "2026-09", "pharmacy"), "en")
    assert "your pharmacy purchases in September 2026 — 1 record:" in english and "emergency" not in english


def test_no_spending_of_that_kind_is_a_sentence(demo_engine):
    assert "2026年9月没有急诊消费记录" in show(demo_engine, CHEN, LookUpRequest("spending", "2026-09", "emergency"), "zh")
    latest = show(demo_engine, CHEN, LookUpRequest("spending", None, "outpatient"), "en")
    assert "your outpatient expenses (latest first) — 2 records:" in latest and "pharmacy" not in latest


def test_an_unknown_scope_is_refused(demo_engine):
    with pytest.raises(ValueError, match="scope"):
        show(demo_engine, ZHANG, LookUpRequest("spending", "2026-09", "inpatient"), "en")


def test_yearly_totals_without_a_period_are_for_the_year_of_today(demo_engine):
    text = show(demo_engine, WANG, LookUpRequest("yearly_totals"), "en", today=datetime.date(2025, 6, 1))
    assert "no medical costs on record for 2025" in text
