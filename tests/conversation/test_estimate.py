"""The reimbursement estimate over the REST webhook, in both languages, with a real Rasa and action server."""
import pytest

from tests.conversation.test_identity import WANG, an_hour_has_passed, verify  # noqa: F401 - autouse fixture

pytestmark = pytest.mark.conversation


def test_seed_example_in_english_step_by_step(conversation):
    conversation.say("I spent 30,000 yuan in a tertiary hospital, how much will insurance pay?")
    assert "employee or resident medical insurance" in conversation.text
    conversation.say("employee insurance")
    assert "working or retired" in conversation.text
    conversation.say("working")
    assert "Which city" in conversation.text and "Bengbu" in conversation.buttons
    conversation.say("Shanghai")
    assert "Which hospital stay" in conversation.text  # level and cost came with the first message
    conversation.say("first time this year")
    assert "self-funded" in conversation.text
    conversation.say("none")
    text = conversation.text
    assert "Your city's figures are not on file, so this uses illustrative figures" in text
    assert "1. Costs within the policy scope: total 30,000 − self-funded items 0 = 30,000 yuan." in text
    assert "2. Deductible at a tertiary (level-3) hospital: 2,000 yuan." in text
    assert "4. Payment ratio 80%: the pooling fund pays 28,000 × 80% = 22,400 yuan" in text
    assert "In total: the pooling fund pays 22,400 yuan; you pay 7,600 yuan" in text
    assert "This is an estimate, not a settlement" in text
    assert "/estimate_reimbursement" in conversation.buttons


def test_bengbu_resident_in_chinese_skips_the_retiree_question_and_asks_the_tier(conversation):
    conversation.say("我在蚌埠参加城乡居民医保，今年第二次住院，三级医院花了两万元，能报多少？")
    assert "市级还是省级" in conversation.text
    conversation.say("省级")
    assert "自费部分" in conversation.text
    conversation.say("不知道")
    text = conversation.text
    assert "住院费用估算：蚌埠市城乡居民医保，省级三级医院，本年度第2次住院" in text
    assert "2. 起付标准（省级三级医院）：1,200 元。" in text
    assert "统筹基金支付 18,800 × 65% = 12,220 元" in text
    assert "合计：统筹基金支付 12,220 元；您支付 7,780 元" in text
    assert "不清楚自费金额" in text and "这只是估算，不是结算结果" in text


@pytest.mark.parametrize("language, start, details, bad, expected", [
    ("en", "estimate my hospital bill", "employee insurance, working, in Beijing, tertiary hospital, first stay",
     ["-500", "0", "abc", "10^12"],
     ["cannot be negative", "must be more than 0", "could not read that amount", "looks like a typo"]),
    ("zh", "帮我估算一下住院报销", "职工医保，在职，北京，三级医院，第一次住院",
     ["负500元", "0元", "很多钱", "10^12"],
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


def test_a_policy_question_in_the_middle_is_answered_then_the_estimate_goes_on(conversation):
    conversation.say("帮我算算住院能报销多少")
    conversation.say("职工医保")
    assert "在职还是已经退休" in conversation.text
    conversation.say("个人账户的钱能用来买什么")
    assert "法律依据" in conversation.text and "在职还是已经退休" in conversation.text
    conversation.say("退休了")
    assert "哪个城市" in conversation.text


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
