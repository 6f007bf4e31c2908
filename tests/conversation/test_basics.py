"""Conversation basics over the REST webhook of a running Rasa server and action server."""
import pytest
from sqlalchemy import create_engine, select

from bot.db.models import Feedback
from bot.input_guard import InputProblem
from bot.service_messages import input_problem_reply

pytestmark = pytest.mark.conversation

CHINESE_CHARACTER = lambda text: any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_greeting_in_chinese_carries_the_privacy_notice_and_the_menu(conversation):
    conversation.say("你好")
    assert "隐私" in conversation.text and "30 天" in conversation.text and "密码" in conversation.text
    assert "/ask_balance_channels" in conversation.buttons


def test_greeting_in_english_carries_the_privacy_notice_and_the_menu(conversation):
    conversation.say("hello")
    assert "Privacy" in conversation.text and "30 days" in conversation.text and "password" in conversation.text
    assert "/ask_hospital_settlement" in conversation.buttons


def test_help_menu_has_buttons_for_the_main_topics(conversation):
    conversation.say("what can you do?")
    assert {"/ask_balance_channels", "/ask_account_types", "/ask_premium_payment"} <= set(conversation.buttons)
    conversation.say("你能做什么")
    assert "解答政策问题" in conversation.text


@pytest.mark.parametrize("question, expected", [
    ("what's the weather in Beijing tomorrow", "outside what I can help with"),
    ("给我讲个笑话吧", "不在我的服务范围内"),
    ("how do I buy car insurance", "outside what I can help with"),
])
def test_out_of_scope_questions_get_a_polite_answer_and_the_menu(conversation, question, expected):
    conversation.say(question)
    assert expected in conversation.text
    assert "/ask_help" in conversation.buttons


def test_goodbye_thanks_and_bot_question_in_both_languages(conversation):
    assert "Goodbye" in conversation.say("bye")[0]["text"]
    assert "再见" in conversation.say("再见")[0]["text"]
    assert "welcome" in conversation.say("thanks a lot")[0]["text"]
    assert "不客气" in conversation.say("谢谢你")[0]["text"]
    conversation.say("are you a real person?")
    assert "not a person" in conversation.text and "12393" in conversation.text


def test_fallback_asks_to_rephrase_then_offers_a_person(conversation):
    # The FallbackClassifier's verdict is sent directly, so the dialogue rules are tested whatever
    # the model makes of a given nonsense string.
    conversation.say("hello")
    conversation.say("/nlu_fallback")
    assert "say it another way" in conversation.text
    conversation.say("/nlu_fallback")
    assert "12393" in conversation.text and "12333" in conversation.text and "counter" in conversation.text
    conversation.say("/nlu_fallback")  # a third miss starts over with a rephrase request
    assert "say it another way" in conversation.text


def test_feedback_is_stored_with_the_topic_it_rates(conversation, assistant):
    conversation.say("居民医保有没有个人账户")
    assert "/feedback_helpful" in conversation.buttons
    conversation.say("/feedback_helpful")
    assert "谢谢" in conversation.text
    engine = create_engine(assistant.database_url, future=True)
    with engine.connect() as connection:
        rows = connection.execute(select(Feedback.topic, Feedback.helpful, Feedback.language)).all()
    assert ("ask_account_types", True, "zh") in rows


def test_over_long_message_gets_a_polite_reply(conversation):
    conversation.say("please help " * 500)
    assert "too long" in conversation.text and "1000" in conversation.text


@pytest.mark.parametrize("text", ["👍👍", "🙏🏻"])
def test_emoji_only_messages_get_a_reply_in_both_languages(conversation, text):
    conversation.say(text)
    assert conversation.text and CHINESE_CHARACTER(conversation.text) and "Please" in conversation.text


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_first_message_gets_the_greeting_and_a_later_one_asks_for_text(conversation, text):
    # rasa-webchat and other widgets send an empty message when they open
    conversation.say(text)
    assert "隐私" in conversation.text and "/ask_balance_channels" in conversation.buttons
    conversation.say(text)
    assert conversation.text == input_problem_reply(InputProblem.EMPTY, None)  # no language known yet: both


def test_mixed_language_message_is_answered_in_chinese(conversation):
    conversation.say("怎么用Alipay查医保余额")
    assert "城市服务" in conversation.text and "确认授权" in conversation.text


def test_language_switches_with_the_latest_message(conversation):
    conversation.say("how do I pay the medical insurance premium")
    assert "bank" in conversation.text.lower() and "Legal basis" in conversation.text
    assert not CHINESE_CHARACTER(conversation.text.splitlines()[0])
    conversation.say("医保费在哪里交")
    assert "银行" in conversation.text and "法律依据" in conversation.text


def test_oversized_http_body_is_refused(assistant):
    import requests

    response = requests.post(assistant.webhook, json={"sender": "big", "message": "x" * 200_000}, timeout=30)
    assert response.status_code == 413


def test_action_server_down_still_gets_a_reply(assistant, conversation):
    conversation.say("what does the pooling fund pay for")
    assistant.stop_action_server()
    try:
        conversation.say("/feedback_helpful")
        assert "12393" in conversation.text and "Sorry" in conversation.text
    finally:
        assistant.start_action_server()
    conversation.say("/feedback_helpful")
    assert "Thank you" in conversation.text


@pytest.mark.parametrize("greeting, help_question, words", [
    ("你好", "你能做什么", ["本人的余额", "估算住院费用"]),
    ("hello", "what can you do", ["your own balance", "estimate a hospital bill"]),
])
def test_the_greeting_and_help_lead_with_your_own_records_and_the_estimate(conversation, greeting, help_question, words):
    for message in (greeting, help_question):
        conversation.say(message)
        assert conversation.buttons[:2] == ["/request_balance", "/estimate_reimbursement"], message
        assert all(word in conversation.text for word in words), message
