"""A socket.io server that confirms the widget's sessions and never answers, for the widget's no-reply message.

It confirms sessions as the assistant does: a secret it issued is confirmed as it is, anything else (none, made
up, unknown) gets a new one.
"""
import asyncio
import secrets
import threading

import socketio
from aiohttp import web


class SilentAssistant:
    def __init__(self, port: int, allowed_origin: str):
        self.port = port
        self.server = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins=[allowed_origin])
        self.server.on("session_request", self._confirm_session)
        self.loop = asyncio.new_event_loop()
        self.runner = None
        self.issued = set()

    async def _confirm_session(self, sid: str, data: dict) -> None:
        secret = data.get("session_id")
        if secret not in self.issued:
            secret = f"silent.{secrets.token_urlsafe(24)}"
            self.issued.add(secret)
        await self.server.emit("session_confirm", secret, room=sid)

    async def _serve(self) -> None:
        app = web.Application()
        self.server.attach(app)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    def start(self) -> "SilentAssistant":
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        asyncio.run_coroutine_threadsafe(self._serve(), self.loop).result(timeout=30)
        return self

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(timeout=30)
        self.loop.call_soon_threadsafe(self.loop.stop)
