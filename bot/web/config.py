"""What the web server needs to know, read from the environment once at start-up (documented in README)."""
import os
from dataclasses import dataclass

from bot import settings


@dataclass(frozen=True)
class WebConfig:
    host: str
    port: int
    rasa_port: int
    # The socket.io server as browsers reach it; None: the page's own host name on rasa_port.
    assistant_url: str | None
    max_message_chars: int
    reply_timeout_seconds: float
    # Set only when the demo sign-in is on: WEB_DEMO_LOGIN=1 and IDENTITY_TOKEN_SECRET given.
    demo_login_secret: str | None

    @classmethod
    def from_environment(cls) -> "WebConfig":
        demo_login_on = os.environ.get("WEB_DEMO_LOGIN") == "1"
        return cls(
            host=os.environ.get("WEB_HOST", "127.0.0.1"),
            port=settings.web_port(),
            rasa_port=int(os.environ.get("RASA_PORT", "5005")),
            assistant_url=os.environ.get("ASSISTANT_URL", "").rstrip("/") or None,
            max_message_chars=settings.max_message_chars(),
            reply_timeout_seconds=float(os.environ.get("WIDGET_REPLY_TIMEOUT_SECONDS", "20")),
            demo_login_secret=settings.identity_token_secret() if demo_login_on else None,
        )

    def assistant_url_for(self, page_host_name: str) -> str:
        """Where the widget on a page served under page_host_name opens its socket.io connection."""
        return self.assistant_url or f"http://{page_host_name}:{self.rasa_port}"
