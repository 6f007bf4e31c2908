"""The step-by-step explanation of an estimate, and the replies to answers the estimator cannot use, in zh and en.

Both languages share one layout: each line is a template per language, filled with the same numbers.
"""
from decimal import Decimal

from bot.language import CHINESE, ENGLISH
from bot.reimbursement.amounts import MAX_AMOUNT
from bot.reimbursement.calculator import Estimate
from bot.reimbursement.categories import HospitalLevel
from bot.reimbursement.errors import Reason
from bot.reimbursement.regions import Fallback, RegionMatch

_LEVEL_NAMES = {
    HospitalLevel.LEVEL_1: {CHINESE: "一级医院", ENGLISH: "level-1 hospital"},
    HospitalLevel.LEVEL_2: {CHINESE: "二级医院", ENGLISH: "level-2 hospital"},
    HospitalLevel.LEVEL_3: {CHINESE: "三级医院", ENGLISH: "tertiary (level-3) hospital"},
    HospitalLevel.LEVEL_3_CITY: {CHINESE: "市级三级医院", ENGLISH: "city-level tertiary hospital"},
    HospitalLevel.LEVEL_3_PROVINCIAL: {CHINESE: "省级三级医院", ENGLISH: "provincial tertiary hospital"},
}

# The estimate leads with what the fund and the person pay, then the steps, then one caveat (at most ~10 lines).
# The recorded settlement ("explain my last claim") reuses the numbered steps.
_LINES = {
    CHINESE: {
        "fund_pays": "统筹基金支付：约 {fund} 元",
        "person_pays": "您自己支付：约 {person} 元（{parts}）",
        "part_self_funded": "自费 {self_funded}",
        "part_deductible": "起付标准 {paid}",
        "part_individual": "个人负担 {individual}",
        "part_over": "超出限额 {over}",
        "heading": "计算步骤（{figures}，{level}，本年度第{order}次住院{retired}）：",
        "illustrative": "示例参数",
        "retired": "，退休人员",
        "policy_scope": "1. 政策范围内费用：总费用 {total} 元 − 自费 {self_funded} 元 = {policy_scope} 元。",
        "deductible_step": "2. 起付标准（{level}）：{standard} 元，由您支付 {paid} 元。",
        "deductible_step_repeat": "2. 起付标准（{level}）：{standard} 元；本年度第{order}次住院按 {percent}% 计："
                                  "{standard} × {percent}% = {for_stay} 元，由您支付 {paid} 元。",
        "above": "3. 超过起付标准的部分：{policy_scope} − {paid} = {above} 元。",
        "ratio": "4. 支付比例 {share}%：统筹基金支付 {above} × {share}% = {fund_by_ratio} 元；"
                 "个人负担 {above} − {fund_by_ratio} = {individual} 元。",
        "retiree_uplift": "其中含退休人员提高的 {points} 个百分点。",
        "cap": "5. 最高支付限额 {cap} 元，本年度统筹基金已支付 {paid_before} 元，还剩 {remaining} 元；",
        "cap_exceeded": "按比例应付的 {fund_by_ratio} 元超过剩余限额，超出的 {over} 元由您负担。",
        "cap_within": "本次没有超过限额。",
        "self_funded_unknown": "您不清楚自费金额，按 0 元计算；如有自费项目，您实际支付的会更多。",
        "not_included": "以下没有资料，未计入：{items}。",
        "repeat_unknown": "同一年再次住院的起付标准减免（不少城市第二次住院减半）",
        "retiree_unknown": "退休人员较高的支付比例",
        "cap_unknown": "最高支付限额",
        "list_separator": "、",
        "fallback_city": "我没有{city}的参数：以上按全国通行的算法和示例参数计算，不是{city}的实际规定。",
        "fallback_no_city": "没有您参保城市的参数：以上按全国通行的算法和示例参数计算，不是任何城市的实际规定。",
        "fallback_type": "我只有{city_region}的参数，不适用于您的参保类型：以上按示例参数计算，不是任何城市的实际规定。",
        "basis": "依据：{source}{effective}；最后核对：{checked}。",
        "effective": "（生效日期 {date}）",
        "caveat": "各地标准不同，也会调整，请以参保地医保局网站或医保服务热线 12393 为准。这只是估算，不是结算结果，以实际结算为准。",
        "recorded_deductible": "2. 本次住院适用的起付标准：{standard} 元。",
        "deductible_paid": "   这部分由您支付：{paid} 元。",
        "recorded_differs": "   结算记录中统筹基金实际支付 {recorded} 元，与按比例算出的 {fund} 元不同：结算时还适用了当地的其他规定"
                            "（例如最高支付限额），以结算记录为准。",
        "recorded_totals": "合计：统筹基金支付 {fund} 元；您支付 {person} 元（自费 {self_funded} + 起付标准 {paid} + "
                           "个人负担 {individual}）。",
        "recorded_totals_differ": "合计（以结算记录为准）：统筹基金支付 {recorded} 元；您支付 {recorded_person} 元。",
        "figure_used": "住院总费用按 {amount} 元估算。",
        "figure_used_self_funded": "自费部分按 {amount} 元估算。",
    },
    ENGLISH: {
        "fund_pays": "The pooling fund pays: about {fund} yuan",
        "person_pays": "You pay: about {person} yuan ({parts})",
        "part_self_funded": "self-funded {self_funded}",
        "part_deductible": "deductible {paid}",
        "part_individual": "your share {individual}",
        "part_over": "above the cap {over}",
        "heading": "How it is worked out ({figures}, {level}, stay no. {order} this year{retired}):",
        "illustrative": "illustrative figures",
        "retired": ", retired",
        "policy_scope": "1. Costs within the policy scope: total {total} − self-funded items {self_funded} "
                        "= {policy_scope} yuan.",
        "deductible_step": "2. Deductible at a {level}: {standard} yuan; you pay {paid} yuan of it.",
        "deductible_step_repeat": "2. Deductible at a {level}: {standard} yuan; for stay no. {order} this year it is "
                                  "{percent}%: {standard} × {percent}% = {for_stay} yuan; you pay {paid} yuan of it.",
        "above": "3. Above the deductible: {policy_scope} − {paid} = {above} yuan.",
        "ratio": "4. Payment ratio {share}%: the pooling fund pays {above} × {share}% = {fund_by_ratio} yuan; "
                 "your share is {above} − {fund_by_ratio} = {individual} yuan.",
        "retiree_uplift": " This includes {points} percentage points more for retirees.",
        "cap": "5. Annual cap (maximum payment limit): {cap} yuan; the fund has paid {paid_before} yuan this year, "
               "leaving {remaining} yuan. ",
        "cap_exceeded": "The {fund_by_ratio} yuan due by the ratio is more than is left, so you pay the {over} "
                        "yuan above the cap.",
        "cap_within": "This stay is within the cap.",
        "self_funded_unknown": "You did not know the self-funded part, so 0 was used; any self-funded items add to "
                               "what you pay.",
        "not_included": "Not included, as no figures are on file: {items}.",
        "repeat_unknown": "a lower deductible for a repeat stay in the same year (many cities halve it)",
        "retiree_unknown": "a higher ratio for retirees",
        "cap_unknown": "the annual cap",
        "list_separator": "; ",
        "fallback_city": "{city}'s figures are not on file: this uses the national way of working it out with "
                         "illustrative figures, not {city}'s own rule.",
        "fallback_no_city": "Your city's figures are not on file: this uses the national way of working it out with "
                            "illustrative figures, not any real city's rule.",
        "fallback_type": "I only have figures for {city_region}, which do not cover your insurance type, so this uses "
                         "illustrative figures, not any real city's rule.",
        "basis": "Based on: {source}{effective}; last checked {checked}.",
        "effective": " (effective {date})",
        "caveat": "Figures differ between cities and change over time: check your city's Healthcare Security Bureau "
                  "(医保局) website or call the hotline 12393. This is an estimate, not a settlement: the amounts at "
                  "the hospital's settlement are the ones that count.",
        "recorded_deductible": "2. Deductible applied to this stay: {standard} yuan.",
        "deductible_paid": "   You pay this part: {paid} yuan.",
        "recorded_differs": "   The settlement record shows the pooling fund paid {recorded} yuan, not the {fund} yuan the "
                            "ratio gives: other local rules (such as the annual cap) applied at settlement, and the "
                            "record is what counts.",
        "recorded_totals": "In total: the pooling fund paid {fund} yuan; you paid {person} yuan (self-funded "
                           "{self_funded} + deductible {paid} + your share {individual}).",
        "recorded_totals_differ": "In total, as recorded: the pooling fund paid {recorded} yuan; you paid "
                                  "{recorded_person} yuan.",
        "figure_used": "Using {amount} yuan as the total cost.",
        "figure_used_self_funded": "Using {amount} yuan as the self-funded part.",
    },
}

