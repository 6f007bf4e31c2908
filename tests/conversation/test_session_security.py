"""A person's records only for the conversation that proved who they are: attacks on the real servers.

Each test is one finding of the session-security review (issue 11), driven over REST and socket.io against a
running Rasa server and action server. The last test scans everything stored and logged.
"""
import queue
import re
import sqlite3

import pytest
import requests
import socketio

from bot.identity.tokens import issue_token
from tests.conversation.conftest import IDENTITY_TOKEN_SECRET
from tests.conversation.test_identity import (SENSITIVE, WANG, WANG_SUBJECT as WANG_REF,
                                              an_hour_has_passed,  # noqa: F401 (autouse)
                                              app_db, verify)

pytestmark = pytest.mark.conversation

BALANCE = "5,120.00"
CONSENT_EN = "separate consent"
JWT = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]*")
SEPARATED_PHONE = re.compile(r"(?<!\d)1[3-9]\d[- .]\d{4}[- .]\d{4}(?!\d)")


def verified_by_code(conversation, assistant):
    verify(conversation, assistant, WANG, "en")
    assert BALANCE in conversation.text
    return conversation


def stranger_asks_for_the_balance(assistant, sender):
    response = assistant.post(sender, "what is my balance")
    return response, " ".join(reply.get("text", "") for reply in response.json())


@pytest.mark.parametrize("attacker_sender", ["conversation id", "default", None, "", "x" * 20_000, 12345],
                         ids=["its stored id", "default", "missing", "empty", "20 KB", "a number"])
def test_a_client_chosen_sender_never_reaches_a_verified_conversation(conversation, assistant, attacker_sender):
    verified_by_code(conversation, assistant)
    sender = conversation.conversation_id if attacker_sender == "conversation id" else attacker_sender
    response, text = stranger_asks_for_the_balance(assistant, sender)
    assert response.status_code == 200 and BALANCE not in text and CONSENT_EN in text
    issued = response.headers["X-Conversation-Secret"]
    assert issued not in (conversation.secret, sender) and assistant.conversation_id(issued) != conversation.conversation_id


def test_the_same_client_chosen_name_twice_is_two_strangers(assistant):
    """"alice" is not a conversation: two clients both calling themselves alice share nothing."""
    first = assistant.post("alice", "check my balance")
    second = assistant.post("alice", "yes, I agree")
    assert first.headers["X-Conversation-Secret"] != second.headers["X-Conversation-Secret"]
    assert "18-character" not in " ".join(reply.get("text", "") for reply in second.json())


def test_the_secret_itself_continues_the_conversation(conversation, assistant):
    verified_by_code(conversation, assistant)
    response = assistant.post(conversation.secret, "what is my balance")
    assert BALANCE in response.json()[0]["text"]
    assert response.headers["X-Conversation-Secret"] == conversation.secret


class SocketClient:
    def __init__(self, assistant):
        self.client = socketio.Client(reconnection=False)
        self.replies, self.confirmed = queue.Queue(), queue.Queue()
        self.client.on("bot_uttered", self.replies.put)
        self.client.on("session_confirm", self.confirmed.put)
        self.client.connect(f"http://127.0.0.1:{assistant.rasa_port}", socketio_path="/socket.io",
                            transports=["polling"])

    def join(self, session_id=None):
        self.client.emit("session_request", {"session_id": session_id} if session_id else {})
        return self.confirmed.get(timeout=10)

    def say(self, text, **data):
        self.client.emit("user_uttered", {"message": text, **data})
        return self.replies.get(timeout=60)

    def heard_nothing(self, seconds):
        try:
            self.replies.get(timeout=seconds)
        except queue.Empty:
            return True
        return False


@pytest.fixture
def sockets(assistant):
    opened = []

    def open_socket():
        opened.append(SocketClient(assistant))
        return opened[-1]

    yield open_socket
    for socket in opened:
        socket.client.disconnect()


def test_a_socket_naming_someone_elses_session_joins_nothing(conversation, assistant, sockets):
    verified_by_code(conversation, assistant)
    owner, attacker = sockets(), sockets()
    assert owner.join(conversation.secret) == conversation.secret  # the holder of the secret continues
    issued = attacker.join(conversation.conversation_id)
    assert issued != conversation.secret
    assert BALANCE not in attacker.say("what is my balance", session_id=conversation.secret)["text"]
    attacker.replies = queue.Queue()
    assert BALANCE in owner.say("what is my balance")["text"]
    assert attacker.heard_nothing(3), "the attacker's socket received the owner's reply"


def test_socket_ids_of_any_kind_are_replaced(sockets):
    socket = sockets()
    for client_value in ("default", "x" * 5000, "s1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA"):
        assert socket.join(client_value).startswith("s1.") and socket.join(client_value) != client_value


