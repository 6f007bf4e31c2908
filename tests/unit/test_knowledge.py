"""Every policy answer: loaded from its single source, with its key facts, legal basis and scope, in both languages."""
import datetime
import re
from pathlib import Path

import pytest
import yaml

from bot.knowledge import MAX_REVIEW_INTERVAL, TOPICS_DIR, VARIES_BY_CITY, load_topics, render_answer
from bot.knowledge.cases import GENERAL, named_case, reply_to
from bot.knowledge.export_training_data import training_data
from bot.knowledge.review import due_within, is_overdue
from bot.language import CHINESE, ENGLISH, LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
TOPICS = {t.id: t for t in load_topics()}

# Facts each answer must state (from the seeds and shared/reference/domain-facts.md). English is
# compared case-insensitively; alternatives are separated by "|".
KEY_FACTS = {
    "balance_channels": {
        ENGLISH: ["12393", "12333", "Alipay", "WeChat", "self-service terminal", "counter", "designated hospital",
                  "National Healthcare Security Service Platform"],
        CHINESE: ["12393", "12333", "支付宝", "微信", "自助", "柜台", "定点医院", "国家医保服务平台"],
    },
    "balance_alipay": {
        ENGLISH: ["City Service", "social security query", "Confirm authorization", "Medical insurance column",
                  "Personal account", "WeChat"],
        CHINESE: ["城市服务", "社保查询", "确认授权", "医保专栏", "个人账户", "微信"],
    },
    "balance_website": {
        ENGLISH: ["ID number", "123456", "last 6 digits", "change"],
        CHINESE: ["身份证号", "123456", "后6位", "修改"],
    },
    "account_types": {
        ENGLISH: ["pooling account", "personal account", "residents", "no personal account", "deductible"],
        CHINESE: ["统筹账户", "个人账户", "城乡居民医保", "没有个人账户", "起付"],
    },
    "personal_account_uses": {
        ENGLISH: ["pharmacies", "thermometer", "blood-pressure monitor", "HPV", "flu", "close relatives",
                  "since 2024", "some provinces", "cosmetic", "weight loss", "no personal account"],
        CHINESE: ["定点药店", "体温计", "血压计", "HPV", "流感", "近亲属", "2024年起", "部分省份", "美容", "减肥",
                  "没有个人账户"],
    },
    "pooling_fund_uses": {
        ENGLISH: ["hospitalization", "referral", "chronic", "dialysis", "radiation", "anti-rejection",
                  "some cities", "7 days", "general outpatient"],
        CHINESE: ["住院", "转诊", "慢性病", "透析", "放疗|放射治疗", "抗排异|抗排斥", "部分城市", "7天", "普通门诊"],
    },
    "hospital_settlement": {
        ENGLISH: ["deductible", "payment ratio", "maximum payment limit", "discharge", "2,000", "20%", "second",
                  "bring", "e-voucher", "each city", "1998", "critical-illness insurance"],
        CHINESE: ["起付", "支付比例|报销比例", "最高支付限额", "出院", "2000", "20%", "第二次", "带", "电子凭证",
                  "各地规定", "1998", "大病保险"],
    },
    "reimburse_after_card": {ENGLISH: ["already", "employer"], CHINESE: ["已经", "单位"]},
    "insurance_card": {
        ENGLISH: ["ID number", "bank", "monthly", "cannot be withdrawn as cash", "social security card", "e-voucher",
                  "12333", "manual claim"],
        CHINESE: ["身份证号", "银行", "每月", "不能提取现金", "社会保障卡", "电子凭证", "12333", "手工报销"],
    },
    "card_misuse": {
        ENGLISH: ["illegal", "3 to 12 months|3-12 months", "2 to 5 times|2-5 times", "lend", "family mutual aid",
                  "family account"],
        CHINESE: ["违法", "3至12个月|3-12个月", "2至5倍|2-5倍", "出借", "家庭共济", "亲情账户"],
    },
    "consumption_details": {
        ENGLISH: ["counter", "ID card", "website", "12393", "12333", "itemised|itemized", "cumulative"],
        CHINESE: ["柜台", "身份证", "网站", "12393", "12333", "明细", "累计"],
    },
    "premium_payment": {
        ENGLISH: ["bank", "tax", "online", "self-service", "newborn", "in some places", "Confirmation Form",
                  "payment window", "waiting period"],
        CHINESE: ["银行", "税务", "线上|网上", "自助", "新生儿", "有的地方", "确认表", "集中缴费期", "等待期"],
    },
    "legal_basis": {
        ENGLISH: ["Social Insurance Law", "Art. 2", "Art. 4", "Art. 23", "Art. 25", "Art. 28", "Art. 29", "Art. 74",
                  "1998", "local", "2021", "Art. 41", "Social Insurance Handling Regulation (2023)", "医保办发〔2021〕43号",
                  "国办发〔2024〕38号"],
        CHINESE: ["社会保险法", "第二条", "第四条", "第二十三条", "第二十五条", "第二十八条", "第二十九条", "第七十四条",
                  "1998", "地方", "2021", "第四十一条", "社会保险经办条例", "医保办发〔2021〕43号", "国办发〔2024〕38号"],
    },
    "monthly_credit_drop": {
        ENGLISH: ["2021", "employer", "pooling", "retired", "outpatient", "close relatives"],
        CHINESE: ["2021", "单位", "统筹", "退休", "门诊", "近亲属"],
    },
    # Beyond the seeds (coverage-research.md, with the law texts checked in LawRefBook/Laws)
    "cross_region_filing": {
        ENGLISH: ["long-term", "temporary", "retirees", "referral", "emergency counts as filed", "before discharge",
                  "place of treatment", "home city", "National Healthcare Security Service Platform", "mini-program"],
        CHINESE: ["长期", "临时", "异地安置退休", "转诊", "急诊抢救视同已备案", "出院结算前", "就医地目录、参保地政策、就医地管理",
                  "国家医保服务平台", "小程序"],
    },
    "enrolment_waiting_period": {
        ENGLISH: ["payment window", "3 months", "1 month", "4 years", "6 months", "Newborns", "critical-illness"],
        CHINESE: ["集中缴费期", "3个月", "1个月", "4年", "6个月", "新生儿不设等待期", "大病保险"],
    },
    "newborn_enrolment": {
        ENGLISH: ["no waiting period", "deadline is local", "Jiangxi", "90 days", "10 working days", "e-voucher"],
        CHINESE: ["不设待遇等待期", "由各地规定", "江西", "90日", "10个工作日", "医保电子凭证"],
    },
    "family_mutual_aid": {
        ENGLISH: ["close relatives", "since 2024", "brothers and sisters", "grandparents", "grandchildren", "premiums",
                  "bind", "亲情账户"],
        CHINESE: ["近亲属", "2024年起", "兄弟姐妹", "祖父母", "孙子女", "个人缴费", "绑定", "亲情账户"],
    },
    "e_voucher": {
        ENGLISH: ["face check", "free", "for example", "QR code", "your own treatment", "family account", "scam", "social security card"],
        CHINESE: ["刷脸", "不收费", "例如", "二维码", "用于本人", "亲情账户", "诈骗", "社会保障卡"],
    },
    "chronic_special_diseases": {
        ENGLISH: ["dialysis", "recognised", "home city", "does not add", "another province"],
        CHINESE: ["透析", "认定", "参保地", "不会增加", "跨省"],
    },
    "outpatient_pooling": {
        ENGLISH: ["deductible", "yearly cap", "50%", "retirees", "Example", "Nanchang"],
        CHINESE: ["起付线", "年度限额", "50%", "退休人员", "举例", "南昌"],
    },
    "insurance_transfer": {
        ENGLISH: ["added up", "household registration", "online", "3 months", "6 months", "not retired"],
        CHINESE: ["累计计算", "户籍", "线上", "3个月", "6个月", "未退休"],
    },
    "flexible_workers": {
        ENGLISH: ["self-employed", "part-time", "employee insurance", "themselves", "registration", "tax"],
        CHINESE: ["个体工商户", "非全日制", "职工医保", "个人缴费", "参保登记", "税务"],
    },
    "maternity_insurance": {
        ENGLISH: ["employer", "pay nothing", "allowance", "spouse without a job", "average monthly wage",
                  "10 working days", "medical records"],
        CHINESE: ["用人单位", "个人不缴费", "生育津贴", "未就业的配偶", "月平均工资", "10个工作日", "病历资料"],
    },
    "critical_illness_insurance": {
        ENGLISH: ["after basic medical insurance", "yearly cap", "4 continuous years", "without claims",
                  "medical assistance"],
        CHINESE: ["基本医保报销之后", "最高支付限额", "满4年", "没有报销", "医疗救助"],
    },
    "medical_assistance": {
        ENGLISH: ["低保", "特困", "premium", "township", "street office", "county", "70%"],
        CHINESE: ["最低生活保障", "特困供养", "个人缴费", "乡镇", "街道办事处", "县级", "70%"],
    },
    "after_event_claims": {
        ENGLISH: ["receipts", "itemised bill", "diagnosis", "medical records", "30 working days", "abroad"],
        CHINESE: ["收费票据", "费用清单", "诊断证明", "病历资料", "30个工作日", "境外"],
    },
    "drug_list_classes": {
        ENGLISH: ["Class A", "Class B", "share set by your city", "Class C", "outside the list", "in full"],
        CHINESE: ["甲类", "乙类", "个人自付一定比例", "丙类", "目录外", "全部由个人负担"],
    },
    "personal_account_cash_out": {
        ENGLISH: ["cannot be withdrawn as cash", "illegal", "carries over", "inherited", "close relatives"],
        CHINESE: ["不能提取现金", "违法", "结转", "继承", "近亲属"],
    },
    "lost_card": {
        ENGLISH: ["social security card", "12333", "bank", "replacement", "e-voucher"],
        CHINESE: ["社会保障卡", "12333", "银行", "补办", "医保电子凭证"],
    },
    "long_term_care": {
        ENGLISH: ["2016", "49 cities", "national system", "not yet the same everywhere"],
        CHINESE: ["2016年", "49个", "全国", "各地还不统一"],
    },
    "third_party_injury": {
        ENGLISH: ["liable party", "cannot be identified", "pays first", "claims the money back", "work injury"],
        CHINESE: ["第三人", "无法确定", "先行支付", "追偿", "工伤"],
    },
    "hospital_stay_limit": {
        ENGLISH: ["no such rule", "15 days", "illness", "report", "12393"],
        CHINESE: ["没有这样的规定", "15天", "病情", "反映", "12393"],
    },
    "retirement_contribution_years": {
        ENGLISH: ["legal retirement age", "pay nothing more", "pay up", "set by your city"],
        CHINESE: ["法定退休年龄", "不再缴纳", "缴费至规定年限", "由各地规定"],
    },
}

