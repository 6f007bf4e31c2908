"""The REST channel, POST /webhooks/rest/webhook, behind the assistant's input guard.

Protocol (README, "Talking to the assistant over REST"):
    request   Content-Type: application/json  {"message": "...", "sender": "<conversation secret>"}
    response  200 [{"recipient_id": ..., "text": ..., "buttons": [...]}, ...]
              with the header X-Conversation-Secret: the secret to send as "sender" next time.
A missing, unknown or client-made "sender" starts a new conversation; POST /webhooks/rest/session returns
{"sender": "<secret>"} for a client that wants its secret before the first message. Only JSON is accepted (a browser page on
another site cannot post it without a CORS preflight, which this server never grants), and a browser's Origin
must be one of ALLOWED_ORIGINS, as on socket.io.
"""
import json
import logging
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import settings
from bot.channels import incoming
from bot.channels.guard import guarded, language_of
from bot.channels.hardening import HardeningBlueprint
from bot.service_messages import busy_reply

SECRET_HEADER = "X-Conversation-Secret"
logger = logging.getLogger(__name__)


def _error(status: int, problem: str) -> HTTPResponse:
    return response.json({"error": problem}, status=status)


def _request_body(request: Request) -> dict | HTTPResponse:
    """The JSON object posted, or the error response that says why there is none."""
    if request.content_type.split(";")[0].strip().lower() != "application/json":
        return _error(415, "Send the message as JSON: Content-Type: application/json.")
    origin = request.headers.get("origin")
    if origin is not None and origin not in settings.allowed_origins():
        return _error(403, "This page's origin may not use the assistant.")
    try:
        body = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError):
        return _error(400, "The body is not valid JSON.")
    if not isinstance(body, dict) or not isinstance(body.get("message", ""), (str, type(None))):
        return _error(400, 'Send a JSON object: {"message": "...", "sender": "<conversation secret>"}.')
    return body


class GuardedRestInput(RestInput):
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        handle = guarded(on_new_message)
        webhook = HardeningBlueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/session", methods=["POST"])
        async def new_session(_: Request) -> HTTPResponse:
            """A secret for a conversation that has not started yet (the command-line client asks first)."""
            return response.json({"sender": incoming.open_conversation(None).secret})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            body = _request_body(request)
            if isinstance(body, HTTPResponse):
                return body
            text = body.get("message")
            conversation = incoming.open_conversation(body.get("sender"))
            headers = {SECRET_HEADER: conversation.secret}
            client = incoming.client_key(request.remote_addr or request.ip)
            wait = incoming.throttle().try_start(client)
            if wait is not None:
                reply = {"recipient_id": conversation.secret, "text": busy_reply(wait, language_of(text))}
                return response.json([reply], status=429, headers={**headers, "Retry-After": str(round(wait))})
            try:
                metadata = await incoming.server_metadata(
                    conversation.conversation_id, incoming.identity_token(body.get("metadata")), client)
                collector = CollectingOutputChannel()
                text, earlier_language = await incoming.message_in_context(
                    request.app, conversation.conversation_id, text)
                await handle(UserMessage(text, collector, conversation.conversation_id, input_channel=self.name(),
                                         metadata=metadata), earlier_language)
            except Exception:  # the guard has already told the user; the client still gets its replies
                logger.exception("A REST message could not be processed")
            finally:
                incoming.throttle().finish(client)
            # The client knows its conversation by its secret, never by the internal id.
            messages = [dict(message, recipient_id=conversation.secret) for message in collector.messages]
            return response.json(messages, headers=headers)

        return webhook
