"""The look-up replies, in the user's language. Names are masked; ID and phone numbers never appear."""
import datetime
from collections.abc import Iterable
from decimal import Decimal

from bot.accounts.periods import YearMonth
from bot.accounts.queries import HOSPITALIZATION, ZERO, PaidBy, YearlyTotals
from bot.db.models import AccountMovement, Claim, Contribution, InsuredPerson, PersonalAccount
from bot.identity.masking import mask_name
from bot.reimbursement import explain_recorded_stay
from bot.reply import Reply, money

CATEGORY = {
    "outpatient": {"zh": "门诊", "en": "outpatient"},
    "emergency": {"zh": "急诊", "en": "emergency"},
    "pharmacy": {"zh": "药店购药", "en": "pharmacy"},
    HOSPITALIZATION: {"zh": "住院", "en": "hospitalization"},
}
EXPENSES = {  # what a spending list holds: every expense, or one kind of them
    None: {"zh": "医疗消费", "en": "medical expenses"},
    "outpatient": {"zh": "门诊消费", "en": "outpatient expenses"},
    "emergency": {"zh": "急诊消费", "en": "emergency expenses"},
    "pharmacy": {"zh": "药店购药", "en": "pharmacy purchases"},
}
CHANNEL = {
    "employer_withholding": {"zh": "单位代扣代缴", "en": "withheld by the employer"},
    "tax_app": {"zh": "税务App", "en": "tax-bureau app"},
    "bank_counter": {"zh": "银行柜台", "en": "bank counter"},
}
CITY = {
    "shenzhen": {"zh": "深圳", "en": "Shenzhen"}, "beijing": {"zh": "北京", "en": "Beijing"},
    "hangzhou": {"zh": "杭州", "en": "Hangzhou"}, "shanghai": {"zh": "上海", "en": "Shanghai"},
}
QUERY_BASIS = {
    "zh": "依据：《社会保险法》第四条、第七十四条（个人有权免费查询本人缴费和待遇记录）。",
    "en": "Basis: Social Insurance Law arts. 4 and 74 (you may query your own contribution and benefit records "
          "free of charge).",
}
RESIDENT_BASIS = {
    "zh": "依据：《社会保险法》第二十五条（城乡居民医保实行个人缴费和政府补贴相结合）。",
    "en": "Basis: Social Insurance Law art. 25 (residents' insurance is funded by individual contributions and "
          "government subsidies).",
}
Bill = tuple[Decimal, Decimal, Decimal, Decimal]  # an amount and what the personal account, pooling fund, cash paid
HELP_LINE = {
    "zh": "如有疑问，请拨打医保服务热线 12393，或前往当地医保经办窗口。",
    "en": "Questions? Call the medical-insurance hotline 12393 or visit your local medical-insurance counter.",
}


def display_name(person: InsuredPerson, language: str) -> str:
    return mask_name(person.name_zh if language == "zh" else person.name_en)


def _period(period: YearMonth | int, language: str) -> str:
    """(2026, 9) -> "2026年9月" / "September 2026"; 2025 -> "2025年" / "2025"."""
    if isinstance(period, int):
        return f"{period}年" if language == "zh" else str(period)
    year, month = period
    return f"{year}年{month}月" if language == "zh" else datetime.date(year, month, 1).strftime("%B %Y")


def shown(amount: Decimal) -> Decimal:
    """The amount as `money` displays it (to the fen), so that totals add up to the figures on screen."""
    return amount.quantize(Decimal("0.01"))


def _paid_in_total(bills: Iterable[Bill]) -> PaidBy:
    """Bills (total, personal account, pooling fund, cash) summed as displayed."""
    paid = PaidBy()
    for bill in bills:
        paid.add(*(shown(amount) for amount in bill))
    return paid


def _bill_text(bill: Bill, language: str) -> str:
    """"1,240.00 元：个人账户 620.00 元、统筹基金 620.00 元" / "1,240.00 yuan: personal account 620.00 yuan, ..."""
    paid = _paid_in_total([bill])
    payers = _payers(paid.personal_account, paid.pooling, paid.cash, language)
    return f"{money(paid.total, language)}{'：' if language == 'zh' else ': '}{payers}"


def _total_line(total: Decimal, language: str, split: str = "") -> str:
    """"合计 X 元：split。" / "Total X yuan: split." (no split: just the total)."""
    if language == "zh":
        return f"合计 {money(total, language)}{'：' + split if split else ''}。"
    return f"Total {money(total, language)}{': ' + split if split else ''}."


