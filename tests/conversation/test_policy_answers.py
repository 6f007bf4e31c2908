"""Each policy topic asked in natural words, in both languages, answered from its single source; the topics
whose answer depends on the person ask one clarifying question first when the question does not say."""
import pytest

from bot.knowledge import load_topics, render_answer
from bot.knowledge.cases import GENERAL, case_button

pytestmark = pytest.mark.conversation

TOPICS = {t.id: t for t in load_topics()}

QUESTIONS = {
    "balance_channels": ("有哪些渠道可以查医保卡余额", "what are the ways to check the medical insurance card balance"),
    "balance_alipay": ("支付宝里怎么查医保余额", "how do I check the balance in Alipay"),
    "balance_website": ("社保局网站怎么登录查询，初始密码是什么", "what is the default password for the social security website"),
    "account_types": ("统筹账户和个人账户有什么区别", "what is the difference between the pooling account and the personal account"),
    "personal_account_uses": ("职工医保个人账户的钱能买什么", "as an employee, what can I pay for with my personal account"),
    "pooling_fund_uses": ("统筹基金报销哪些费用", "which costs does the pooling fund cover"),
    "hospital_settlement": ("住院费用怎么结算，起付线是多少", "how is a hospital stay settled, what is the deductible"),
    "reimburse_after_card": ("住院已经刷了医保卡，还能再报销吗", "I already paid with my insurance card at the hospital, can I still get reimbursed"),
    "insurance_card": ("医保卡是什么卡", "what exactly is the medical insurance card"),
    "card_misuse": ("可以把医保卡借给别人用吗", "can I lend my medical insurance card to a friend"),
    "consumption_details": ("医保卡消费明细在哪里查", "where can I see my medical insurance spending records"),
    "premium_payment": ("城乡居民医保怎么缴费", "how do I pay the residents medical insurance premium"),
    "legal_basis": ("这些规定的法律依据是什么", "what is the legal basis for these rules"),
    "monthly_credit_drop": ("为什么医保卡每个月打进来的钱变少了", "why did the monthly amount credited to my personal account go down"),
    "cross_region_filing": ("我退休后跟子女长期住在外省，在那边看病要先办什么手续",
                            "I'm going on a business trip to another province, what if I need to see a doctor there"),
    "enrolment_waiting_period": ("居民医保断缴了两年，现在补交还要等多久才能报销",
                                 "my employer stopped paying my medical insurance for two months between jobs, what happens"),
    "newborn_enrolment": ("宝宝刚出生，医保怎么参保，多久之内要办", "how do I get medical insurance for my newborn baby"),
    "family_mutual_aid": ("我的个人账户能给我哥哥看病用吗", "can my personal account pay for my brother's medicine"),
    "e_voucher": ("医保电子凭证怎么激活", "how do I activate the medical insurance e-voucher"),
    "chronic_special_diseases": ("高血压糖尿病能办门诊慢特病吗", "how do I apply for chronic disease outpatient coverage"),
    "outpatient_pooling": ("我是在职职工，平时看普通门诊能报销多少", "I'm retired, how much of an ordinary outpatient visit is reimbursed"),
    "insurance_transfer": ("换工作到外省了，医保怎么转过去", "I moved to another city for a new job, how do I transfer my medical insurance"),
    "flexible_workers": ("我是送外卖的，没有单位，怎么交医保", "I'm a freelancer without an employer, how do I get medical insurance"),
    "maternity_insurance": ("生育津贴怎么领，能领多少", "how do I claim the maternity allowance"),
    "critical_illness_insurance": ("大病保险是怎么报销的", "how does critical illness insurance work"),
    "medical_assistance": ("低保户看病有医疗救助吗，去哪申请", "is there medical assistance for low income families"),
    "after_event_claims": ("看病时没带医保卡，自己先付了钱，回来怎么报销", "I paid the hospital myself without my card, how do I claim it back"),
    "drug_list_classes": ("乙类药为什么要自己先付一部分", "what is the difference between class A and class B drugs"),
    "personal_account_cash_out": ("人去世了医保个人账户里的钱能继承吗", "can I withdraw my personal account balance in cash"),
    "lost_card": ("医保卡丢了怎么挂失补办", "I lost my social security card, what should I do"),
    "long_term_care": ("长期护理保险是什么，哪里有", "what is long-term care insurance"),
    "third_party_injury": ("出车祸了对方该赔的医药费医保能报吗", "I was hit by a car, will medical insurance pay if the driver doesn't"),
    "hospital_stay_limit": ("医院说医保规定住院不能超过15天，是真的吗", "is it true that insurance only allows a 15 day hospital stay"),
    "retirement_contribution_years": ("医保要交满多少年退休后才不用交", "how many years must I pay medical insurance before retirement"),
}
# The case each question above says, for the topics that ask first (they answer it at once).
CASE_SAID = {
    "cross_region_filing": ("long_term", "temporary"),
    "enrolment_waiting_period": ("resident", "employee"),
    "outpatient_pooling": ("employee", "retired"),
    "personal_account_uses": ("employee", "employee"),
}
# Questions that do not say the case, then how the person answers the clarifying question.
UNSAID = {
    "cross_region_filing": (("去外地看病要备案吗", "临时出差"), ("do I have to file before seeing a doctor in another province", "just a short trip")),
    "outpatient_pooling": (("门诊看病能报销吗", "退休了"), ("can ordinary outpatient visits be reimbursed", "retired")),
    "enrolment_waiting_period": (("医保断缴了有什么影响", "城乡居民医保"), ("what happens if I miss a year of payments", "resident insurance")),
    "personal_account_uses": (("个人账户能买什么", "居民医保"), ("what can the personal account pay for", "resident insurance")),
}
ANSWER_CASE = {"cross_region_filing": "temporary", "outpatient_pooling": "retired", "enrolment_waiting_period": "resident",
               "personal_account_uses": "resident"}


