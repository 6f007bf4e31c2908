"""Serves the web pages: python -m bot.web (host WEB_HOST, port WEB_PORT; see README "Web pages")."""
import sys

from bot import settings
from bot.log_masking import install_log_masking
from bot.web.app import VENDOR_DIR, create_app
from bot.web.config import WebConfig


def main() -> None:
    install_log_masking()  # first: Sanic's log handlers are made with the app
    settings.require_production_secrets()  # it maps conversation secrets and signs demo sign-ins
    if not (VENDOR_DIR / "socket.io.min.js").is_file():
        sys.exit("web/node_modules is missing: run `make run`, or `npm ci` in web/.")
    config = WebConfig.from_environment()
    shown_host = "localhost" if config.host in ("127.0.0.1", "0.0.0.0") else config.host
    print(f"==> Web pages: http://{shown_host}:{config.port}/ (demo site with the chat widget), "
          f"http://{shown_host}:{config.port}/reference (counter staff's answer reference)", flush=True)
    create_app(config).run(host=config.host, port=config.port, access_log=False)


if __name__ == "__main__":
    main()