_HOTLINE = {
    CHINESE: "请拨打医保服务热线 12393 或到当地医保经办窗口咨询。",
    ENGLISH: "Please call the medical-insurance hotline 12393 or ask at your local medical-insurance counter.",
}

_PROBLEMS = {
    Reason.NOT_A_NUMBER: {
        CHINESE: "我没看懂这个金额。请输入一个数字，例如“30000”“3万”或“三万元”。",
        ENGLISH: "I could not read that amount. Please type a number, for example \"30000\", \"30,000 yuan\" "
                 "or \"5k\".",
    },
    Reason.SEVERAL_AMOUNTS: {
        CHINESE: "我看到不止一个金额。请只输入一个金额，例如“30000”。",
        ENGLISH: "I see more than one amount there. Please type just one, for example \"30000\".",
    },
    Reason.VAGUE_AMOUNT: {
        CHINESE: "这是一个范围，估算需要一个数；说个大概就行，例如“5千左右”按 5,000 元算。",
        ENGLISH: "That is a range, and the estimate needs one figure; a rough one will do: \"about 5k\" is read as "
                 "5,000 yuan.",
    },
    Reason.NEGATIVE: {
        CHINESE: "金额不能是负数。请输入花费的金额，例如“30000”。",
        ENGLISH: "An amount cannot be negative. Please type what was spent, for example \"30000\".",
    },
    Reason.ZERO: {
        CHINESE: "金额需要大于 0。请输入花费的金额，例如“30000”。",
        ENGLISH: "The amount must be more than 0. Please type what was spent, for example \"30000\".",
    },
    Reason.TOO_LARGE: {
        CHINESE: "这个金额超过了 {max} 元，应该是输错了。请检查后重新输入，例如“30000”。",
        ENGLISH: "That is more than {max} yuan, which looks like a typo. Please check it and type it again, "
                 "for example \"30000\".",
    },
    Reason.SELF_FUNDED_EXCEEDS_TOTAL: {
        CHINESE: "自费部分不能超过总费用。请重新输入自费金额；不清楚可以输入“不知道”。",
        ENGLISH: "The self-funded part cannot be more than the total cost. Please type the self-funded amount again, "
                 "or \"don't know\".",
    },
    Reason.INVALID_STAY_ORDER: {
        CHINESE: "请告诉我这是今年第几次住院，例如“第一次”或“第二次”。",
        ENGLISH: "Please tell me which stay this is this year, for example \"first\" or \"second time\".",
    },
    Reason.UNKNOWN_HOSPITAL_LEVEL: {
        CHINESE: "请告诉我医院的等级，例如“一级医院”“二级医院”或“三级医院”。",
        ENGLISH: "Please tell me the hospital's level, for example \"level 1\", \"secondary\" or \"tertiary\".",
    },
    Reason.UNKNOWN_INSURANCE_TYPE: {
        CHINESE: "请告诉我您参加的是“职工医保”还是“城乡居民医保”。",
        ENGLISH: "Please tell me whether you have \"employee\" or \"resident\" medical insurance.",
    },
    Reason.UNKNOWN_EMPLOYMENT_STATUS: {
        CHINESE: "请告诉我您是“在职”还是“退休”。",
        ENGLISH: "Please tell me whether you are \"working\" or \"retired\".",
    },
    Reason.UNKNOWN_CITY: {
        CHINESE: "请告诉我您在哪个城市参保，例如“蚌埠”；不方便说可以回答“其他城市”。",
        ENGLISH: "Please tell me the city where you are insured, for example \"Bengbu\", or say \"other city\".",
    },
    Reason.ANSWERS_MISSING: {
        CHINESE: "估算还缺少一些信息。请说“估算住院费用”重新开始。",
        ENGLISH: "Some answers the estimate needs are missing. Say \"estimate my hospital bill\" to start again.",
    },
    Reason.LEVEL_NOT_IN_REGION: {
        CHINESE: "这一等级医院的起付标准和支付比例不在我的资料里，无法估算。" + _HOTLINE[CHINESE],
        ENGLISH: "I have no deductible or payment ratio on file for this hospital level there, so I cannot "
                 "estimate it. " + _HOTLINE[ENGLISH],
    },
    Reason.TERTIARY_TIER_NEEDED: {
        CHINESE: "当地市级和省级三级医院的标准不同。请告诉我是“市级”还是“省级”三级医院。",
        ENGLISH: "There, city-level and provincial tertiary hospitals have different figures. Please type "
                 "\"city-level\" or \"provincial\".",
    },
}


