"""The socket.io channel for the website widget, behind the assistant's input guard, open only to the project's
own web pages (ALLOWED_ORIGINS).

Protocol (compatible with Rasa's and rasa-webchat's): the client emits `session_request` with the secret it
kept, if any ({"session_id": secret}); the server answers `session_confirm` with the secret to use, a new one
unless the client's was issued here. A socket speaks and listens only in the conversation it was confirmed
for: the `session_id` a message names is ignored, so knowing someone's id gives nothing.

After each confirmation and each message the server also emits `verification_status` (see
bot.identity.verification_status) for the widget's "verified as" badge and idle warning; other clients ignore it.
"""
import json
import logging
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot import settings
from bot.channels import incoming
from bot.channels.guard import guarded, language_of
from bot.channels.hardening import HardeningBlueprint
from bot.service_messages import busy_reply, unreadable_metadata_reply

logger = logging.getLogger(__name__)

# A socket.io packet carries one message plus metadata; anything far above the message limit is an abuse.
_BYTES_PER_CHARACTER = 4
_METADATA_ALLOWANCE_BYTES = 16_384
VERIFICATION_EVENT = "verification_status"


class _HardenedSocketBlueprint(HardeningBlueprint, SocketBlueprint):
    pass


class GuardedSocketIOInput(SocketIOInput):
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        handle = guarded(on_new_message)
        # Rasa turns engine.io's origin check off; a browser page on any other site must not chat in its visitors'
        # name. Clients that send no Origin header (scripts) are unaffected. engine.io accepts 1 MB packets by
        # default; they are capped near the message limit.
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=settings.allowed_origins(),
                          max_http_buffer_size=settings.max_message_chars() * _BYTES_PER_CHARACTER
                          + _METADATA_ALLOWANCE_BYTES)
        self.sio = sio  # Rasa's get_output_channel reads it
        webhook = _HardenedSocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        conversation_of_socket: Dict[str, incoming.Conversation] = {}
        client_of_socket: Dict[str, str] = {}
        server: Dict[str, Any] = {}  # the Sanic app, known from the first connection's request

        async def report_verification(conversation_id: str) -> None:
            status = await incoming.current_verification_status(conversation_id)
            if status is not None:
                await sio.emit(VERIFICATION_EVENT, status, room=conversation_id, namespace=self.namespace)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: str, environ: Dict, auth: Any = None) -> bool:
            request = environ.get("sanic.request")
            if request is not None:
                server["app"] = request.app
            client_of_socket[sid] = incoming.client_key(request.remote_addr or request.ip if request else None)
            return True

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: str, *_: Any) -> None:
            conversation_of_socket.pop(sid, None)
            client_of_socket.pop(sid, None)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any = None) -> None:
            kept = data.get("session_id") if isinstance(data, dict) else None
            conversation = incoming.open_conversation(kept)
            previous = conversation_of_socket.get(sid)
            if previous is not None and previous.conversation_id != conversation.conversation_id:
                await sio.leave_room(sid, previous.conversation_id, namespace=self.namespace)
            conversation_of_socket[sid] = conversation
            # Replies go to the conversation's room, so every tab holding the secret sees them.
            await sio.enter_room(sid, conversation.conversation_id, namespace=self.namespace)
            await sio.emit("session_confirm", conversation.secret, room=sid, namespace=self.namespace)
            await report_verification(conversation.conversation_id)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any = None) -> None:
            conversation = conversation_of_socket.get(sid)
            if conversation is None or not isinstance(data, dict):
                logger.info("socket.io message before session_request, or not an object: ignored")
                return
            output = SocketIOOutput(sio, self.bot_message_evt)
            text = data.get("message") if isinstance(data.get("message"), str) else None
            client_metadata = data.get(self.metadata_key)
            if isinstance(client_metadata, str):
                try:
                    client_metadata = json.loads(client_metadata)
                except ValueError:
                    await output.send_text_message(conversation.conversation_id,
                                                   unreadable_metadata_reply(language_of(text)))
                    return
            client = client_of_socket.get(sid) or incoming.client_key(None)
            wait = incoming.throttle().try_start(client)
            if wait is not None:
                await sio.emit(self.bot_message_evt, {"text": busy_reply(wait, language_of(text))}, room=sid,
                               namespace=self.namespace)
                return
            try:
                metadata = await incoming.server_metadata(
                    conversation.conversation_id, incoming.identity_token(client_metadata), client)
                text, earlier_language = await incoming.message_in_context(
                    server.get("app"), conversation.conversation_id, text)
                await handle(UserMessage(text, output, conversation.conversation_id, input_channel=self.name(),
                                         metadata=metadata), earlier_language)
            finally:
                incoming.throttle().finish(client)
            await report_verification(conversation.conversation_id)

        return webhook
