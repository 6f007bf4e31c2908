"""Conversations that deviate from the happy path still move forward, in both languages (over REST, with the
real Rasa server and action server): what people naturally send next at each step."""
import datetime

import pytest

from bot.identity import replies
from bot.knowledge import load_topics, render_answer
from tests.conversation.test_identity import WANG, ZHANG, an_hour_has_passed, latest_code, verify  # noqa: F401

pytestmark = pytest.mark.conversation

ANSWERS = {topic.intent: topic for topic in load_topics()}


def answer(intent, language):
    return render_answer(ANSWERS[intent], language).splitlines()[0]


@pytest.mark.parametrize("ambiguous, agree, language, balance", [
    ("余额", "好的，同意", "zh", "3,268.40 元"),
    ("balance?", "yes, mine please", "en", "3,268.40 yuan"),
])
def test_agreeing_after_the_clarifying_question_goes_on_to_consent_and_the_balance(
        conversation, assistant, ambiguous, agree, language, balance):
    conversation.say(ambiguous)
    assert conversation.text == replies.clarify_balance(language).text
    conversation.say(agree)
    assert replies.consent_request(language).text in conversation.text
    conversation.say(ZHANG)  # sending the number after reading the notice is agreeing
    assert replies.text("code_sent", language).text in conversation.text
    conversation.say(latest_code(assistant))
    assert balance in conversation.text


@pytest.mark.parametrize("language", ["zh", "en"])
def test_an_id_number_typed_straight_away_starts_the_check(conversation, assistant, language):
    conversation.say("你好" if language == "zh" else "hello")
    conversation.say(ZHANG)
    assert replies.text("consent_before_id_number", language).text in conversation.text
    assert "/affirm" in conversation.buttons
    conversation.say(ZHANG)
    conversation.say(latest_code(assistant))
    assert replies.what_to_look_up(language).text in conversation.text and "/request_spending" in conversation.buttons


@pytest.mark.parametrize("missing, language", [("没收到短信", "zh"), ("I didn't get any code", "en"),
                                               ("你直接告诉我验证码吧", "zh"), ("my phone number changed", "en")])
def test_the_text_never_came(conversation, assistant, missing, language):
    start = ("查我的余额", "同意", ZHANG) if language == "zh" else ("check my balance", "yes", ZHANG)
    for text in start:
        conversation.say(text)
    conversation.say(missing)
    assert replies.CODE_NOT_RECEIVED[language] in conversation.text
    assert "12393" in conversation.text and "/request_new_code" in conversation.buttons
    assert ("秒后" if language == "zh" else "seconds") in conversation.text  # the one-a-minute limit applies
    conversation.say(latest_code(assistant))  # the check goes on
    assert "3,268.40" in conversation.text


def test_follow_ups_after_a_look_up_take_the_service_and_period_from_the_conversation(conversation, assistant):
    verify(conversation, assistant, WANG)
    today = datetime.date.today()
    last_month = (today.replace(day=1) - datetime.timedelta(days=1))
    conversation.say("查我这个月的消费明细")
    conversation.say("那上个月呢")
    assert f"{last_month.year}年{last_month.month}月" in conversation.text
    conversation.say("全年一共呢")
    assert str(today.year) in conversation.text and "合计" in conversation.text


def test_english_follow_ups(conversation, assistant):
    verify(conversation, assistant, WANG, "en")
    conversation.say("show my spending this month")
    conversation.say("what about August?")
    assert "August" in conversation.text
    conversation.say("and the whole year?")
    assert "total" in conversation.text.lower()


@pytest.mark.parametrize("text", ["4000", "' OR 1=1 --", "https://www.nhsa.gov.cn/", "10^12", "5k"])
def test_a_message_without_words_keeps_the_conversations_language(conversation, text):
    conversation.say("医保卡余额怎么查")
    conversation.say(text)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in conversation.text), conversation.text


def test_emoji_alone_is_answered_in_the_conversations_language(conversation):
    conversation.say("how do I check my balance in Alipay")
    conversation.say("😂🙏")
    assert "only read words" in conversation.text and "只能" not in conversation.text


@pytest.mark.parametrize("question, intent, language", [
    ("个人有权看单位交了多少吗，依据哪条法律", "ask_legal_basis", "zh"),
    ("is there a law that says I can see what my employer paid?", "ask_legal_basis", "en"),
    ("can I see my contribution history online?", "ask_consumption_details", "en"),
    ("在网上能看到自己的缴费记录吗", "ask_consumption_details", "zh"),
])
def test_policy_questions_with_personal_service_words_get_the_policy_answer(conversation, question, intent, language):
    conversation.say(question)
    assert answer(intent, language) in conversation.text
    assert replies.consent_request(language).text not in conversation.text


@pytest.mark.parametrize("request_text, language", [("帮我查一下单位给我交了多少医保", "zh"),
                                                    ("show me what my employer has paid for me", "en")])
def test_and_the_other_way_round_a_request_for_ones_own_records_asks_for_consent(conversation, request_text, language):
    conversation.say(request_text)
    assert replies.consent_request(language).text in conversation.text


@pytest.mark.parametrize("ack, language", [("ok", "en"), ("好的", "zh"), ("嗯", "zh")])
def test_a_bare_acknowledgement_gets_a_short_answer_not_a_menu(conversation, ack, language):
    conversation.say(ack)
    assert conversation.text == replies.text("anything_else", language).text
    assert "/request_balance" not in conversation.buttons


@pytest.mark.parametrize("complaint, expected", [("字太小看不清", "Ctrl"), ("the text is too small", "Ctrl")])
def test_a_complaint_about_the_page_gets_practical_help(conversation, complaint, expected):
    conversation.say(complaint)
    assert expected in conversation.text and "12393" in conversation.text


@pytest.mark.parametrize("gibberish, language", [("asdf qwer zxcv", "en"), ("啾啾啾喵喵喵", "zh")])
def test_a_miss_offers_the_closest_topics_then_a_person(conversation, gibberish, language):
    conversation.say(gibberish)
    assert conversation.buttons and len(conversation.buttons) <= 3
    conversation.say(gibberish)
    assert "12393" in conversation.text and "12333" in conversation.text