def _paid_total_line(bills: Iterable[Bill], language: str) -> str:
    """The total of bills as displayed, and how much of it each payer paid."""
    paid = _paid_in_total(bills)
    return _total_line(paid.total, language, _payers(paid.personal_account, paid.pooling, paid.cash, language))


def balance_reply(person: InsuredPerson, account: PersonalAccount | None, latest_premium: Contribution | None,
                  language: str) -> Reply:
    name = display_name(person, language)
    if account is None:
        return _resident_balance(name, latest_premium, language)
    lines = [
        f"{name}，截至 {account.as_of:%Y-%m-%d}，您的医保个人账户余额为 {money(account.balance, language)}。"
        if language == "zh" else
        f"{name}, your medical-insurance personal account balance was {money(account.balance, language)} "
        f"as of {account.as_of:%Y-%m-%d}."
    ]
    if person.status == "suspended":
        lines.append(_suspended_note(person, language))
    lines.append(QUERY_BASIS[language])
    return Reply("\n".join(lines), service_menu(language))


def _resident_balance(name: str, premium: Contribution | None, language: str) -> Reply:
    if language == "zh":
        paid = (f"{premium.period} 年度个人缴费 {money(premium.resident_premium, language)} 已于 "
                f"{premium.paid_on:%Y-%m-%d} 通过{CHANNEL[premium.channel]['zh']}缴纳，参保状态正常。"
                if premium else "暂未查到您的缴费记录。")
        text = (f"{name}，您参加的是城乡居民基本医疗保险，这项保险没有个人账户，所以没有余额可查。{paid}"
                "门诊和住院费用由统筹基金按当地规定报销。")
    else:
        paid = (f"Your {premium.period} premium of {money(premium.resident_premium, language)} was paid on "
                f"{premium.paid_on:%Y-%m-%d} through the {CHANNEL[premium.channel]['en']}; you are covered."
                if premium else "No premium payment is on record yet.")
        text = (f"{name}, you are in the basic medical insurance for urban and rural residents, which has no "
                f"personal account, so there is no balance to show. {paid} Outpatient and hospital costs are "
                "reimbursed by the pooling fund under your city's rules.")
    return Reply(text + "\n" + RESIDENT_BASIS[language], service_menu(language))


def _suspended_note(person: InsuredPerson, language: str) -> str:
    since = f"{person.status_since:%Y-%m}" if person.status_since else "?"
    if language == "zh":
        return (f"注意：您的参保状态自 {since} 起为“暂停”，通常是因为停止了缴费（例如离职后单位不再缴费）。"
                "暂停期间统筹基金和个人账户能否继续支付、欠缴能否补缴，各地规定不同。"
                "恢复参保：由新单位为您办理参保，或以灵活就业人员身份参保（《社会保险法》第二十三条）。"
                + HELP_LINE["zh"])
    return (f"Note: your insurance has been suspended since {since}, usually because contributions stopped "
            "(for example after leaving a job). Whether the pooling fund and the personal account still pay "
            "while suspended, and whether missed months can be paid later, depends on your city. To resume, have "
            "a new employer register you, or join as a flexible worker (Social Insurance Law art. 23). "
            + HELP_LINE["en"])


def spending_reply(person: InsuredPerson, movements: list[AccountMovement], period: YearMonth | int | None,
                   language: str, scope: str | None = None) -> Reply:
    """The expenses of a month or a year, or the latest ones; scope: only one kind of them (see EXPENSES)."""
    name = display_name(person, language)
    kind = EXPENSES[scope][language]
    when = _period(period, language) if period else None
    if not movements:
        text = (f"{name}，{when or '近期'}没有{kind}记录。" if language == "zh" else
                f"{name}, there are no {kind} on record{' for ' + when if when else ' recently'}.")
        return Reply(text, service_menu(language))
    if language == "zh":
        heading = f"{name}，{when + '的' if when else '最近的'}{kind}明细（共 {len(movements)} 笔）："
    else:
        heading = (f"{name}, your {kind} {'in ' + when if when else '(latest first)'}"
                   f" — {len(movements)} record{'s' if len(movements) > 1 else ''}:")
    lines = [heading] + [_spending_line(m, language) for m in movements]
    lines.append(_paid_total_line(map(_movement_bill, movements), language))
    return Reply("\n".join(lines), service_menu(language))


def _movement_bill(movement: AccountMovement) -> Bill:
    return movement.amount, movement.personal_account_paid, movement.pooling_paid, movement.cash_paid


def _claim_bill(stay: Claim) -> Bill:
    return stay.total_cost, stay.personal_account_paid, stay.pooling_paid, stay.cash_paid


def _paid_bill(paid: PaidBy) -> Bill:
    return paid.total, paid.personal_account, paid.pooling, paid.cash


