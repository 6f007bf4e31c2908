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