def test_every_topic_has_questions():
    assert set(QUESTIONS) == set(TOPICS)


@pytest.mark.parametrize("topic_id", sorted(QUESTIONS))
@pytest.mark.parametrize("language", ["zh", "en"])
def test_question_gets_the_topics_answer_in_its_language(conversation, topic_id, language):
    index = 0 if language == "zh" else 1
    conversation.say(QUESTIONS[topic_id][index])
    topic = TOPICS[topic_id]
    case = topic.case(CASE_SAID[topic_id][index]) if topic_id in CASE_SAID else None
    assert conversation.text == render_answer(topic, language, case)
    assert "/feedback_helpful" in conversation.buttons


def test_every_topic_that_asks_first_is_tried_both_ways():
    assert set(CASE_SAID) == set(UNSAID) == set(ANSWER_CASE) == {t.id for t in TOPICS.values() if t.clarification}


@pytest.mark.parametrize("topic_id", sorted(UNSAID))
@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_question_that_does_not_say_the_case_is_asked_once_and_the_typed_answer_gets_the_cases_answer(
        conversation, topic_id, language):
    topic = TOPICS[topic_id]
    question, typed_answer = UNSAID[topic_id][0 if language == "zh" else 1]
    conversation.say(question)
    assert conversation.text == topic.clarification.question[language]
    assert conversation.buttons == [case_button(topic, c.id, "")["payload"] for c in topic.clarification.cases] + [
        case_button(topic, GENERAL, "")["payload"]]
    conversation.say(typed_answer)
    assert conversation.text == render_answer(topic, language, topic.case(ANSWER_CASE[topic_id]))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_clarifying_questions_buttons_give_a_case_or_the_general_answer(conversation, language):
    topic = TOPICS["cross_region_filing"]
    conversation.say(UNSAID["cross_region_filing"][0 if language == "zh" else 1][0])
    long_term, general = conversation.buttons[1], conversation.buttons[-1]
    conversation.say(long_term)
    assert conversation.text == render_answer(topic, language, topic.case("long_term"))
    conversation.say(general)
    assert conversation.text == render_answer(topic, language)
    conversation.say("/feedback_helpful")  # the feedback is about the topic just answered
    assert conversation.text and "/feedback_helpful" not in conversation.buttons


def test_a_situation_typed_long_after_the_clarifying_question_is_not_taken_as_its_answer(conversation):
    conversation.say("去外地看病要备案吗")
    conversation.say("怎么用支付宝查医保余额")
    conversation.say("退休了")  # a lone detail again: the offer of an estimate, not the filing answer
    assert conversation.text != render_answer(TOPICS["cross_region_filing"], "zh", TOPICS["cross_region_filing"].case("long_term"))


def test_ambiguous_balance_question_gets_a_clarifying_question(conversation):
    conversation.say("医保余额")
    assert set(conversation.buttons) == {"/ask_balance_channels", "/request_balance"}
    conversation.say("balance?")
    assert "look up your own balance" in conversation.text


def test_channels_answer_offers_the_look_up_button(conversation):
    conversation.say("how can I check my medical insurance balance")
    assert "/request_balance" in conversation.buttons
    conversation.say("/request_balance")
    assert "check who you are" in conversation.text and "/affirm" in conversation.buttons
