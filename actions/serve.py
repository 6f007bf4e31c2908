"""Runs the action server on a private interface (127.0.0.1 by default), for the Rasa server only.

Plain `rasa run actions` listens on 0.0.0.0 and answers anyone, who could then post a forged tracker (any
conversation, any slots) and get personal look-ups. So the project starts it through here: every request
but /health must carry `Authorization: Bearer $ACTION_SERVER_TOKEN` (endpoints.yml sends it), and the
server also purges expired records every few minutes (bot.retention).

    python -m actions.serve [--host 127.0.0.1] [--port 5055]
"""
import argparse
import hmac
import logging
import os

from rasa_sdk import utils
from rasa_sdk.endpoint import create_app
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic, response
from sanic.request import Request

from bot import retention, settings
from bot.log_masking import install_log_masking

OPEN_PATHS = ("/health",)


def require_token(app: Sanic, token: str) -> None:
    """Answers 401 to any request but OPEN_PATHS without the right bearer token (compared in constant time)."""
    expected = f"Bearer {token}".encode()

    @app.middleware("request")
    async def check_token(request: Request):
        if request.path in OPEN_PATHS:
            return None
        given = (request.headers.get("Authorization") or "").encode()
        if not hmac.compare_digest(given, expected):
            return response.json({"error": "unauthorized"}, status=401)
        return None


def build_app(token: str) -> Sanic:
    # No CORS: only the Rasa server calls the action server, never a browser.
    app = create_app("actions", cors_origins="")
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    require_token(app, token)
    app.add_task(retention.purge_periodically())
    return app


def main() -> None:
    install_log_masking()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=os.environ.get("ACTION_SERVER_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTION_SERVER_PORT", "5055")))
    args = parser.parse_args()
    settings.require_production_secrets()
    token = settings.action_server_token()
    if not token:
        raise SystemExit("error: ACTION_SERVER_TOKEN must be set: the Rasa server sends it to the action server "
                         "(endpoints.yml), which refuses every call without it")
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("bot").setLevel(logging.INFO)  # e.g. the purge's line per run; libraries stay quiet
    # Each call carries the whole domain and conversation, well over the 64 KB the public Rasa server
    # allows its clients; the action server is private, so it gets its own, larger limit (read by Sanic
    # from the environment when the app is made).
    os.environ["SANIC_REQUEST_MAX_SIZE"] = os.environ.get("ACTION_SERVER_REQUEST_MAX_SIZE", str(16 * 1024 * 1024))
    app = build_app(token)
    app.run(args.host, args.port, workers=utils.number_of_sanic_workers(), access_log=False)


if __name__ == "__main__":
    main()