# What each case of a topic that asks first must say (its own answer; a case without one gets the general answer).
CASE_FACTS = {
    ("cross_region_filing", "temporary"): {ENGLISH: ["temporary", "emergency counts as filed", "before discharge", "lower"],
                                           CHINESE: ["临时备案", "急诊抢救视同已备案", "出院结算前", "低"]},
    ("cross_region_filing", "long_term"): {ENGLISH: ["long-term filing", "resettled", "networked"],
                                           CHINESE: ["长期备案", "异地安置退休", "联网定点医院"]},
    ("enrolment_waiting_period", "resident"): {ENGLISH: ["once a year", "3 months", "1 month", "6 months", "Newborns"],
                                               CHINESE: ["按年缴费", "3个月", "1个月", "6个月", "新生儿"]},
    ("enrolment_waiting_period", "employee"): {ENGLISH: ["monthly", "3 months", "6 months", "carry over"],
                                               CHINESE: ["按月", "3个月", "6个月", "累计计算"]},
    ("outpatient_pooling", "retired"): {ENGLISH: ["higher", "Nanchang", "3,000"], CHINESE: ["高于在职职工", "南昌", "3000元"]},
    ("outpatient_pooling", "employee"): {ENGLISH: ["50%", "Nanchang", "2,000", "personal account"],
                                         CHINESE: ["50%", "南昌", "2000元", "个人账户"]},
    ("outpatient_pooling", "resident"): {ENGLISH: ["no personal account", "set by your city"],
                                         CHINESE: ["没有个人账户", "由各地规定"]},
    ("personal_account_uses", "resident"): {ENGLISH: ["no personal account", "family mutual aid"],
                                            CHINESE: ["没有个人账户", "家庭共济"]},
}
# The topics that must ask first when a question does not say the case (issue 13).
ASKING_TOPICS = {"cross_region_filing", "outpatient_pooling", "enrolment_waiting_period", "personal_account_uses"}

