"""A conversation longer than one session's MAX_TURNS_PER_SESSION turns is carried over into a new session
(bot.channels.session_rollover) without losing the identity check or a half-filled estimate."""
import sqlite3

import pytest

from bot.channels.session_rollover import MAX_TURNS_PER_SESSION
from tests.conversation.test_identity import WANG, an_hour_has_passed, verify  # noqa: F401 - autouse fixture

pytestmark = pytest.mark.conversation

QUESTIONS = ["怎么查医保卡余额", "统筹账户和个人账户有什么区别", "住院费用怎么结算", "how do I pay the premium"]


def sessions_of(assistant, conversation) -> int:
    with sqlite3.connect(assistant.tracker_db) as connection:
        return connection.execute("SELECT COUNT(*) FROM events WHERE sender_id = ? AND type_name = 'session_started'",
                                  (conversation.conversation_id,)).fetchone()[0]


def ask_questions(conversation, count: int) -> None:
    for number in range(count):
        conversation.say(QUESTIONS[number % len(QUESTIONS)])
        assert conversation.text.strip()


def test_a_verified_person_stays_verified_in_the_carried_over_session(conversation, assistant):
    verify(conversation, assistant, WANG)
    assert "5,120.00" in conversation.text
    ask_questions(conversation, MAX_TURNS_PER_SESSION)
    assert sessions_of(assistant, conversation) >= 2
    conversation.say("我的医保余额是多少")
    assert "5,120.00" in conversation.text and "验证码" not in conversation.text


def test_a_half_filled_estimate_goes_on_in_the_carried_over_session(conversation, assistant):
    ask_questions(conversation, MAX_TURNS_PER_SESSION - 1)
    conversation.say("I spent 30,000 yuan in a tertiary hospital, how much will insurance pay?")
    conversation.say("employee insurance")
    conversation.say("working")
    assert sessions_of(assistant, conversation) >= 2  # the form was active when the session was carried over
    assert "Which city" in conversation.text
    for answer in ("Shanghai", "first time this year", "none"):
        conversation.say(answer)
    assert conversation.text.splitlines()[0] == "The pooling fund pays: about 22,400 yuan"
