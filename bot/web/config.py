"""What the web server needs to know, read from the environment once at start-up (documented in README)."""
import os
from dataclasses import dataclass

from bot import settings


@dataclass(frozen=True)
class WebConfig:
    """WEB_HOST / WEB_PORT: where the pages listen. RASA_PORT and ASSISTANT_URL: where the widget connects.

    WEB_PUBLIC_HOSTS (default "localhost,127.0.0.1"): comma-separated host names browsers reach the pages by.
    The widget's socket URL and the pages' Content-Security-Policy use the request's host name only when it is
    one of them, otherwise the first one: a forged Host header cannot point the widget (and its CSP) elsewhere.
    With ASSISTANT_URL set, the host name does not matter.

    ASSISTANT_INTERNAL_URL (default http://127.0.0.1:<RASA_PORT>): the Rasa server as this server reaches it, for
    the reference page's "which topic would the chat answer" (POST /reference/topic) and GET /healthz.
    ACTION_SERVER_URL (default http://127.0.0.1:5055) and, when a lock store is used, REDIS_HOST / REDIS_PORT
    (default 6379): what GET /healthz checks besides the Rasa server and the database.
    """
    host: str
    port: int
    rasa_port: int
    # The socket.io server as browsers reach it; None: the page's own (public) host name on rasa_port.
    assistant_url: str | None
    assistant_internal_url: str
    action_server_url: str
    lock_store: tuple[str, int] | None  # Redis (host, port), when one is configured
    public_hosts: tuple[str, ...]
    max_message_chars: int
    reply_timeout_seconds: float
    # Set only when the demo sign-in is on: WEB_DEMO_LOGIN=1 and IDENTITY_TOKEN_SECRET given.
    demo_login_secret: str | None

    @classmethod
    def from_environment(cls) -> "WebConfig":
        demo_login_on = os.environ.get("WEB_DEMO_LOGIN") == "1"
        public_hosts = tuple(name.strip().lower() for name in
                             (os.environ.get("WEB_PUBLIC_HOSTS") or "localhost,127.0.0.1").split(",") if name.strip())
        if not public_hosts:
            raise ValueError("WEB_PUBLIC_HOSTS names no host name")
        rasa_port = int(os.environ.get("RASA_PORT", "5005"))
        return cls(
            host=os.environ.get("WEB_HOST", "127.0.0.1"),
            port=settings.web_port(),
            rasa_port=rasa_port,
            assistant_url=os.environ.get("ASSISTANT_URL", "").rstrip("/") or None,
            assistant_internal_url=(os.environ.get("ASSISTANT_INTERNAL_URL", "").rstrip("/")
                                    or f"http://127.0.0.1:{rasa_port}"),
            action_server_url=os.environ.get("ACTION_SERVER_URL", "").rstrip("/") or "http://127.0.0.1:5055",
            lock_store=((os.environ["REDIS_HOST"], int(os.environ.get("REDIS_PORT") or 6379))
                        if os.environ.get("REDIS_HOST") else None),
            public_hosts=public_hosts,
            max_message_chars=settings.max_message_chars(),
            reply_timeout_seconds=float(os.environ.get("WIDGET_REPLY_TIMEOUT_SECONDS", "20")),
            demo_login_secret=settings.identity_token_secret() if demo_login_on else None,
        )

    def public_host_name(self, requested_host_name: str) -> str:
        """The request's host name if it is a configured one, else the first configured one."""
        name = requested_host_name.lower()
        return name if name in self.public_hosts else self.public_hosts[0]

    def assistant_url_for(self, requested_host_name: str) -> str:
        """Where the widget on a page requested under requested_host_name opens its socket.io connection."""
        return self.assistant_url or f"http://{self.public_host_name(requested_host_name)}:{self.rasa_port}"
