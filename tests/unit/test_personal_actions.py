"""The identity check and look-ups through the real actions, on SQLite and PostgreSQL."""
import re

import pytest
from sqlalchemy import select, update

from bot.db.engine import session_scope
from bot.db.models import AuditEntry, SmsOutbox, VerificationCode
from bot.identity.tokens import issue_token
from tests.unit.action_conversation import ActionConversation, latest_code

ZHANG, WANG = "440304198506121230", "11010519491231002X"
UNREGISTERED = "110105198001010016"
SECRET = "test-secret-for-signed-identity-tokens"
SENSITIVE = re.compile(r"\d{11,}|\d{17}[\dX]")  # a full phone or ID number


def verify(chat, engine, id_number=ZHANG, intent="request_balance", text="check my balance"):
    chat.say(intent, text)
    chat.say("affirm", "yes")
    chat.say("provide_id_number", f"my ID is {id_number}")
    return chat.say("provide_code", latest_code(engine))


def assert_nothing_sensitive(chat):
    bot_texts = [event["text"] for event in chat.events if event["event"] == "bot"]
    slot_values = [str(event["value"]) for event in chat.events if event["event"] == "slot"]
    assert len(bot_texts) >= 10 and slot_values
    assert [text for text in bot_texts + slot_values if SENSITIVE.search(text)] == []


def test_consent_then_id_then_code_shows_the_balance(demo_engine):
    chat = ActionConversation("c1", "en")
    assert "separate consent" in chat.say("request_balance", "what's my balance")[0]
    assert "18-character" in chat.say("affirm", "I agree")[0]
    assert "If this number is registered" in chat.say("provide_id_number", ZHANG)[0]
    confirmed, balance = chat.say("provide_code", f"the code is {latest_code(demo_engine)}")
    assert "Identity confirmed (440***********1230)" in confirmed
    assert "3,268.40 yuan" in balance
    assert chat.slots["identity_step"] is None


def test_no_consent_no_look_up(demo_engine):
    chat = ActionConversation("c1", "zh")
    chat.say("request_balance", "我的余额")
    assert "不核验身份" in chat.say("deny", "不同意")[0]
    assert "您想查询哪项本人记录" in chat.say("provide_id_number", ZHANG)[0]  # nothing is sent
    with session_scope(demo_engine) as session:
        assert session.scalars(select(SmsOutbox)).all() == []


def test_wrong_check_digit_is_named_and_three_invalid_entries_end_politely(demo_engine):
    chat = ActionConversation("c1", "en")
    chat.say("request_balance", "balance")
    chat.say("affirm", "yes")
    assert "does not match the check digit" in chat.say("provide_id_number", "440304198506121231")[0]
    assert "you typed 16" in chat.say("provide_id_number", "4403041985061212")[0]
    assert "third invalid ID number" in chat.say("provide_id_number", "440304198513121230")[0]
    assert chat.slots["identity_step"] is None


def test_unregistered_number_gets_the_same_wording(demo_engine):
    registered, unregistered = ActionConversation("c1", "zh"), ActionConversation("c2", "zh")
    for chat, number in ((registered, ZHANG), (unregistered, UNREGISTERED)):
        chat.say("request_balance", "余额")
        chat.say("affirm", "同意")
    assert registered.say("provide_id_number", ZHANG) == unregistered.say("provide_id_number", UNREGISTERED)
    assert "验证码不正确" in unregistered.say("provide_code", "123456")[0]


def test_wrong_code_five_times_locks_even_a_new_conversation(demo_engine):
    chat = ActionConversation("c1", "en")
    chat.say("request_balance", "balance")
    chat.say("affirm", "yes")
    chat.say("provide_id_number", ZHANG)
    wrong = f"{(int(latest_code(demo_engine)) + 1) % 10**6:06d}"
    replies = [chat.say("provide_code", wrong)[0] for _ in range(5)]
    assert "4 more tries" in replies[0] and "1 more try" in replies[3]
    assert "locked for 30 more minutes" in replies[4]
    other = ActionConversation("c2", "en")
    other.say("request_balance", "balance")
    other.say("affirm", "yes")
    assert "locked" in other.say("provide_id_number", ZHANG)[0]


