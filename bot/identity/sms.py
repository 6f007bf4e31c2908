"""Sending text messages: a development outbox table, or a production HTTP gateway chosen by SMS_BACKEND."""
from typing import Protocol

import requests
from sqlalchemy.orm import Session

from bot import settings
from bot.db.models import SmsOutbox


class SmsSender(Protocol):
    def send(self, phone: str, text: str) -> None: ...


class OutboxSender:
    """Development backend: the message lands in sms_outbox; `make sms-outbox` prints the latest ones."""

    def __init__(self, session: Session):
        self.session = session

    def send(self, phone: str, text: str) -> None:
        self.session.add(SmsOutbox(phone=phone, text=text))


class HttpGatewaySender:
    """Production backend: POSTs {"phone", "text"} as JSON to SMS_GATEWAY_URL with a bearer token."""

    def __init__(self, url: str, token: str | None):
        self.url = url
        self.token = token

    def send(self, phone: str, text: str) -> None:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        response = requests.post(self.url, json={"phone": phone, "text": text}, headers=headers, timeout=10)
        response.raise_for_status()


def configured_sender(session: Session) -> SmsSender:
    backend = settings.sms_backend()
    if backend == "outbox":
        return OutboxSender(session)
    if backend == "http":
        url = settings.sms_gateway_url()
        if not url:
            raise RuntimeError("SMS_BACKEND=http needs SMS_GATEWAY_URL")
        return HttpGatewaySender(url, settings.sms_gateway_token())
    raise RuntimeError(f"Unknown SMS_BACKEND {backend!r}: use 'outbox' or 'http'")