def format_yuan(amount: Decimal) -> str:
    """30000 -> "30,000"; 30000.5 -> "30,000.50"."""
    text = f"{amount:,.2f}"
    return text[:-3] if text.endswith(".00") else text


def format_percent(percent: Decimal) -> str:
    """80 -> "80"; 82.50 -> "82.5"."""
    return format(percent.normalize(), "f")


def level_name(level: HospitalLevel, language: str) -> str:
    return _LEVEL_NAMES[level][language]


def explain_estimate(estimate: Estimate, language: str, match: RegionMatch | None = None,
                     city_name: str | None = None) -> str:
    """The estimate: what the fund and the person pay, the steps with their numbers, then what the figures are
    based on, what they leave out, and where to check them. `city_name` names a city whose figures are not on file."""
    lines = _LINES[language]
    region = estimate.region
    figures = lines["illustrative"] if region.illustrative else region.name[language]
    heading = lines["heading"].format(figures=figures, level=level_name(estimate.level, language),
                                      order=estimate.stay_order, retired=lines["retired"] if estimate.retired else "")
    steps = _step_lines(estimate, ["policy_scope", _deductible_key(estimate), "above", "ratio"], language)
    steps[-1] += _retiree_note(estimate, language)
    steps += _cap_lines(estimate, language)
    return "\n".join([*_totals_lines(estimate, language), heading, *steps,
                      *_notes_lines(estimate, language), _basis_line(estimate, language, match, city_name),
                      lines["caveat"]])