# The legal instrument each answer must cite (English citation, Chinese citation).
LEGAL_BASIS = {
    "balance_channels": ("Art. 4", "第四条"),
    "account_types": ("1998", "1998"),
    "personal_account_uses": ("2021", "2021"),
    "pooling_fund_uses": ("Art. 28", "第二十八条"),
    "hospital_settlement": ("Art. 29", "第二十九条"),
    "reimburse_after_card": ("Art. 29", "第二十九条"),
    "card_misuse": ("Art. 41", "第四十一条"),
    "consumption_details": ("Art. 74", "第七十四条"),
    "premium_payment": ("Art. 25", "第二十五条"),
    "monthly_credit_drop": ("2021", "2021"),
    "cross_region_filing": ("Art. 29", "第二十九条"),
    "enrolment_waiting_period": ("国办发〔2024〕38号", "国办发〔2024〕38号"),
    "newborn_enrolment": ("国办发〔2024〕38号", "国办发〔2024〕38号"),
    "family_mutual_aid": ("国办发〔2024〕38号", "国办发〔2024〕38号"),
    "e_voucher": ("Art. 7", "第七条"),
    "chronic_special_diseases": ("Art. 28", "第二十八条"),
    "outpatient_pooling": ("国办发〔2021〕14号", "国办发〔2021〕14号"),
    "insurance_transfer": ("Art. 32", "第三十二条"),
    "flexible_workers": ("Art. 23", "第二十三条"),
    "maternity_insurance": ("Art. 56", "第五十六条"),
    "critical_illness_insurance": ("国办发〔2024〕38号", "国办发〔2024〕38号"),
    "medical_assistance": ("Art. 27", "第二十七条"),
    "after_event_claims": ("Art. 20", "第二十条"),
    "drug_list_classes": ("Order No. 1", "令第1号"),
    "personal_account_cash_out": ("Art. 19", "第十九条"),
    "lost_card": ("Art. 7", "第七条"),
    "long_term_care": ("Art. 22", "第二十二条"),
    "third_party_injury": ("Art. 30", "第三十条"),
    "retirement_contribution_years": ("Art. 27", "第二十七条"),
}


