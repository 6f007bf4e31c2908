"""The socket.io channel (for the website widget) behind the assistant's input guard, open only to the
project's own web pages (ALLOWED_ORIGINS)."""
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot import settings
from bot.channels.guard import guarded

# A socket.io packet carries one message plus metadata; anything far above the message limit is an abuse.
_BYTES_PER_CHARACTER = 4
_METADATA_ALLOWANCE_BYTES = 16_384


class GuardedSocketIOInput(SocketIOInput):
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(guarded(on_new_message))
        # engine.io accepts 1 MB packets by default; cap them near the message limit.
        self.sio.eio.max_http_buffer_size = (
            settings.max_message_chars() * _BYTES_PER_CHARACTER + _METADATA_ALLOWANCE_BYTES
        )
        # Rasa turns engine.io's origin check off (an empty list); a browser page on any other site must not
        # chat in its visitors' name. Clients that send no Origin header (scripts, `make shell`) are unaffected.
        self.sio.eio.cors_allowed_origins = settings.allowed_origins()
        return blueprint
