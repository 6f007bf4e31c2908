"""Configuration read from the environment, with defaults for a single machine (documented in README)."""
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def database_url() -> str:
    """The application database; the same SQLite file as the tracker store unless DATABASE_URL says otherwise."""
    default = f"sqlite:///{PROJECT_ROOT / 'var' / 'assistant.db'}"
    return os.environ.get("DATABASE_URL", default)


def max_message_chars() -> int:
    """Longest user message the assistant reads; longer ones get a polite reply and skip the models."""
    return int(os.environ.get("MAX_MESSAGE_CHARS", "1000"))


def conversation_retention_days() -> int:
    """How long conversations stay in the tracker store before the purge deletes them."""
    return int(os.environ.get("CONVERSATION_RETENTION_DAYS", "30"))


def identity_token_secret() -> str | None:
    """Shared secret (HS256) of host websites that pass a signed identity token in message metadata."""
    return os.environ.get("IDENTITY_TOKEN_SECRET") or None


def identity_token_public_key() -> str | None:
    """PEM public key (RS256/ES256) of host websites that sign identity tokens with a private key."""
    return os.environ.get("IDENTITY_TOKEN_PUBLIC_KEY") or None


def sms_backend() -> str:
    """"outbox" (development: messages go to the sms_outbox table) or "http" (a production SMS gateway)."""
    return os.environ.get("SMS_BACKEND", "outbox")


def sms_gateway_url() -> str | None:
    return os.environ.get("SMS_GATEWAY_URL") or None


def sms_gateway_token() -> str | None:
    return os.environ.get("SMS_GATEWAY_TOKEN") or None


def code_hash_key() -> bytes:
    """Key for hashing verification codes and ID numbers at rest. The development default is not secret:
    production sets CODE_HASH_KEY so a copy of the database alone cannot be brute-forced."""
    return os.environ.get("CODE_HASH_KEY", "development-only-key").encode()


def web_port() -> int:
    """Port of the web pages: the demo site with the chat widget and the staff reference page."""
    return int(os.environ.get("WEB_PORT", "8000"))


def allowed_origins() -> list[str]:
    """Web pages allowed to open the socket.io channel; browsers on any other origin are refused."""
    default = f"http://localhost:{web_port()},http://127.0.0.1:{web_port()}"
    return [origin.strip() for origin in os.environ.get("ALLOWED_ORIGINS", default).split(",") if origin.strip()]


def load_demo_data() -> bool:
    """Whether `python -m bot.db.schema` adds the fictional demo people; set LOAD_DEMO_DATA=false in production."""
    return os.environ.get("LOAD_DEMO_DATA", "true").lower() not in ("false", "0", "no")