def _spending_line(movement: AccountMovement, language: str) -> str:
    institution = movement.institution.name_zh if language == "zh" else movement.institution.name_en
    category = CATEGORY[movement.category][language]
    billed = _bill_text(_movement_bill(movement), language)
    if language == "zh":
        after = f"，余额 {money(movement.balance_after, language)}" if movement.balance_after is not None else ""
        return f"• {movement.occurred_on:%Y-%m-%d} {institution}（{category}）{billed}{after}"
    after = f"; balance after {money(movement.balance_after, language)}" if movement.balance_after is not None else ""
    return f"• {movement.occurred_on:%Y-%m-%d} {institution} ({category}) {billed}{after}"


def _payers(personal_account: Decimal, pooling: Decimal, cash: Decimal, language: str) -> str:
    labels = {"zh": ("个人账户", "统筹基金", "现金"), "en": ("personal account", "pooling fund", "cash")}[language]
    parts = [f"{label} {money(amount, language)}" for label, amount in zip(labels, (personal_account, pooling, cash))
             if amount]
    return ("、" if language == "zh" else ", ").join(parts) or ("无" if language == "zh" else "nothing")


def claims_reply(person: InsuredPerson, found: list[Claim], language: str) -> Reply:
    name = display_name(person, language)
    if not found:
        text = (f"{name}，没有查到您的住院结算记录。" if language == "zh" else
                f"{name}, there are no hospital-stay settlements on record.")
        return Reply(text, service_menu(language))
    lines = [f"{name}，您的住院结算记录（共 {len(found)} 次）：" if language == "zh" else
             f"{name}, your hospital-stay settlements ({len(found)}):"]
    for stay in found:
        institution = stay.institution.name_zh if language == "zh" else stay.institution.name_en
        lines.append(f"• {stay.reference} {stay.admission_date:%Y-%m-%d}–{stay.discharge_date:%Y-%m-%d} {institution} "
                     f"{_bill_text(_claim_bill(stay), language)}")
    lines.append(_paid_total_line(map(_claim_bill, found), language))
    buttons = [{"title": (f"{stay.reference} 明细" if language == "zh" else f"Details of {stay.reference}"),
                "payload": f'/request_claim_detail{{"claim_reference":"{stay.reference}"}}'} for stay in found]
    return Reply("\n".join(lines), buttons)


def claim_detail_reply(person: InsuredPerson, stay: Claim | None, language: str) -> Reply:
    """One settlement explained with the estimator's steps, then how the person's part was paid."""
    if stay is None:
        return claims_reply(person, [], language)
    steps = explain_recorded_stay(total_cost=stay.total_cost, self_funded=stay.self_funded,
                                  deductible=stay.deductible, payment_ratio=stay.payment_ratio,
                                  pooling_paid=stay.pooling_paid, language=language)
    institution = stay.institution.name_zh if language == "zh" else stay.institution.name_en
    paid_by = _payers(stay.personal_account_paid, Decimal("0"), stay.cash_paid, language)
    if language == "zh":
        heading = (f"结算单 {stay.reference}：{stay.admission_date:%Y-%m-%d} 至 {stay.discharge_date:%Y-%m-%d} "
                   f"在{institution}住院。")
        footer = [f"您的部分已支付：{paid_by}。",
                  "以上金额来自您的结算记录；起付标准和支付比例按结算时当地规定执行，各地不同。"]
    else:
        heading = (f"Settlement {stay.reference}: hospital stay at {institution} from {stay.admission_date:%Y-%m-%d} "
                   f"to {stay.discharge_date:%Y-%m-%d}.")
        footer = [f"Your part was paid from: {paid_by}.",
                  "These amounts come from your settlement record; the deductible and ratio are the local rules "
                  "applied at settlement and differ between cities."]
    return Reply("\n".join([heading, *steps, *footer]), service_menu(language))


def contributions_reply(person: InsuredPerson, found: list[Contribution], credits: list[AccountMovement],
                        language: str) -> Reply:
    name = display_name(person, language)
    if person.employment_status == "retired" and not found:
        return Reply(_retiree_contributions(name, credits, language), service_menu(language))
    if not found:
        text = (f"{name}，没有查到您的缴费记录。{HELP_LINE['zh']}" if language == "zh" else
                f"{name}, no contributions are on record. {HELP_LINE['en']}")
        return Reply(text, service_menu(language))
    lines = [f"{name}，您最近的医保缴费记录：" if language == "zh" else f"{name}, your latest contributions:"]
    lines += [_contribution_line(item, language) for item in found]
    lines.append(_contributions_total_line(found, language))
    if person.status == "suspended":
        lines.append(_suspended_note(person, language))
    lines.append(QUERY_BASIS[language])
    return Reply("\n".join(lines), service_menu(language))