def explain_figure_used(amount: Decimal, language: str, *, self_funded: bool = False) -> str:
    """"住院总费用按 5,000 元估算。" / "Using 5,000 yuan as the total cost.": after an amount said roughly."""
    key = "figure_used_self_funded" if self_funded else "figure_used"
    return _LINES[language][key].format(amount=format_yuan(amount))


def _totals_lines(estimate: Estimate, language: str) -> list[str]:
    parts = [("part_self_funded", estimate.self_funded), ("part_deductible", estimate.deductible_paid),
             ("part_individual", estimate.individual_share), ("part_over", estimate.over_cap)]
    shown = " + ".join(_step_lines(estimate, [key for key, amount in parts if amount], language))
    return _step_lines(estimate, ["fund_pays"], language) + [
        _LINES[language]["person_pays"].format(person=format_yuan(estimate.person_pays), parts=shown)]


def _deductible_key(estimate: Estimate) -> str:
    return "deductible_step_repeat" if estimate.deductible_percent != 100 else "deductible_step"


def _retiree_note(estimate: Estimate, language: str) -> str:
    return _step_lines(estimate, ["retiree_uplift"], language)[0] if estimate.retiree_uplift_points else ""


def _cap_lines(estimate: Estimate, language: str) -> list[str]:
    if estimate.annual_cap is None:
        return []
    cap, outcome = _step_lines(estimate, ["cap", "cap_exceeded" if estimate.over_cap else "cap_within"], language)
    return [cap + outcome]


