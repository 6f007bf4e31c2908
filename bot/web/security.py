"""Security headers of every page: scripts, styles, images and fonts only from this server, and connections
only to it and to the assistant's socket.io server (so nothing can load from a CDN, and an injected script
could not send anything elsewhere)."""
from typing import Dict
from urllib.parse import urlsplit


def websocket_origin(http_url: str) -> str:
    """ws://host:port for http://host:port/…, wss:// for https:// (CSP needs the websocket form spelled out)."""
    parts = urlsplit(http_url)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}"


def security_headers(assistant_url: str) -> Dict[str, str]:
    policy = "; ".join([
        "default-src 'self'",
        f"connect-src 'self' {assistant_url} {websocket_origin(assistant_url)}",
        "img-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
    }