def _contribution_line(item: Contribution, language: str) -> str:
    channel = CHANNEL[item.channel][language]
    if item.resident_premium is not None:
        return (f"• {item.period} 年度 居民医保个人缴费 {money(item.resident_premium, language)}，"
                f"{item.paid_on:%Y-%m-%d} 通过{channel}缴纳" if language == "zh" else
                f"• {item.period}: residents' premium {money(item.resident_premium, language)}, paid "
                f"{item.paid_on:%Y-%m-%d} through the {channel}")
    if language == "zh":
        return (f"• {item.period}：单位缴纳 {money(item.employer_part, language)}，个人缴纳 "
                f"{money(item.employee_part, language)}，划入个人账户 {money(item.account_credit, language)}（{channel}）")
    return (f"• {item.period}: employer {money(item.employer_part, language)}, you {money(item.employee_part, language)}, "
            f"credited to your personal account {money(item.account_credit, language)} ({channel})")


def _contributions_total_line(found: list[Contribution], language: str) -> str:
    """What the periods listed add up to: the employer's and the person's parts, and the part credited to the
    personal account (which is not paid on top: it comes out of those parts)."""
    def total(*columns: str) -> Decimal:
        return sum((shown(getattr(item, column)) for item in found for column in columns
                    if getattr(item, column) is not None), ZERO)

    employer, individual = total("employer_part"), total("employee_part", "resident_premium")
    credited = total("account_credit")
    labels = {"zh": ("单位缴纳", "个人缴纳", "其中划入个人账户"),
              "en": ("employer", "you", "of which credited to your personal account")}[language]
    parts = [f"{label} {money(amount, language)}" for label, amount in zip(labels[:2], (employer, individual))]
    split = ("、" if language == "zh" else ", ").join(parts) if employer else ""
    if credited:
        split += ("；" if language == "zh" else "; ") + f"{labels[2]} {money(credited, language)}"
    return _total_line(employer + individual, language, split)


def _retiree_contributions(name: str, credits: list[AccountMovement], language: str) -> str:
    credit_lines = [f"• {credit.occurred_on:%Y-%m-%d} {money(credit.amount, language)}" for credit in credits]
    if credits:
        credit_lines.append(_total_line(sum((shown(credit.amount) for credit in credits), ZERO), language))
    if language == "zh":
        return "\n".join([f"{name}，您已退休，缴费年限达到规定的退休人员不再缴纳基本医疗保险费（《社会保险法》第二十七条）。"
                          "您的个人账户每月按规定划入："] + credit_lines)
    return "\n".join([f"{name}, you are retired: retirees with enough contribution years pay no further premiums "
                      "(Social Insurance Law art. 27). Monthly credits to your personal account:"] + credit_lines)


def yearly_totals_reply(person: InsuredPerson, totals: YearlyTotals, language: str) -> Reply:
    name = display_name(person, language)
    if not totals.by_category and not totals.credited:
        text = (f"{name}，{totals.year} 年没有医疗费用记录。" if language == "zh" else
                f"{name}, there are no medical costs on record for {totals.year}.")
        return Reply(text, service_menu(language))
    lines = [f"{name}，{totals.year} 年累计医疗费用（按类别）：" if language == "zh" else
             f"{name}, your medical costs in {totals.year} by category:"]
    for category, paid in totals.by_category.items():
        lines.append(f"• {CATEGORY[category][language]} {_bill_text(_paid_bill(paid), language)}")
    if totals.by_category:
        lines.append(_paid_total_line(map(_paid_bill, totals.by_category.values()), language))
    if totals.credited:
        lines.append(f"个人账户本年累计划入 {money(totals.credited, language)}。" if language == "zh" else
                     f"Credited to your personal account this year: {money(totals.credited, language)}.")
    return Reply("\n".join(lines), service_menu(language))


def service_menu(language: str) -> list[dict[str, str]]:
    """Buttons for every personal service, and log out."""
    titles = {
        "zh": ["查余额", "消费明细", "住院结算", "缴费记录", "年度汇总", "退出登录"],
        "en": ["Balance", "Spending details", "Hospital settlements", "Contributions", "Yearly totals", "Log out"],
    }[language]
    payloads = ["/request_balance", "/request_spending", "/request_claims", "/request_contributions",
                "/request_yearly_totals", "/log_out"]
    return [{"title": title, "payload": payload} for title, payload in zip(titles, payloads)]
