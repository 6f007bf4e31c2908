"""The reimbursement estimate over the REST webhook, in both languages, with a real Rasa and action server."""
import pytest

from bot.knowledge import load_topics, render_answer
from bot.reimbursement.questions import QUESTIONS
from tests.conversation.test_identity import WANG, an_hour_has_passed, verify  # noqa: F401 - autouse fixture

pytestmark = pytest.mark.conversation


def test_seed_example_in_english_step_by_step(conversation):
    conversation.say("I spent 30,000 yuan in a tertiary hospital, how much will insurance pay?")
    assert "employee or resident medical insurance" in conversation.text
    conversation.say("employee insurance")
    assert "working or retired" in conversation.text
    conversation.say("working")
    assert "Which city" in conversation.text and "Bengbu" not in conversation.buttons  # residents' figures only
    conversation.say("Shanghai")
    assert "Which hospital stay" in conversation.text  # level and cost came with the first message
    conversation.say("first time this year")
    assert "self-funded" in conversation.text
    conversation.say("none")
    text = conversation.text
    assert text.splitlines()[:2] == ["The pooling fund pays: about 22,400 yuan",
                                     "You pay: about 7,600 yuan (deductible 2,000 + your share 5,600)"]
    assert "1. Costs within the policy scope: total 30,000 − self-funded items 0 = 30,000 yuan." in text
    assert "2. Deductible at a tertiary (level-3) hospital: 2,000 yuan" in text
    assert "4. Payment ratio 80%: the pooling fund pays 28,000 × 80% = 22,400 yuan" in text
    assert "Shanghai's figures are not on file" in text and "12393" in text
    assert "This is an estimate, not a settlement" in text and len(text.splitlines()) <= 10
    assert "/estimate_reimbursement" in conversation.buttons


def test_bengbu_resident_in_chinese_skips_the_retiree_question_and_asks_the_tier(conversation):
    conversation.say("我在蚌埠参加城乡居民医保，今年第二次住院，三级医院花了两万元，能报多少？")
    assert "市级还是省级" in conversation.text
    conversation.say("省级")
    assert "自费部分" in conversation.text
    conversation.say("不知道")
    text = conversation.text
    assert text.splitlines()[:2] == ["统筹基金支付：约 12,220 元", "您自己支付：约 7,780 元（起付标准 1,200 + 个人负担 6,580）"]
    assert "计算步骤（蚌埠市城乡居民医保，省级三级医院，本年度第2次住院）" in text
    assert "2. 起付标准（省级三级医院）：1,200 元" in text
    assert "统筹基金支付 18,800 × 65% = 12,220 元" in text
    assert "不清楚自费金额" in text and "这只是估算，不是结算结果" in text


@pytest.mark.parametrize("language, start, details, bad, expected", [
    ("en", "estimate my hospital bill", "employee insurance, working, in Beijing, tertiary hospital, first stay",
     ["-500", "0", "abc", "10^12"],
     ["cannot be negative", "must be more than 0", "could not read that amount", "looks like a typo"]),
    ("zh", "帮我估算一下住院报销", "职工医保，在职，北京，三级医院，第一次住院",
     ["负500元", "0元", "一大笔", "10^12"],
     ["不能是负数", "需要大于 0", "我没看懂这个金额", "应该是输错了"]),
])
def test_bad_amounts_get_a_clear_reply_and_the_question_again(conversation, language, start, details, bad,
                                                              expected):
    conversation.say(start)
    conversation.say(details)
    question = conversation.text
    assert ("total cost" in question) if language == "en" else ("住院总费用" in question)
    for amount, reply in zip(bad, expected):
        conversation.say(amount)
        assert reply in conversation.text, amount
        assert question in conversation.text, amount  # the same question, nothing lost
    conversation.say("30000")
    conversation.say("none" if language == "en" else "没有")
    assert "22,400" in conversation.text


