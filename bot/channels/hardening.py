"""What the Rasa server does once, when the channels are attached to it: refuse to run with development secrets
where they would matter, mask every log record, tell anonymous callers nothing about the software, and check
the action server's replies without re-checking Rasa's schema each time."""
from typing import Any, Dict

from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import settings
from bot.channels.action_results import install_fast_action_result_check
from bot.log_masking import install_log_masking


def harden(app: Sanic) -> None:
    if getattr(app.ctx, "hardened", False):
        return
    app.ctx.hardened = True
    settings.require_production_secrets()
    install_log_masking()
    install_fast_action_result_check()

    @app.on_response
    async def hide_version(request: Request, reply: HTTPResponse) -> HTTPResponse | None:
        # Rasa's "/" answers "Hello from Rasa: <version>": a health check needs no version.
        if request.path == "/":
            return response.json({"status": "ok"}, status=reply.status)
        return None


class HardeningBlueprint(Blueprint):
    """A channel's blueprint that hardens the server it is attached to (mix in before another Blueprint class)."""

    def register(self, app: Sanic, options: Dict[str, Any]) -> None:
        harden(app)
        super().register(app, options)