def contains(text, fact, language):
    alternatives = fact.split("|")
    if language == ENGLISH:
        return any(a.lower() in text.lower() for a in alternatives)
    return any(a in text for a in alternatives)


def test_every_topic_of_the_issue_is_covered():
    assert set(TOPICS) == set(KEY_FACTS)
    assert {topic_id for topic_id, topic in TOPICS.items() if topic.clarification} == ASKING_TOPICS
    cases_with_answers = {(t.id, c.id) for t in TOPICS.values() if t.clarification for c in t.clarification.cases
                          if c.answer}
    assert cases_with_answers == set(CASE_FACTS)


@pytest.mark.parametrize("topic_id, case_id", sorted(CASE_FACTS))
@pytest.mark.parametrize("language", [CHINESE, ENGLISH])
def test_each_case_states_its_key_facts_and_keeps_the_topics_legal_basis(topic_id, case_id, language):
    topic = TOPICS[topic_id]
    case = topic.case(case_id)
    missing = [f for f in CASE_FACTS[(topic_id, case_id)][language] if not contains(case.answer[language], f, language)]
    assert not missing, f"{topic_id}/{case_id} ({language}) does not say: {missing}"
    lines = render_answer(topic, language, case).splitlines()
    assert lines[-1].endswith(topic.legal_basis[language])
    assert len(case.answer[CHINESE]) <= 320 and len(case.answer[ENGLISH]) <= 750


