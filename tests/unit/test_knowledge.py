"""Every policy answer: loaded from its single source, with its key facts, legal basis and scope, in both languages."""
from pathlib import Path

import pytest
import yaml

from bot.knowledge import VARIES_BY_CITY, load_topics, render_answer
from bot.knowledge.export_training_data import training_data
from bot.language import CHINESE, ENGLISH

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
        ENGLISH: ["pharmacies", "thermometer", "blood-pressure monitor", "HPV", "influenza", "spouse", "parents",
                  "children", "cosmetic", "weight loss"],
        CHINESE: ["定点药店", "体温计", "血压计", "HPV", "流感", "配偶", "父母", "子女", "美容", "减肥"],
    },
    "pooling_fund_uses": {
        ENGLISH: ["hospitalization", "referral", "chronic", "dialysis", "radiation", "anti-rejection", "7 days",
                  "general outpatient"],
        CHINESE: ["住院", "转诊", "慢性病", "透析", "放疗|放射治疗", "抗排异|抗排斥", "7天", "普通门诊"],
    },
    "hospital_settlement": {
        ENGLISH: ["deductible", "payment ratio", "maximum payment limit", "discharge", "2,000", "20%", "second",
                  "bring"],
        CHINESE: ["起付", "支付比例|报销比例", "最高支付限额", "出院", "2000", "20%", "第二次", "带"],
    },
    "reimburse_after_card": {ENGLISH: ["already", "employer"], CHINESE: ["已经", "单位"]},
    "insurance_card": {
        ENGLISH: ["ID number", "bank", "monthly", "withdraw"],
        CHINESE: ["身份证号", "银行", "每月", "提取|取现"],
    },
    "card_misuse": {
        ENGLISH: ["illegal", "3 to 12 months|3-12 months", "2 to 5 times|2-5 times", "lend"],
        CHINESE: ["违法", "3至12个月|3-12个月", "2至5倍|2-5倍", "出借"],
    },
    "consumption_details": {
        ENGLISH: ["counter", "ID card", "website", "12393", "12333", "itemised|itemized", "cumulative"],
        CHINESE: ["柜台", "身份证", "网站", "12393", "12333", "明细", "累计"],
    },
    "premium_payment": {
        ENGLISH: ["bank", "tax", "online", "self-service", "newborn", "Confirmation Form"],
        CHINESE: ["银行", "税务", "线上|网上", "自助", "新生儿", "确认表"],
    },
    "legal_basis": {
        ENGLISH: ["Social Insurance Law", "Art. 2", "Art. 4", "Art. 23", "Art. 25", "Art. 28", "Art. 29", "Art. 74",
                  "1998", "local", "2021", "Art. 41"],
        CHINESE: ["社会保险法", "第二条", "第四条", "第二十三条", "第二十五条", "第二十八条", "第二十九条", "第七十四条",
                  "1998", "地方", "2021", "第四十一条"],
    },
    "monthly_credit_drop": {
        ENGLISH: ["2021", "employer", "pooling", "retired", "outpatient"],
        CHINESE: ["2021", "单位", "统筹", "退休", "门诊"],
    },
}

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
}


def contains(text, fact, language):
    alternatives = fact.split("|")
    if language == ENGLISH:
        return any(a.lower() in text.lower() for a in alternatives)
    return any(a in text for a in alternatives)


def test_every_topic_of_the_issue_is_covered():
    assert set(TOPICS) == set(KEY_FACTS)


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
    for topic in TOPICS.values():
        zh, en = data["responses"][topic.response_name]
        assert zh["text"] == render_answer(topic, CHINESE) and "condition" not in zh
        assert en["text"] == render_answer(topic, ENGLISH)
        assert en["condition"] == [{"type": "slot", "name": "language", "value": "en"}]
        assert {"/feedback_helpful", "/feedback_not_helpful"} <= {b["payload"] for b in en["buttons"]}
    rules = {r["steps"][0]["intent"]: r["steps"][1]["action"] for r in data["rules"]}
    assert rules == {t.intent: t.response_name for t in TOPICS.values()}


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
