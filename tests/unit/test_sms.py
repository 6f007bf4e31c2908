"""The SMS backends: the development outbox and an HTTP gateway (a real local HTTP server here)."""
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import requests
from sqlalchemy import select

from bot.db.engine import session_scope
from bot.db.models import SmsOutbox
from bot.identity.outbox import latest_messages
from bot.identity.sms import HttpGatewaySender, OutboxSender, configured_sender


@pytest.fixture
def gateway():
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            received.append((self.headers["Authorization"], body))
            self.send_response(500 if body["phone"] == "fail" else 200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/send", received
    server.shutdown()


def test_http_gateway_receives_phone_text_and_token(gateway):
    url, received = gateway
    HttpGatewaySender(url, "gateway-token").send("13812345678", "code 123456")
    assert received == [("Bearer gateway-token", {"phone": "13812345678", "text": "code 123456"})]


def test_http_gateway_failure_is_raised(gateway):
    url, _ = gateway
    with pytest.raises(requests.HTTPError):
        HttpGatewaySender(url, None).send("fail", "x")


def test_backend_is_chosen_by_configuration(engine, monkeypatch):
    with session_scope(engine) as session:
        assert isinstance(configured_sender(session), OutboxSender)
        monkeypatch.setenv("SMS_BACKEND", "http")
        monkeypatch.setenv("SMS_GATEWAY_URL", "http://127.0.0.1:1/send")
        assert isinstance(configured_sender(session), HttpGatewaySender)
        monkeypatch.delenv("SMS_GATEWAY_URL")
        with pytest.raises(RuntimeError, match="SMS_GATEWAY_URL"):
            configured_sender(session)
        monkeypatch.setenv("SMS_BACKEND", "carrier-pigeon")
        with pytest.raises(RuntimeError, match="outbox"):
            configured_sender(session)


def test_outbox_command_prints_latest_messages_with_masked_phones(engine, database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    with session_scope(engine) as session:
        for n in range(3):
            OutboxSender(session).send("13812345678", f"message {n}")
    lines = latest_messages(2)
    assert [line.split("  ")[-1] for line in lines] == ["message 1", "message 2"]
    assert all("to 138****5678" in line and "13812345678" not in line for line in lines)
    with session_scope(engine) as session:
        assert len(session.scalars(select(SmsOutbox)).all()) == 3
