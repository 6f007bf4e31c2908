"""What both public channels do with a message before the dialogue sees it.

- The conversation is the one the client's secret opens, never an id the client names; a client without a
  valid secret gets a new conversation and its secret (bot.identity.conversation_keys).
- Client metadata is dropped: only server-made metadata reaches Rasa (bot.message_metadata). An identity token
  in it is checked here, once, and only the outcome is passed on, so no token is ever stored.
- Each client is throttled (bot.client_throttle).
- A message without words of a language is answered in the conversation's language (its stored slot); an
  empty first message of a conversation is taken as a greeting.
"""
import asyncio
import datetime
import functools
import logging
from dataclasses import dataclass
from typing import Any

from rasa.shared.core.events import UserUttered
from sqlalchemy.exc import SQLAlchemyError

from bot.channels.guard import language_of
from bot.client_throttle import ClientThrottle
from bot.db.engine import session_scope
from bot.identity import conversation_keys
from bot.identity.keyed_hash import keyed_hash
from bot.identity.token_sign_in import present_token
from bot.identity.verification_status import verification_status
from bot.identity.tokens import METADATA_KEY
from bot.message_metadata import CLIENT, SERVER_KEY, TOKEN_OUTCOME

logger = logging.getLogger(__name__)
GREETING = "/greet"


@dataclass(frozen=True)
class Conversation:
    secret: str  # what the client must send back to continue
    conversation_id: str


def open_conversation(client_secret: Any) -> Conversation:
    """The conversation the client's secret opens, or a new one when the secret is missing or not ours."""
    conversation_id = conversation_keys.conversation_id_for(client_secret)
    if conversation_id is not None:
        return Conversation(client_secret, conversation_id)
    secret = conversation_keys.issue_secret()
    return Conversation(secret, conversation_keys.conversation_id_for(secret))


def client_key(address: str | None) -> str:
    return keyed_hash(f"client:{address or 'unknown'}")


@functools.lru_cache(maxsize=None)
def throttle() -> ClientThrottle:
    """One per process, shared by both channels, so a client cannot double its share by using both."""
    return ClientThrottle.from_settings()


def identity_token(client_metadata: Any) -> Any:
    return client_metadata.get(METADATA_KEY) if isinstance(client_metadata, dict) else None


async def server_metadata(conversation_id: str, token: Any, client: str) -> dict:
    """The metadata the dialogue gets for this message (and the only metadata Rasa stores)."""
    metadata = {CLIENT: client}
    if token is not None:
        outcome = await asyncio.to_thread(_present_token, conversation_id, token)
        if outcome is not None:
            metadata[TOKEN_OUTCOME] = outcome
    return {SERVER_KEY: metadata}


async def message_in_context(app: Any, conversation_id: str, text: str | None) -> tuple[str | None, str | None]:
    """The text to process and, for a message without words of a language (emoji, digits), the language the
    conversation has been in (its `language` slot) for the replies; None for a new conversation. An empty first
    message of a conversation, which widgets such as rasa-webchat send when they open, is a greeting."""
    if language_of(text):
        return text, None
    agent = getattr(getattr(app, "ctx", None), "agent", None)
    if agent is None or agent.tracker_store is None:
        return text, None
    try:
        tracker = await agent.tracker_store.retrieve(conversation_id)
    except Exception:  # the store being down must not stop the reply that says so
        logger.exception("Could not read the conversation's language")
        return text, None
    language = tracker.get_slot("language") if tracker else None
    has_spoken = tracker is not None and any(isinstance(event, UserUttered) for event in tracker.events)
    if not (text or "").strip() and not has_spoken:
        return GREETING, language
    return text, language


async def current_verification_status(conversation_id: str) -> dict | None:
    """The identity check's state for the widget (bot.identity.verification_status); None when the database
    cannot say, so that the widget keeps what it showed rather than showing a wrong state."""
    return await asyncio.to_thread(_verification_status, conversation_id)


def _verification_status(conversation_id: str) -> dict | None:
    try:
        with session_scope() as session:
            return verification_status(session, conversation_id, datetime.datetime.now(datetime.timezone.utc))
    except SQLAlchemyError:
        logger.warning("Verification state not read: the application database is unavailable")
        return None


def _present_token(conversation_id: str, token: Any) -> str | None:
    try:
        with session_scope() as session:
            return present_token(session, conversation_id, token, datetime.datetime.now(datetime.timezone.utc)).value
    except SQLAlchemyError:
        # A replay racing its original loses on the primary key; an unavailable database verifies nobody.
        logger.warning("Identity token not checked: the application database refused the check")
        return None
