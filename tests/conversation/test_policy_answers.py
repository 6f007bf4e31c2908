"""Each policy topic asked in natural words, in both languages, answered from its single source."""
import pytest

from bot.knowledge import load_topics, render_answer

pytestmark = pytest.mark.conversation

TOPICS = {t.id: t for t in load_topics()}

QUESTIONS = {
    "balance_channels": ("有哪些渠道可以查医保卡余额", "what are the ways to check the medical insurance card balance"),
    "balance_alipay": ("支付宝里怎么查医保余额", "how do I check the balance in Alipay"),
    "balance_website": ("社保局网站怎么登录查询，初始密码是什么", "what is the default password for the social security website"),
    "account_types": ("统筹账户和个人账户有什么区别", "what is the difference between the pooling account and the personal account"),
    "personal_account_uses": ("个人账户的钱能买什么", "what can I pay for with my personal account"),
    "pooling_fund_uses": ("统筹基金报销哪些费用", "which costs does the pooling fund cover"),
    "hospital_settlement": ("住院费用怎么结算，起付线是多少", "how is a hospital stay settled, what is the deductible"),
    "reimburse_after_card": ("住院已经刷了医保卡，还能再报销吗", "I already paid with my insurance card at the hospital, can I still get reimbursed"),
    "insurance_card": ("医保卡是什么卡", "what exactly is the medical insurance card"),
    "card_misuse": ("可以把医保卡借给别人用吗", "can I lend my medical insurance card to a friend"),
    "consumption_details": ("医保卡消费明细在哪里查", "where can I see my medical insurance spending records"),
    "premium_payment": ("城乡居民医保怎么缴费", "how do I pay the residents medical insurance premium"),
    "legal_basis": ("这些规定的法律依据是什么", "what is the legal basis for these rules"),
    "monthly_credit_drop": ("为什么医保卡每个月打进来的钱变少了", "why did the monthly amount credited to my personal account go down"),
}


def test_every_topic_has_questions():
    assert set(QUESTIONS) == set(TOPICS)


@pytest.mark.parametrize("topic_id", sorted(QUESTIONS))
@pytest.mark.parametrize("language", ["zh", "en"])
def test_question_gets_the_topics_answer_in_its_language(conversation, topic_id, language):
    question = QUESTIONS[topic_id][0 if language == "zh" else 1]
    conversation.say(question)
    assert conversation.text == render_answer(TOPICS[topic_id], language)
    assert "/feedback_helpful" in conversation.buttons


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