def _notes_lines(estimate: Estimate, language: str) -> list[str]:
    """What the estimate assumed or left out, in one line: an unknown self-funded part, figures not on file."""
    lines = _LINES[language]
    region = estimate.region
    missing = [
        ("repeat_unknown", estimate.stay_order > 1 and region.repeat_stay_deductible_percents is None),
        ("retiree_unknown", estimate.retired and region.retiree_uplift_points is None),
        ("cap_unknown", estimate.annual_cap is None),
    ]
    notes = [] if estimate.self_funded_known else [lines["self_funded_unknown"]]
    items = [lines[key] for key, applies in missing if applies]
    if items:
        notes.append(lines["not_included"].format(items=lines["list_separator"].join(items)))
    return [" ".join(notes) if language == ENGLISH else "".join(notes)] if notes else []


def _basis_line(estimate: Estimate, language: str, match: RegionMatch | None, city_name: str | None) -> str:
    """The region's figures and their source; for the illustrative figures, why they were used."""
    lines = _LINES[language]
    region = estimate.region
    if not region.illustrative:
        effective = lines["effective"].format(date=region.effective_date.isoformat()) if region.effective_date else ""
        return lines["basis"].format(source=region.source[language], effective=effective,
                                     checked=region.last_checked.isoformat())
    if match and match.fallback is Fallback.INSURANCE_TYPE_NOT_COVERED and match.city_region:
        return lines["fallback_type"].format(city_region=match.city_region.name[language])
    return lines["fallback_city"].format(city=city_name) if city_name else lines["fallback_no_city"]


def explain_recorded_steps(estimate: Estimate, recorded_fund_paid: Decimal, language: str) -> list[str]:
    """A recorded settlement explained with the estimate's own steps; the estimate holds the stay's deductible.

    No repeat-stay, retiree or cap lines: the recorded deductible and ratio already include them.
    """
    keys = ["policy_scope", "recorded_deductible", "deductible_paid", "above", "ratio"]
    keys += ["recorded_totals"] if estimate.fund_pays == recorded_fund_paid else [
        "recorded_differs", "recorded_totals_differ"]
    return _step_lines(estimate, keys, language, recorded=format_yuan(recorded_fund_paid),
                       recorded_person=format_yuan(estimate.total_cost - recorded_fund_paid))


def _step_lines(estimate: Estimate, keys: list[str], language: str, **extra: str) -> list[str]:
    numbers = {
        "total": format_yuan(estimate.total_cost),
        "self_funded": format_yuan(estimate.self_funded),
        "policy_scope": format_yuan(estimate.policy_scope_cost),
        "standard": format_yuan(estimate.deductible_standard),
        "percent": format_percent(estimate.deductible_percent),
        "for_stay": format_yuan(estimate.deductible_for_stay),
        "paid": format_yuan(estimate.deductible_paid),
        "above": format_yuan(estimate.above_deductible),
        "share": format_percent(estimate.fund_share_percent),
        "points": format_percent(estimate.retiree_uplift_points),
        "fund_by_ratio": format_yuan(estimate.fund_by_ratio),
        "individual": format_yuan(estimate.individual_share),
        "paid_before": format_yuan(estimate.fund_paid_this_year),
        "over": format_yuan(estimate.over_cap),
        "fund": format_yuan(estimate.fund_pays),
        "person": format_yuan(estimate.person_pays),
        "level": level_name(estimate.level, language),
        "order": estimate.stay_order,
    }
    if estimate.annual_cap is not None:
        numbers |= {"cap": format_yuan(estimate.annual_cap), "remaining": format_yuan(estimate.remaining_cap)}
    return [_LINES[language][key].format(**numbers, **extra) for key in keys]


def explain_problem(reason: Reason, language: str) -> str:
    """What was wrong with the answer and what to type instead."""
    return _PROBLEMS[reason][language].format(max=format_yuan(MAX_AMOUNT))
