"""Conversation secrets: the only thing that lets a client speak in a conversation.

The server issues a random secret to each new client (REST response header, socket.io `session_confirm`)
and derives the conversation id from it with a keyed hash. A client-chosen id, an old id read from a log or
the tracker store, or a guess never reaches an existing conversation: only the holder of the secret does.
"""
import base64
import hashlib
import hmac
import re
import secrets

from bot import settings

PREFIX = "s1."
_RANDOM_BYTES = 24
_TAG_BYTES = 12
_SHAPE = re.compile(r"s1\.([A-Za-z0-9_-]{32})\.([A-Za-z0-9_-]{16})")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _mac(purpose: str, value: str) -> bytes:
    return hmac.new(settings.session_secret_key(), f"{purpose}:{value}".encode(), hashlib.sha256).digest()


def issue_secret() -> str:
    random_part = _b64(secrets.token_bytes(_RANDOM_BYTES))
    return f"{PREFIX}{random_part}.{_b64(_mac('session', random_part)[:_TAG_BYTES])}"


def conversation_id_for(secret: object) -> str | None:
    """The conversation a secret opens; None unless this server issued it."""
    match = _SHAPE.fullmatch(secret) if isinstance(secret, str) else None
    if match is None:
        return None
    random_part, tag = match.groups()
    if not hmac.compare_digest(tag, _b64(_mac("session", random_part)[:_TAG_BYTES])):
        return None
    return "c-" + _mac("conversation", random_part).hex()[:32]
