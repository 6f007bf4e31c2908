"""Values the browser keeps for the server and cannot change: "value.MAC", an HMAC-SHA256 under a server key.

The purpose goes into the MAC, so a value signed for one use (the demo sign-in cookie) is no good for another.
"""
import base64
import hashlib
import hmac


def _mac(value: str, key: str, purpose: str) -> str:
    digest = hmac.new(key.encode(), f"{purpose}:{value}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def sign(value: str, key: str, purpose: str) -> str:
    return f"{value}.{_mac(value, key, purpose)}"


def verified_value(signed: str, key: str, purpose: str) -> str | None:
    """The value, if signed with key for purpose; None if changed, forged or missing."""
    value, _, mac = signed.rpartition(".")
    # Bytes: compare_digest refuses non-ASCII strings, and a cookie may hold anything.
    genuine = hmac.compare_digest(mac.encode(), _mac(value, key, purpose).encode())
    return value if value and genuine else None
