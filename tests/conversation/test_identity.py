"""The identity check and personal look-ups over the REST webhook, in both languages."""
import re
import sqlite3
import threading

import pytest

from bot.db.demo_data import DEMO_PEOPLE
from bot.identity.lockout import MAX_WRONG_CODES_PER_SOURCE
from bot.identity.tokens import issue_token
from tests.conversation.conftest import IDENTITY_TOKEN_SECRET

pytestmark = pytest.mark.conversation

ZHANG, WANG, CHEN, LIU = ("440304198506121230", "11010519491231002X", "330106200109103457", "310104199208152463")
UNREGISTERED = "110105198001010016"
WANG_SUBJECT = next(person.subject_ref for person in DEMO_PEOPLE if person.id_number == WANG)
# A full ID or mobile number: not digits inside a decimal (a confidence score) or a hex id (model_id).
SENSITIVE = re.compile(r"(?<![0-9A-Za-z.])(?:\d{17}[\dXx]|1[3-9]\d{9})(?![0-9A-Za-z])")


def app_db(assistant):
    return sqlite3.connect(assistant.database_url.removeprefix("sqlite:///"))


@pytest.fixture(autouse=True)
def an_hour_has_passed(assistant):
    """Each test starts after the one-minute resend interval and any lock of an earlier test."""
    with app_db(assistant) as connection:
        connection.execute("UPDATE verification_codes SET created_at = '2000-01-01 00:00:00.000000'")
        connection.execute("DELETE FROM verification_attempts")
        connection.execute("DELETE FROM identity_locks")


def latest_code(assistant):
    with app_db(assistant) as connection:
        text = connection.execute("SELECT text FROM sms_outbox ORDER BY id DESC LIMIT 1").fetchone()[0]
    return re.search(r"\d{6}", text).group(0)


def start_check(conversation, request, agree, id_number):
    conversation.say(request)
    conversation.say(agree)
    return conversation.say(id_number)


def verify(conversation, assistant, id_number, language="zh"):
    if language == "zh":
        start_check(conversation, "帮我查一下我的医保余额", "同意", f"我的身份证号是{id_number}")
    else:
        start_check(conversation, "what is my medical insurance balance", "yes, I agree", f"my ID number is {id_number}")
    return conversation.say(latest_code(assistant))


def test_chinese_check_ends_with_the_balance(conversation, assistant):
    conversation.say("帮我查一下我的医保余额")
    assert "个人信息保护法" in conversation.text and "/affirm" in conversation.buttons
    conversation.say("同意")
    assert "18 位身份证号码" in conversation.text
    conversation.say(f"我的身份证号是{ZHANG}")
    assert "如果这个号码已在医保登记" in conversation.text and "138" not in conversation.text
    conversation.say(latest_code(assistant))
    assert "身份核验成功（440***********1230）" in conversation.text
    assert "3,268.40 元" in conversation.text


def test_english_check_ends_with_the_balance(conversation, assistant):
    verify(conversation, assistant, ZHANG, "en")
    assert "Identity confirmed" in conversation.text and "3,268.40 yuan" in conversation.text


def test_no_consent_means_no_look_up_and_policy_questions_still_work(conversation):
    conversation.say("check my balance")
    conversation.say("no, I don't agree")
    assert "no look-up of your records" in conversation.text
    conversation.say("what can the pooling fund pay for")
    assert "Legal basis" in conversation.text


@pytest.mark.parametrize("request_text, agree, typed, expected", [
    ("what is my balance", "yes", "my ID is 440304198506121231", "does not match the check digit"),
    ("我的医保余额是多少", "同意", "身份证号 440304198506121231", "最后一位校验码与前 17 位不符"),
])
def test_wrong_check_digit_is_explained(conversation, request_text, agree, typed, expected):
    start_check(conversation, request_text, agree, typed)
    assert expected in conversation.text


def test_unregistered_number_gets_the_same_wording(assistant):
    replies = []
    for id_number in (ZHANG, UNREGISTERED):
        sender = assistant.new_secret()
        for text in ("check my balance", "yes", f"my ID number is {id_number}"):
            answer = assistant.send(sender, text)
        replies.append([(reply["text"], reply.get("buttons")) for reply in answer])
    assert replies[0] == replies[1] and "If this number is registered" in replies[0][0][0]


def test_wrong_codes_stop_this_conversation_and_this_client_but_not_the_owner(conversation, assistant):
    start_check(conversation, "show my claims", "I agree", f"ID {LIU}")
    wrong = f"{(int(latest_code(assistant)) + 1) % 10**6:06d}"
    for _ in range(MAX_WRONG_CODES_PER_SOURCE - 1):
        conversation.say(wrong)
        assert "not correct" in conversation.text
    conversation.say(wrong)
    assert f"After {MAX_WRONG_CODES_PER_SOURCE} wrong codes" in conversation.text and "30 minutes" in conversation.text
    # Every test conversation comes from 127.0.0.1: the same client, so it is stopped for this number too...
    other = assistant.new_secret()
    for text in ("查我的缴费记录", "同意", f"身份证号码{LIU}"):
        answer = assistant.send(other, text)
    assert f"验证码已输错 {MAX_WRONG_CODES_PER_SOURCE} 次" in answer[0]["text"]
    # ...while the number itself is not locked for its owner, who comes from elsewhere.
    with app_db(assistant) as connection:
        assert connection.execute("SELECT COUNT(*) FROM identity_locks").fetchone()[0] == 0


