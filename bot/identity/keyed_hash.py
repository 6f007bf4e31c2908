"""Keyed hashes for what must be compared but never read back: verification codes and typed ID numbers."""
import hashlib
import hmac

from bot import settings


def keyed_hash(value: str) -> str:
    return hmac.new(settings.code_hash_key(), value.encode(), hashlib.sha256).hexdigest()