def test_a_websites_token_works_once_and_its_replay_is_refused(conversation, assistant):
    token = issue_token(WANG_REF, IDENTITY_TOKEN_SECRET)
    conversation.say("check my balance", metadata={"auth_token": token})
    assert BALANCE in conversation.text
    replay = assistant.send(assistant.new_secret(), "check my balance", metadata={"auth_token": token})
    text = " ".join(reply["text"] for reply in replay)
    assert "not valid and was refused" in text and BALANCE not in text


def test_log_out_sticks_although_the_widget_sends_its_token_every_time(conversation):
    token = {"auth_token": issue_token(WANG_REF, IDENTITY_TOKEN_SECRET)}
    conversation.say("check my balance", metadata=token)
    conversation.say("log out", metadata=token)
    assert "logged out" in conversation.text
    conversation.say("check my balance", metadata=token)
    assert BALANCE not in conversation.text and CONSENT_EN in conversation.text
    conversation.say("check my balance", metadata={"auth_token": issue_token(WANG_REF, IDENTITY_TOKEN_SECRET)})
    assert "You logged out in this conversation" in conversation.text and BALANCE not in conversation.text


def test_restart_ends_the_verification(conversation, assistant):
    verified_by_code(conversation, assistant)
    conversation.say("/restart")
    assert "identity check has ended" in conversation.text or "身份核验也已结束" in conversation.text
    conversation.say("what is my balance")
    assert BALANCE not in conversation.text and CONSENT_EN in conversation.text


@pytest.mark.parametrize("headers, status", [
    ({"Content-Type": "text/plain"}, 415),
    ({"Content-Type": "application/x-www-form-urlencoded"}, 415),
    ({"Content-Type": "application/json", "Origin": "http://evil.example"}, 403),
])
def test_the_webhook_refuses_what_a_hostile_page_could_send(assistant, headers, status):
    body = '{"message": "我的身份证号是11010519491231002X"}'
    response = requests.post(assistant.webhook, data=body.encode(), headers=headers, timeout=30)
    assert response.status_code == status and "error" in response.json()


@pytest.mark.parametrize("metadata", ['"a string"', "[1, 2]", "42", '{"auth_token": 7}'])
def test_odd_metadata_still_gets_an_answer_and_is_not_logged(assistant, metadata):
    body = f'{{"message": "我的身份证号是{WANG}，查余额", "metadata": {metadata}}}'
    response = requests.post(assistant.webhook, data=body.encode(), headers={"Content-Type": "application/json"},
                             timeout=60)
    assert response.status_code == 200 and response.json()
    assert WANG not in (assistant.workdir / "rasa.log").read_text(errors="replace")


def test_unreadable_socket_metadata_gets_a_reply(sockets):
    socket = sockets()
    socket.join()
    assert "could not be read" in socket.say("what is my balance", customData="{not json")["text"]


def test_the_health_check_names_no_software_version(assistant):
    response = requests.get(f"http://127.0.0.1:{assistant.rasa_port}/", timeout=10)
    assert response.ok and "rasa" not in response.text.lower() and "3.6" not in response.text


def test_nothing_sensitive_is_stored_or_logged_anywhere(conversation, assistant):
    """After this module's and the identity module's conversations: the tracker store, the application
    database (but the development SMS outbox, which stands for the person's phone) and both logs."""
    token = issue_token(WANG_REF, IDENTITY_TOKEN_SECRET)
    conversation.say(f"我的身份证号是{WANG}，手机 139-0000-1111，令牌 {token}", metadata={"auth_token": token})
    conversation.say(f'/request_balance{{"amount": "{WANG}"}}')
    conversation.say(f"I spent {WANG} yuan")
    with app_db(assistant) as connection:
        codes = {match for (text,) in connection.execute("SELECT text FROM sms_outbox")
                 for match in re.findall(r"\d{6}", text)}
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
                  if name != "sms_outbox"]
        app_rows = [" ".join(map(str, row)) for table in tables for row in connection.execute(f"SELECT * FROM {table}")
                    if table not in ("insured_persons", "alembic_version")]
    with sqlite3.connect(assistant.tracker_db) as connection:
        stored = [data for (data,) in connection.execute("SELECT data FROM events")]
    logs = [(assistant.workdir / name).read_text(errors="replace") for name in ("rasa.log", "actions.log")]
    for place, texts in (("tracker store", stored), ("application database", app_rows), ("logs", logs)):
        everything = "\n".join(texts)
        assert SENSITIVE.findall(everything) == [], f"full ID or phone number in the {place}"
        assert JWT.findall(everything) == [], f"identity token in the {place}"
        assert SEPARATED_PHONE.findall(everything) == [], f"phone number with separators in the {place}"
    user_texts = [re.search(r'"text": "([^"]*)"', data).group(1) for data in stored if '"event": "user"' in data]
    assert not [text for text in user_texts if any(code in text for code in codes)], "a code was stored"