@pytest.mark.parametrize("topic_id", sorted(KEY_FACTS))
@pytest.mark.parametrize("language", [CHINESE, ENGLISH])
def test_answer_states_its_key_facts(topic_id, language):
    answer = TOPICS[topic_id].answer[language]
    missing = [f for f in KEY_FACTS[topic_id][language] if not contains(answer, f, language)]
    assert not missing, f"{topic_id} ({language}) does not say: {missing}"


def test_alipay_steps_come_in_order():
    for language, steps in KEY_FACTS["balance_alipay"].items():
        answer = TOPICS["balance_alipay"].answer[language]
        text = answer.lower() if language == ENGLISH else answer
        positions = [text.find(s.lower() if language == ENGLISH else s) for s in steps[:5]]
        assert positions == sorted(positions), f"Alipay steps out of order in {language}"


@pytest.mark.parametrize("topic_id, citation", sorted(LEGAL_BASIS.items()))
def test_answer_names_its_legal_basis(topic_id, citation):
    topic = TOPICS[topic_id]
    assert citation[0] in topic.legal_basis[ENGLISH]
    assert citation[1] in topic.legal_basis[CHINESE]


def test_local_regulations_are_never_presented_as_national_law():
    for topic in TOPICS.values():
        for language, marker in ((ENGLISH, "local"), (CHINESE, "地方")):
            basis = topic.legal_basis[language]
            if "urban workers" in basis.lower() or "城镇职工基本医疗保险条例" in basis:
                assert marker in basis.lower() if language == ENGLISH else marker in basis, topic.id


def test_hotlines_always_come_together():
    for topic in TOPICS.values():
        for language in (CHINESE, ENGLISH):
            text = render_answer(topic, language)
            assert ("12393" in text) == ("12333" in text), f"{topic.id} ({language}) names only one hotline"


def test_residents_have_no_personal_account():
    topic = TOPICS["account_types"]
    assert "no personal account" in topic.answer[ENGLISH]
    assert "没有个人账户" in topic.answer[CHINESE]


def test_local_numbers_are_flagged_as_varying_by_city():
    for topic_id in ("hospital_settlement", "account_types", "monthly_credit_drop", "balance_website"):
        topic = TOPICS[topic_id]
        assert topic.scope == VARIES_BY_CITY
        assert "12393" in topic.scope_note[CHINESE] or "当地" in topic.scope_note[CHINESE]


def test_no_answer_asks_for_a_password():
    for topic in TOPICS.values():
        english = topic.answer[ENGLISH].lower()
        assert "tell us your password" not in english and "enter your password here" not in english
    website = TOPICS["balance_website"]
    assert "never" in website.answer[ENGLISH].lower() or "never" in (website.scope_note or {}).get(ENGLISH, "").lower()


@pytest.mark.parametrize("topic_id", sorted(KEY_FACTS))
def test_answers_fit_on_a_phone_screen(topic_id):
    topic = TOPICS[topic_id]
    assert len(topic.answer[CHINESE]) <= 320
    assert len(topic.answer[ENGLISH]) <= 750
    assert all(len(line) <= 300 for line in topic.answer[ENGLISH].splitlines())


