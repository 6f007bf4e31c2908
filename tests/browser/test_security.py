"""What the public can reach: the channel webhooks only, socket.io only from the project's own pages, and
pages that load nothing from elsewhere."""
import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import websockets

from tests.assistant_process import ROOT

pytestmark = pytest.mark.browser

FOREIGN_ORIGIN = "http://attacker.example"


def engineio_url(assistant, transport: str) -> str:
    scheme = "ws" if transport == "websocket" else "http"
    return f"{scheme}://127.0.0.1:{assistant.rasa_port}/socket.io/?EIO=4&transport={transport}"


def polling_handshake(assistant, origin: str) -> requests.Response:
    return requests.get(engineio_url(assistant, "polling"), headers={"Origin": origin}, timeout=10)


async def _websocket_handshake(assistant, origin: str) -> str:
    async with websockets.connect(engineio_url(assistant, "websocket"), origin=origin) as socket:
        return await asyncio.wait_for(socket.recv(), timeout=10)


def websocket_handshake(assistant, origin: str) -> str:
    """The server's first websocket message. In a thread of its own: Playwright's event loop runs in this one."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, _websocket_handshake(assistant, origin)).result()


def test_socketio_accepts_the_pages_origins(assistant, web_port):
    for origin in (f"http://127.0.0.1:{web_port}", f"http://localhost:{web_port}"):
        response = polling_handshake(assistant, origin)
        assert response.status_code == 200
        assert response.headers["Access-Control-Allow-Origin"] == origin
        assert websocket_handshake(assistant, origin).startswith("0{")  # engine.io "open"


def test_socketio_refuses_other_origins_on_both_transports(assistant):
    response = polling_handshake(assistant, FOREIGN_ORIGIN)
    assert response.status_code == 400
    assert "Access-Control-Allow-Origin" not in response.headers
    with pytest.raises(websockets.exceptions.InvalidStatusCode):
        websocket_handshake(assistant, FOREIGN_ORIGIN)


def test_rasa_http_api_is_off(assistant):
    base = f"http://127.0.0.1:{assistant.rasa_port}"
    assert requests.get(f"{base}/status", timeout=10).status_code == 404
    assert requests.post(f"{base}/model/parse", json={"text": "hi"}, timeout=10).status_code == 404
    assert requests.get(f"{base}/conversations/someone/tracker", timeout=10).status_code == 404
    assert "--enable-api" not in (ROOT / "scripts" / "run.sh").read_text()


def test_pages_send_security_headers(site, assistant):
    headers = requests.get(f"{site.url}/reference", timeout=10).headers
    assistant_origin = f"127.0.0.1:{assistant.rasa_port}"
    assert (f"connect-src 'self' http://{assistant_origin} ws://{assistant_origin};"
            in headers["Content-Security-Policy"])
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_demo_sign_in_is_off_unless_switched_on(site_without_assistant):
    assert requests.post(f"{site_without_assistant.url}/demo/login", data={"person": "zhangwei"},
                         timeout=10).status_code == 404
    assert "/demo/login" not in requests.get(site_without_assistant.url, timeout=10).text


def test_demo_sign_in_refuses_unknown_people(site):
    assert requests.post(f"{site.url}/demo/login", data={"person": "nobody"}, timeout=10,
                         allow_redirects=False).status_code == 400