REMINDER = {"zh": "住院费用估算还在进行", "en": "The estimate is still open"}
SETTLEMENT = {topic.id: topic for topic in load_topics()}["hospital_settlement"]
FLOWS = {  # start, the answer that leads to the retired question, a policy question, another one, an answer
    "zh": ("帮我算算住院能报销多少", "职工医保", "个人账户的钱能用来买什么", "医保卡可以借给别人用吗", "退休了"),
    "en": ("estimate my hospital bill", "employee insurance", "what can I pay for with my personal account",
           "can I lend my medical insurance card to a friend", "retired"),
}
RETIRED_QUESTION = {"zh": "在职还是已经退休", "en": "working or retired"}
CITY_QUESTION = {"zh": "哪个城市", "en": "Which city"}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_policy_question_in_the_middle_gets_one_reminder_line_and_the_next_answer_goes_on(conversation, language):
    start, insurance, question, _, answer = FLOWS[language]
    conversation.say(start)
    conversation.say(insurance)
    assert RETIRED_QUESTION[language] in conversation.text
    conversation.say(question)
    assert ("法律依据" if language == "zh" else "Legal basis") in conversation.text
    assert REMINDER[language] in conversation.replies[-1]["text"]
    assert RETIRED_QUESTION[language] not in conversation.text  # not the whole question again
    conversation.say(answer)
    assert CITY_QUESTION[language] in conversation.text


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_second_interruption_in_a_row_lets_the_estimate_lapse_quietly(conversation, language):
    start, insurance, question, another, answer = FLOWS[language]
    conversation.say(start)
    conversation.say(insurance)
    conversation.say(question)
    assert REMINDER[language] in conversation.text
    conversation.say(another)
    assert REMINDER[language] not in conversation.text and RETIRED_QUESTION[language] not in conversation.text
    conversation.say(answer)  # the estimate is over: a lone detail now gets the offer of one
    assert set(conversation.buttons) == {"/estimate_reimbursement", "/ask_hospital_settlement"}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_small_talk_in_the_middle_gets_the_reminder_too(conversation, language):
    start, insurance, _, _, answer = FLOWS[language]
    conversation.say(start)
    conversation.say(insurance)
    conversation.say("谢谢" if language == "zh" else "thank you")
    assert REMINDER[language] in conversation.text and RETIRED_QUESTION[language] not in conversation.text
    conversation.say(answer)
    assert CITY_QUESTION[language] in conversation.text


@pytest.mark.parametrize("language, rough, said", [
    ("zh", "大概五千", "住院总费用按 5,000 元估算"), ("zh", "两万出头", "住院总费用按 20,000 元估算"),
    ("en", "around 6k", "Using 6,000 yuan as the total cost"), ("en", "roughly 4,000", "Using 4,000 yuan"),
])
def test_an_amount_said_roughly_is_used_as_its_round_figure_and_said_back(conversation, language, rough, said):
    conversation.say("帮我估算一下住院报销" if language == "zh" else "estimate my hospital bill")
    conversation.say("职工医保，在职，北京，三级医院，第一次住院" if language == "zh"
                     else "employee insurance, working, in Beijing, tertiary hospital, first stay")
    conversation.say(rough)
    assert said in conversation.text
    conversation.say("没有" if language == "zh" else "none")
    figure = said.split("按 ")[-1].split(" 元")[0] if language == "zh" else said.split("Using ")[1].split(" yuan")[0]
    assert figure in conversation.text


@pytest.mark.parametrize("language, message, fund", [
    ("zh", "我是北京职工，在职，三级医院第一次住院，花了3万，全都在医保范围内", "统筹基金支付：约 22,400 元"),
    ("en", "I'm a Beijing employee, working, first stay in a tertiary hospital, spent 30,000 yuan, no self-paid items",
     "The pooling fund pays: about 22,400 yuan"),
])
def test_a_first_message_with_every_fact_gets_the_estimate_at_once(conversation, language, message, fund):
    conversation.say(message)
    text = conversation.text
    assert fund in text and ("北京" if language == "zh" else "Beijing") in text
    assert not any(asked[language][0] in text for asked in QUESTIONS.values())  # no question at all
    assert "/estimate_reimbursement" in conversation.buttons


