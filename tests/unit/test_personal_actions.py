"""The identity check and look-ups through the real actions, on SQLite and PostgreSQL."""
import datetime
import datetime
import re

import pytest
from sqlalchemy import select, update

from bot.db.engine import session_scope
from bot.db.models import AuditEntry, SmsOutbox, VerificationCode
from bot.identity import audit
from bot.db.demo_data import DEMO_PEOPLE
from bot.identity.token_sign_in import present_token
from bot.identity.tokens import issue_token
from bot.message_metadata import SERVER_KEY, TOKEN_OUTCOME
from tests.unit.action_conversation import ActionConversation, latest_code

ZHANG, WANG = "440304198506121230", "11010519491231002X"
UNREGISTERED = "110105198001010016"
SECRET = "test-secret-for-signed-identity-tokens"
ZHANG_REF, WANG_REF = (next(p.subject_ref for p in DEMO_PEOPLE if p.id_number == number) for number in (ZHANG, WANG))
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
    # A number typed after declining brings the consent notice back, and nothing is sent until it is agreed to.
    assert "不会保存" in chat.say("provide_id_number", ZHANG)[0]
    assert "单独同意" in chat.last_messages[1]["text"]
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


class Clock:
    """Stands in for the actions' clock, so that waits in replies are exact."""

    def __init__(self):
        self.now = datetime.datetime(2026, 11, 22, 9, 0, tzinfo=datetime.timezone.utc)

    def __call__(self):
        return self.now

    def advance(self, **kwargs):
        self.now += datetime.timedelta(**kwargs)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr("actions.personal._now", clock)
    return clock


def from_client(client):
    """The metadata the channel puts on a message (bot.message_metadata)."""
    return {"server": {"client": client}}


def start_check(chat, id_number, client=None):
    chat.say("request_balance", "balance", metadata=from_client(client))
    chat.say("affirm", "yes", metadata=from_client(client))
    return chat.say("provide_id_number", id_number, metadata=from_client(client))


def test_three_wrong_codes_stop_this_chat_and_say_what_to_do(demo_engine, clock):
    chat = ActionConversation("c1", "en")
    start_check(chat, ZHANG, "ip-1")
    wrong = f"{(int(latest_code(demo_engine)) + 1) % 10**6:06d}"
    replies = [chat.say("provide_code", wrong, metadata=from_client("ip-1"))[0] for _ in range(3)]
    assert "2 more tries" in replies[0] and "1 more try" in replies[1]
    assert "After 3 wrong codes" in replies[2] and "try again in 30 minutes" in replies[2]
    assert all(way in replies[2] for way in ("12393", "counter with your ID card", "website where you are signed in"))
    assert chat.slots["identity_step"] is None
    clock.advance(minutes=10)
    assert "try again in 20 minutes" in start_check(ActionConversation("c2", "en"), ZHANG, "ip-1")[0]


def test_the_owner_gets_a_code_after_someone_else_guessed_wrong(demo_engine, clock):
    attacker = ActionConversation("attacker", "zh")
    start_check(attacker, ZHANG, "ip-1")
    for _ in range(3):
        attacker.say("provide_code", "000000", metadata=from_client("ip-1"))
    clock.advance(minutes=1)
    owner = ActionConversation("owner", "en")
    assert "If this number is registered" in start_check(owner, ZHANG, "ip-2")[0]
    assert "3,268.40 yuan" in owner.say("provide_code", latest_code(demo_engine), metadata=from_client("ip-2"))[1]


def test_replies_under_the_limits_are_the_same_for_registered_and_unregistered_numbers(demo_engine, clock):
    def replies_for(id_number, tag):
        chats, texts = [], []
        for n in range(6):  # one wrong code each; the 6th chat meets the number's daily limit
            clock.advance(minutes=1)
            chats.append(ActionConversation(f"{tag}-{n}", "zh"))
            texts += start_check(chats[-1], id_number, f"{tag}-ip-{n}")
            texts += chats[-1].say("provide_code", "000000", metadata=from_client(f"{tag}-ip-{n}"))
        for n, chat in enumerate(chats[:4]):  # two more each: stopped, until the number is locked for everyone
            texts += [chat.say("provide_code", "000000", metadata=from_client(f"{tag}-ip-{n}"))[0] for _ in range(2)]
        return texts

    registered = replies_for(ZHANG, "a")
    clock.advance(days=2)
    assert replies_for(UNREGISTERED, "b") == registered
    for reached in ("这个号码已达上限", "验证码已输错 3 次", "暂时锁定，请 24 小时后再试"):
        assert any(reached in text and "12393" in text for text in registered), reached


def test_limits_are_audited_with_the_limit_and_no_conversation_id(demo_engine, clock):
    chat = ActionConversation("c1", "en")
    start_check(chat, ZHANG)
    for _ in range(3):
        chat.say("provide_code", "000000")
    with session_scope(demo_engine) as session:
        entries = session.execute(select(AuditEntry.event, AuditEntry.detail, AuditEntry.conversation_key)).all()
    assert ("code_check_stopped", "wrong_codes", audit.conversation_key("c1")) in entries
    assert {key for _, _, key in entries} == {audit.conversation_key("c1")} != {"c1"}


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
    # Zhang's check no longer counts: the balance waits for the code sent for the new number.
    assert "type the 6-digit code" in chat.say("request_balance", "balance")[0]
    assert "3,268.40" not in " ".join(chat.say("request_balance", "balance"))


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


def token_outcome(engine, token, conversation_id="c1"):
    """What the channel passes on after checking a message's identity token (bot.channels.incoming)."""
    with session_scope(engine) as session:
        outcome = present_token(session, conversation_id, token, datetime.datetime.now(datetime.timezone.utc))
    return {SERVER_KEY: {TOKEN_OUTCOME: outcome.value}}


def test_a_signed_token_verifies_without_a_code(demo_engine, monkeypatch):
    monkeypatch.setenv("IDENTITY_TOKEN_SECRET", SECRET)
    chat = ActionConversation("c1", "en")
    answer = chat.say("request_balance", "balance", metadata=token_outcome(demo_engine, issue_token(WANG_REF, SECRET)))
    assert "5,120.00 yuan" in answer[0]
    with session_scope(demo_engine) as session:
        assert "verified_by_token" in session.scalars(select(AuditEntry.event)).all()


@pytest.mark.parametrize("token, expected", [
    (issue_token(ZHANG_REF, "a-forged-secret-that-is-not-ours"), "not valid and was refused"),
    (issue_token(ZHANG_REF, SECRET, lifetime=datetime.timedelta(seconds=-10)), "has expired"),
])
def test_forged_or_expired_token_is_refused_clearly(demo_engine, monkeypatch, token, expected):
    monkeypatch.setenv("IDENTITY_TOKEN_SECRET", SECRET)
    chat = ActionConversation("c1", "en")
    refused, consent = chat.say("request_balance", "balance", metadata=token_outcome(demo_engine, token))
    assert expected in refused and "separate consent" in consent


def test_after_log_out_the_websites_token_no_longer_verifies(demo_engine, monkeypatch):
    monkeypatch.setenv("IDENTITY_TOKEN_SECRET", SECRET)
    chat = ActionConversation("c1", "en")
    chat.say("request_balance", "balance", metadata=token_outcome(demo_engine, issue_token(WANG_REF, SECRET)))
    assert "logged out" in chat.say("log_out", "log out")[0]
    refused, consent = chat.say("request_balance", "balance",
                                metadata=token_outcome(demo_engine, issue_token(WANG_REF, SECRET)))
    assert "You logged out in this conversation" in refused and "separate consent" in consent


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