def test_chat_answer_leads_with_the_answer_and_ends_with_the_legal_basis():
    topic = TOPICS["hospital_settlement"]
    for language, label in ((CHINESE, "法律依据："), (ENGLISH, "Legal basis: ")):
        lines = render_answer(topic, language).splitlines()
        assert lines[0] == topic.answer[language].splitlines()[0]
        assert lines[-1] == label + topic.legal_basis[language]
        assert topic.scope_note[language] in lines


def test_generated_training_data_answers_every_topic_in_both_languages():
    data = training_data(list(TOPICS.values()))
    for topic in (t for t in TOPICS.values() if not t.clarification):
        zh, en = data["responses"][topic.response_name]
        assert zh["text"] == render_answer(topic, CHINESE) and "condition" not in zh
        assert en["text"] == render_answer(topic, ENGLISH)
        assert en["condition"] == [{"type": "slot", "name": "language", "value": "en"}]
        assert {"/feedback_helpful", "/feedback_not_helpful"} <= {b["payload"] for b in en["buttons"]}
    rules = {r["steps"][0]["intent"]: r["steps"][1]["action"] for r in data["rules"]}
    assert rules == {t.intent: "action_answer_policy" if t.clarification else t.response_name for t in TOPICS.values()}
    # a topic that asks first is answered by the action alone: no generated response to drift from it
    assert not {t.response_name for t in TOPICS.values() if t.clarification} & set(data["responses"])


def test_a_policy_question_during_the_estimate_is_followed_by_the_one_line_reminder_not_the_question():
    data = training_data(list(TOPICS.values()))
    during = [r for r in data["rules"] if r.get("condition") == [{"active_loop": "reimbursement_form"}]]
    assert len(during) == len(TOPICS)
    for rule in during:
        assert [step.get("action") for step in rule["steps"][1:]] == [
            rule["steps"][1]["action"], "action_remind_estimate"]


def test_channels_answer_offers_the_personal_look_up_as_a_button():
    payloads = [f"/{f.intent}" for f in TOPICS["balance_channels"].follow_ups]
    assert "/request_balance" in payloads


def test_every_topic_intent_is_in_the_domain():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert {t.intent for t in TOPICS.values()} <= set(domain["intents"])
    for topic in TOPICS.values():
        assert {f.intent for f in topic.follow_ups} <= set(domain["intents"])


def test_every_topic_has_a_review_date_at_most_a_year_after_its_last_review():
    for topic in TOPICS.values():
        assert topic.last_reviewed < topic.review_by <= topic.last_reviewed + MAX_REVIEW_INTERVAL, topic.id


