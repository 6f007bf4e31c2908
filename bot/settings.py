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


# Development values of the keys, public in this repository: refused by require_production_secrets.
DEVELOPMENT_KEYS = {"CODE_HASH_KEY": "development-only-key", "SESSION_SECRET_KEY": "development-only-session-key"}


def _key(name: str) -> bytes:
    return (os.environ.get(name) or DEVELOPMENT_KEYS[name]).encode()


def code_hash_key() -> bytes:
    """Key for hashing verification codes and ID numbers at rest. The development default is not secret:
    production sets CODE_HASH_KEY so a copy of the database alone cannot be brute-forced."""
    return _key("CODE_HASH_KEY")


def session_secret_key() -> bytes:
    """Key that signs conversation secrets and derives conversation ids from them (bot.identity.conversation_keys).
    Every Rasa server and web server of one deployment shares it; `make run` makes a random one."""
    return _key("SESSION_SECRET_KEY")


def action_server_token() -> str | None:
    """Shared secret the Rasa server sends to the action server (Authorization: Bearer, endpoints.yml)."""
    return os.environ.get("ACTION_SERVER_TOKEN") or None


def is_deployment() -> bool:
    """Real text messages or no demo people: not a local demo, so its secrets must be its own."""
    return sms_backend() != "outbox" or not load_demo_data()


def require_production_secrets() -> None:
    """Exits with a one-line error naming the variable when a deployment still uses a development key.

    Called before a server starts and before the schema is set up (hashes made with a public key would stay).
    """
    if not is_deployment():
        return
    for name, development_value in DEVELOPMENT_KEYS.items():
        if _key(name) == development_value.encode():
            raise SystemExit(f"error: {name} must be set to a long random value of this deployment: its development "
                             "default is refused when SMS_BACKEND is not outbox or LOAD_DEMO_DATA is false")


def client_limits() -> dict:
    """The public channels' per-client limits (bot.client_throttle), from CLIENT_* variables."""
    return {
        "max_in_progress_per_client": int(os.environ.get("CLIENT_MAX_IN_PROGRESS", "2")),
        "messages_per_minute": int(os.environ.get("CLIENT_MESSAGES_PER_MINUTE", "60")),
        "burst": int(os.environ.get("CLIENT_MESSAGE_BURST", "10")),
        "max_in_progress_total": int(os.environ.get("SERVER_MAX_IN_PROGRESS", "32")),
    }


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
