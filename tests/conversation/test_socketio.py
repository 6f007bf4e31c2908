"""The socket.io channel (used by the website widget) with session persistence, and its size cap."""
import queue

import pytest
import socketio

pytestmark = pytest.mark.conversation


@pytest.fixture
def socket_session(assistant):
    client = socketio.Client(reconnection=False)
    replies = queue.Queue()
    confirmed = queue.Queue()
    client.on("bot_uttered", replies.put)
    client.on("session_confirm", confirmed.put)
    client.connect(f"http://127.0.0.1:{assistant.rasa_port}", socketio_path="/socket.io", transports=["polling"])
    client.emit("session_request", {})
    session_id = confirmed.get(timeout=10)

    def say(text):
        client.emit("user_uttered", {"message": text, "session_id": session_id})
        return replies.get(timeout=60)

    yield say
    client.disconnect()


def test_socketio_replies_with_session_persistence(socket_session):
    reply = socket_session("你好")
    assert "隐私" in reply["text"]
    assert any(b["payload"] == "/ask_balance_channels" for b in reply.get("quick_replies", []))
    assert "Alipay" in socket_session("what are the ways to check the balance")["text"]


def test_socketio_over_long_message_gets_a_polite_reply(socket_session):
    assert "too long" in socket_session("hello " * 400)["text"]


def test_the_empty_message_a_widget_sends_on_opening_gets_the_greeting(socket_session):
    """rasa-webchat (and others) open with an empty message: the first bubble is the greeting, not an error."""
    reply = socket_session("")
    assert "隐私" in reply["text"]
    assert any(b["payload"] == "/ask_balance_channels" for b in reply.get("quick_replies", []))