@pytest.mark.parametrize("language, messages, caveat", [
    ("zh", ["帮我估算一下住院报销", "职工医保，在职", "城市不清楚", "三级医院", "第一次", "3万", "没有"],
     ["以上按全国通行的算法和示例参数计算", "各地标准不同"]),
    ("en", ["I'm an employee, working, not sure about the city, first stay in a tertiary hospital, spent 30,000 yuan, "
            "all covered"], ["national way of working it out", "differ between cities"]),
])
def test_not_knowing_the_city_gets_the_general_estimate_saying_it_varies(conversation, language, messages, caveat):
    for message in messages:
        conversation.say(message)
    assert "22,400" in conversation.text and all(words in conversation.text for words in caveat)


@pytest.mark.parametrize("language, question", [
    ("zh", "退休了住院起付线是多少"), ("zh", "住院报销比例是多少"),
    ("en", "if I go to hospital, what do I pay before insurance kicks in?"),
])
def test_a_general_settlement_question_is_answered_not_taken_for_an_estimate(conversation, language, question):
    conversation.say(question)
    assert conversation.text == render_answer(SETTLEMENT, language)


@pytest.mark.parametrize("language, detail, offer, asked_next", [
    ("zh", "三甲", "这听起来像是一次住院的情况", "职工医保，还是城乡居民医保"),
    ("en", "tertiary hospital", "sounds like a detail of a hospital stay", "employee or resident medical insurance"),
])
def test_a_lone_detail_outside_the_estimate_offers_one_that_keeps_it(conversation, language, detail, offer,
                                                                     asked_next):
    conversation.say(detail)
    assert offer in conversation.text
    assert set(conversation.buttons) == {"/estimate_reimbursement", "/ask_hospital_settlement"}
    conversation.say("/estimate_reimbursement")
    assert asked_next in conversation.text
    conversation.say("职工医保，在职，北京，第一次住院" if language == "zh"
                     else "employee insurance, working, Beijing, first stay")
    assert ("住院总费用" if language == "zh" else "total cost") in conversation.text  # the level was kept


@pytest.mark.parametrize("language, resident, bengbu", [("zh", "城乡居民医保", "蚌埠"),
                                                        ("en", "resident insurance", "Bengbu")])
def test_only_cities_with_figures_for_the_insurance_type_are_offered(conversation, language, resident, bengbu):
    conversation.say("帮我估算一下住院报销" if language == "zh" else "estimate my hospital bill")
    conversation.say(resident)
    assert bengbu in conversation.buttons


def test_cancel_stops_the_estimate_and_the_next_one_starts_afresh(conversation):
    conversation.say("I spent 30,000 yuan in a tertiary hospital, how much will insurance pay?")
    conversation.say("cancel")
    assert "cancelled" in conversation.text
    conversation.say("what is the difference between the pooling account and the personal account")
    assert "Legal basis" in conversation.text
    conversation.say("estimate my hospital bill")
    conversation.say("employee insurance, working, Shanghai, first stay")
    assert "level is the hospital" in conversation.text  # the earlier "tertiary" was cleared


def test_a_verified_person_gets_the_same_steps_for_their_last_claim(conversation, assistant):
    verify(conversation, assistant, WANG, "en")
    conversation.say("explain my last claim")
    text = conversation.text
    assert "Settlement ZY2026080002" in text
    assert "1. Costs within the policy scope: total 12,480 − self-funded items 480 = 12,000 yuan." in text
    assert "4. Payment ratio 85%: the pooling fund pays 11,350 × 85% = 9,647.50 yuan" in text
    assert "In total: the pooling fund paid 9,647.50 yuan; you paid 2,832.50 yuan" in text


def test_asking_for_a_personal_look_up_in_the_middle_leaves_the_estimate(conversation):
    conversation.say("estimate my hospital bill")
    conversation.say("what is my medical insurance balance")
    assert "separate consent" in conversation.text
    conversation.say("yes, I agree")
    assert "18-character" in conversation.text


@pytest.mark.parametrize("words", ["qwerty", "zzz"])
def test_a_word_that_is_no_stay_detail_gets_no_offer_of_an_estimate(conversation, words):
    conversation.say(words)
    assert conversation.text and "/estimate_reimbursement" not in conversation.buttons