@pytest.mark.parametrize("dates, problem", [
    ("last_reviewed: 2026-12-02\n", "'review_by' must be dates"),
    ("last_reviewed: 2026-12-02\nreview_by: 2027-12-03\n", "at most 365 days later"),
    ("last_reviewed: 2026-12-02\nreview_by: 2026-12-01\n", "must be after 'last_reviewed'"),
])
def test_a_topic_without_a_review_date_or_one_too_far_away_does_not_load(tmp_path, dates, problem):
    text = (TOPICS_DIR / "lost_card.yml").read_text(encoding="utf-8")
    text = re.sub(r"last_reviewed: .*\nreview_by: .*\n", dates, text)
    (tmp_path / "lost_card.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        load_topics(tmp_path)


def test_topics_due_within_60_days_are_listed_soonest_first_and_overdue_ones_flagged():
    topics = list(TOPICS.values())
    earliest = min(t.review_by for t in topics)
    due = due_within(topics, earliest - datetime.timedelta(days=60))
    assert due and all(t.review_by == earliest for t in due)
    assert not due_within(topics, earliest - datetime.timedelta(days=61))
    later = due_within(topics, earliest + datetime.timedelta(days=400))
    assert later == sorted(topics, key=lambda t: (t.review_by, t.id))
    assert [is_overdue(t, earliest) for t in due] == [False] * len(due)
    assert all(is_overdue(t, earliest + datetime.timedelta(days=1)) for t in due)


def test_sources_name_the_law_or_document_not_the_projects_files():
    for topic in TOPICS.values():
        for source in topic.sources:
            assert not source.cite.startswith(("seeds/", "reference/")), topic.id
            assert source.url is None or source.url.startswith("https://"), topic.id


CITY_NAMES = ["江西", "南昌", "上海", "浙江", "福建", "武汉", "威海", "Jiangxi", "Nanchang", "Shanghai", "Zhejiang",
              "Fujian", "Wuhan", "Weihai"]
EXAMPLE_MARKERS = ["例如", "举例", "如上海", "example", "as in"]


def test_a_citys_figure_or_rule_is_always_given_as_an_example_never_as_the_national_rule():
    for topic in TOPICS.values():
        cases = topic.clarification.cases if topic.clarification else ()
        texts = [topic.answer, topic.scope_note or {}, *(c.answer for c in cases if c.answer)]
        for text in texts:
            for line in (line for value in text.values() for line in value.splitlines()):
                if any(city in line for city in CITY_NAMES):
                    assert any(m in line.lower() for m in EXAMPLE_MARKERS) or "（" in line, (topic.id, line)


def test_a_question_that_names_its_case_gets_that_answer_at_once():
    topic = TOPICS["cross_region_filing"]
    assert named_case(topic, "我退休了，长期住在海南，看病要备案吗").id == "long_term"
    assert named_case(topic, "出差期间在外地急诊能报销吗").id == "temporary"
    assert named_case(topic, "I'm on a business trip in Shanghai, do I need to file?").id == "temporary"
    assert named_case(topic, "异地就医怎么备案") is None
    assert named_case(topic, "my relatives live in Beijing") .id == "long_term"
    assert named_case(topic, "delivery to Beijing") is None  # "live" only as a whole word
    assert named_case(TOPICS["outpatient_pooling"], "退休职工门诊能报多少").id == "retired"  # retired is tried first


def test_a_question_that_does_not_say_gets_one_clarifying_question_with_a_button_per_case_and_the_general_answer():
    topic = TOPICS["outpatient_pooling"]
    for language in LANGUAGES:
        reply, asked = reply_to(topic, language, "门诊能报销吗", chosen=None)
        assert asked and reply.text == topic.clarification.question[language]
        payloads = [b["payload"] for b in reply.buttons]
        assert payloads == [f'/ask_outpatient_pooling{{"policy_case": "{case}"}}'
                            for case in ("retired", "employee", "resident", GENERAL)]
        assert [b["title"] for b in reply.buttons][:3] == [c.title[language] for c in topic.clarification.cases]


def test_a_button_or_the_words_choose_the_case_and_general_gives_the_answer_for_everyone():
    topic = TOPICS["outpatient_pooling"]
    resident = topic.case("resident")
    by_button, asked = reply_to(topic, ENGLISH, '/ask_outpatient_pooling{"policy_case":"resident"}', "resident")
    assert not asked and by_button.text == render_answer(topic, ENGLISH, resident)
    general, asked = reply_to(topic, ENGLISH, "", GENERAL)
    assert not asked and general.text == render_answer(topic, ENGLISH)
    assert "/feedback_helpful" in [b["payload"] for b in general.buttons]
    without_asking, asked = reply_to(topic, CHINESE, "门诊能报销吗", None, may_ask=False)
    assert not asked and without_asking.text == render_answer(topic, CHINESE)


def test_a_case_without_its_own_answer_gets_the_general_one():
    topic = TOPICS["personal_account_uses"]
    reply, asked = reply_to(topic, CHINESE, "职工医保个人账户能买什么", None)
    assert not asked and reply.text == render_answer(topic, CHINESE)