def test_expired_code_offers_a_new_one(demo_engine):
    chat = ActionConversation("c1", "zh")
    chat.say("request_balance", "余额")
    chat.say("affirm", "同意")
    chat.say("provide_id_number", ZHANG)
    code = latest_code(demo_engine)
    with session_scope(demo_engine) as session:  # five minutes pass
        session.execute(update(VerificationCode).values(
            expires_at=VerificationCode.created_at, created_at=VerificationCode.created_at))
    reply = chat.say("provide_code", code)
    assert "已过期" in reply[0] and chat.last_messages[0]["buttons"][0]["payload"] == "/request_new_code"


def test_log_out_then_a_new_request_needs_a_new_check(demo_engine):
    chat = ActionConversation("c1", "zh")
    verify(chat, demo_engine)
    assert "已退出登录" in chat.say("log_out", "退出登录")[0]
    assert "单独同意" in chat.say("request_balance", "我的余额")[0]
    assert "没有登录" in chat.say("log_out", "退出")[0]


def test_a_different_id_number_needs_a_new_check(demo_engine):
    chat = ActionConversation("c1", "en")
    verify(chat, demo_engine)
    chat.say("request_claims", "show my claims")
    assert "If this number is registered" in chat.say("provide_id_number", WANG)[0]
    assert "separate consent" in chat.say("request_balance", "balance")[0]  # Zhang's check no longer counts


def test_verified_conversation_goes_straight_to_the_records(demo_engine):
    chat = ActionConversation("c1", "en")
    verify(chat, demo_engine)
    assert "2026-10-26" in chat.say("request_spending", "my spending in October")[0]
    assert "no hospital-stay settlements" in chat.say("request_claims", "my claims")[0]


def test_claims_then_one_claim_by_its_button(demo_engine):
    chat = ActionConversation("c1", "zh")
    verify(chat, demo_engine, WANG, "request_claims", "我的住院结算")
    detail = chat.say("request_claim_detail", "", entities=[{"entity": "claim_reference", "value": "ZY2026030001"}])
    assert "本次住院适用的起付标准：1,300 元" in detail[0]


def test_a_signed_token_verifies_without_a_code(demo_engine, monkeypatch):
    monkeypatch.setenv("IDENTITY_TOKEN_SECRET", SECRET)
    chat = ActionConversation("c1", "en")
    answer = chat.say("request_balance", "balance", metadata={"auth_token": issue_token(WANG, SECRET)})
    assert "5,120.00 yuan" in answer[0]
    with session_scope(demo_engine) as session:
        assert "verified_by_token" in session.scalars(select(AuditEntry.event)).all()


@pytest.mark.parametrize("token, expected", [
    (issue_token(ZHANG, "a-forged-secret-that-is-not-ours", 600), "not valid and was refused"),
    (issue_token(ZHANG, SECRET, -10), "has expired"),
])
def test_forged_or_expired_token_is_refused_clearly(demo_engine, monkeypatch, token, expected):
    monkeypatch.setenv("IDENTITY_TOKEN_SECRET", SECRET)
    chat = ActionConversation("c1", "en")
    refused, consent = chat.say("request_balance", "balance", metadata={"auth_token": token})
    assert expected in refused and "separate consent" in consent


def test_database_down_gets_a_useful_reply(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:9/none?connect_timeout=2")
    chat = ActionConversation("c1", "zh")
    assert "暂时不可用" in chat.say("request_balance", "我的余额")[0]


def test_no_full_id_or_phone_number_in_replies_or_slots(demo_engine):
    chat = ActionConversation("c1", "zh")
    verify(chat, demo_engine, WANG, "request_claims", "我的住院结算")
    for intent in ("request_balance", "request_spending", "request_contributions", "request_yearly_totals"):
        chat.say(intent, f"{WANG} 13900001111")
    chat.say("provide_id_number", "440304198506121231")
    assert_nothing_sensitive(chat)