def test_expired_code_offers_a_new_one(conversation, assistant):
    start_check(conversation, "我的医保消费明细", "同意", f"{WANG}")
    code = latest_code(assistant)
    with app_db(assistant) as connection:  # five minutes pass
        connection.execute("UPDATE verification_codes SET expires_at = created_at")
    conversation.say(code)
    assert "已过期" in conversation.text and "/request_new_code" in conversation.buttons


def test_log_out_in_both_languages(conversation, assistant):
    verify(conversation, assistant, WANG)
    conversation.say("退出登录")
    assert "已退出登录" in conversation.text
    conversation.say("what's my balance")
    assert "separate consent" in conversation.text
    conversation.say("log out")
    assert "not logged in" in conversation.text


def test_a_different_id_number_needs_its_own_check(conversation, assistant):
    verify(conversation, assistant, ZHANG, "en")
    conversation.say("show my contributions")
    conversation.say(f"now check this ID number {WANG}")
    assert "If this number is registered" in conversation.text
    conversation.say(latest_code(assistant))
    assert "Identity confirmed (110***********002X)" in conversation.text and "art. 27" in conversation.text


def test_residents_balance_says_there_is_no_personal_account(conversation, assistant):
    verify(conversation, assistant, CHEN, "en")
    assert "no personal account" in conversation.text and "400.00 yuan" in conversation.text


def test_suspended_person_learns_what_to_do(conversation, assistant):
    verify(conversation, assistant, LIU)
    assert "812.15 元" in conversation.text and "暂停" in conversation.text and "灵活就业" in conversation.text


def test_verified_look_ups_spending_claims_contributions_totals(conversation, assistant):
    verify(conversation, assistant, WANG, "en")
    conversation.say("show my spending in September 2026")
    assert "Peking University People's Hospital (outpatient) 580.00 yuan" in conversation.text
    conversation.say("我的住院结算记录")
    assert "共 2 次" in conversation.text
    conversation.say('/request_claim_detail{"claim_reference":"ZY2026030001"}')
    assert "本次住院适用的起付标准：1,300 元" in conversation.text
    conversation.say("show my contribution history")
    assert "art. 27" in conversation.text
    conversation.say("我今年医保一共花了多少钱")
    assert "住院 41,080.00 元" in conversation.text


def test_a_signed_token_from_the_website_verifies_and_a_forged_one_is_refused(conversation):
    conversation.say("check my balance", metadata={"auth_token": issue_token(WANG_SUBJECT, IDENTITY_TOKEN_SECRET)})
    assert "5,120.00 yuan" in conversation.text
    conversation.say("log out")
    forged = issue_token(WANG_SUBJECT, "not-the-configured-secret-at-all")
    conversation.say("check my balance", metadata={"auth_token": forged})
    assert "not valid and was refused" in conversation.text and "5,120.00" not in conversation.text


def test_action_server_down_during_the_check(conversation, assistant):
    start_check(conversation, "check my balance", "yes", ZHANG)
    code = latest_code(assistant)
    assistant.stop_action_server()
    try:
        conversation.say(code)
        assert "try again" in conversation.text and "12393" in conversation.text
    finally:
        assistant.start_action_server()
    conversation.say("check my balance")  # nothing was lost: the check goes on where it was
    assert "type the 6-digit code" in conversation.text
    conversation.say(code)
    assert "3,268.40 yuan" in conversation.text


def test_database_down_during_the_check(conversation, assistant):
    start_check(conversation, "我的医保余额", "同意", ZHANG)
    code = latest_code(assistant)
    locked = threading.Event()
    release = threading.Event()

    def hold_the_database():  # an exclusive lock makes every query of the action server fail
        connection = sqlite3.connect(assistant.database_url.removeprefix("sqlite:///"), isolation_level=None)
        connection.execute("BEGIN EXCLUSIVE")
        locked.set()
        release.wait(60)
        connection.execute("ROLLBACK")
        connection.close()

    holder = threading.Thread(target=hold_the_database)
    holder.start()
    locked.wait(10)
    try:
        conversation.say(code)
    finally:
        release.set()
        holder.join()
    assert "暂时不可用" in conversation.text and "12393" in conversation.text


def test_nothing_sensitive_is_replied_logged_or_stored(conversation, assistant):
    verify(conversation, assistant, WANG)
    conversation.say(f"我的手机号是13900001111，身份证{WANG}，查缴费记录")
    conversation.say("show my spending details")
    texts = [r.get("text", "") for r in conversation.replies]
    assert texts and not any(SENSITIVE.search(text) for text in texts)
    for log in ("rasa.log", "actions.log"):
        leaked = SENSITIVE.findall((assistant.workdir / log).read_text(errors="replace"))
        assert leaked == [], f"{log} holds full numbers"
    with sqlite3.connect(assistant.tracker_db) as connection:
        stored = [row[0] for row in connection.execute(
            "SELECT data FROM events WHERE sender_id = ?", (conversation.conversation_id,))]
    assert stored and [match for data in stored for match in SENSITIVE.findall(data)] == []
    assert not any(re.search(r'"text": "\d{6}"', data) for data in stored)  # the code was hidden
