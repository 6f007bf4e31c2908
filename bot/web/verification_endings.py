"""Ending a chat's verified state from outside the chat (the web server shares DATABASE_URL with the assistant).

- POST /chat/end, body: the conversation secret (the widget's `navigator.sendBeacon` when its page goes away).
  Always 204, whether or not the secret opens a conversation: the answer reveals nothing.
- POST /identity/logout, Content-Type: application/json, body {"logout_token": "<JWT>"} (see
  bot.identity.logout_tokens): a host website's server signs one of its sign-in sessions out of the chat.
  200 {"ended": <how many chats it had verified>}, 400 for a bad token, 415 for a body that is not JSON.
"""
import asyncio
import json

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse, empty
from sanic.response import json as json_response

from bot.db.engine import session_scope
from bot.identity import conversation_keys, sessions
from bot.identity.logout_tokens import LogoutTokenRejected, verified_host_session
from bot.web.request_body import read_capped_body

# A secret is about 55 characters and a logout token well under 2 KB: anything far larger is not one.
CHAT_END_BODY_LIMIT = 256
LOGOUT_BODY_LIMIT = 8192


def _end_host_session(host_session: str) -> int:
    with session_scope() as session:
        return len(sessions.end_host_session(session, host_session))


def _end_conversation(conversation_id: str) -> None:
    with session_scope() as session:
        sessions.end_verification(session, conversation_id)


async def end_chats_of_host_session(host_session: str) -> int:
    """Ends every chat verified by identity tokens naming this sign-in session; how many there were."""
    return await asyncio.to_thread(_end_host_session, host_session)


def _is_json(request: Request) -> bool:
    return request.headers.get("content-type", "").split(";")[0].strip().lower() == "application/json"


def _logout_token(body: bytes) -> object:
    try:
        document = json.loads(body)
    except ValueError:
        return None
    return document.get("logout_token") if isinstance(document, dict) else None


def verification_endings_blueprint() -> Blueprint:
    blueprint = Blueprint("verification_endings")

    @blueprint.post("/chat/end", stream=True)
    async def chat_end(request: Request) -> HTTPResponse:
        secret = (await read_capped_body(request, CHAT_END_BODY_LIMIT)).decode("utf-8", errors="replace").strip()
        conversation_id = conversation_keys.conversation_id_for(secret)
        if conversation_id is not None:
            await asyncio.to_thread(_end_conversation, conversation_id)
        return empty(status=204)

    @blueprint.post("/identity/logout", stream=True)
    async def identity_logout(request: Request) -> HTTPResponse:
        if not _is_json(request):
            return json_response({"error": "the body must be application/json"}, status=415)
        try:
            host_session = verified_host_session(_logout_token(await read_capped_body(request, LOGOUT_BODY_LIMIT)))
        except LogoutTokenRejected:
            return json_response({"error": "invalid logout_token"}, status=400)
        return json_response({"ended": await end_chats_of_host_session(host_session)})

    return blueprint
