"""What the public can reach: the channel webhooks only, socket.io only from the project's own pages, pages
that load nothing from elsewhere and point nowhere else whatever the Host header says, a demo sign-in nobody
can forge, and error pages that tell nothing about the server."""
import asyncio
import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import websockets

from bot.db.demo_data import DEMO_PEOPLE
from bot.identity import conversation_keys
from bot.web import demo_login
from tests.assistant_process import ROOT
from tests.browser.demo_site import page_token, page_token_claims, signed_in_client

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


def test_a_forged_host_header_cannot_point_the_widget_elsewhere(site, assistant):
    configured = f"http://localhost:{assistant.rasa_port}"  # the first of WEB_PUBLIC_HOSTS
    for forged in ("attacker.example", "attacker.example:8000", "localhost.attacker.example"):
        response = requests.get(site.url, headers={"Host": forged}, timeout=10)
        assert f'data-socket-url="{configured}"' in response.text
        policy = response.headers["Content-Security-Policy"]
        assert "attacker" not in policy and f"connect-src 'self' {configured} ws://localhost:" in policy


def test_a_configured_host_name_is_kept(site, assistant):
    response = requests.get(site.url, headers={"Host": f"LOCALHOST:{site.port}"}, timeout=10)
    assert f'data-socket-url="http://localhost:{assistant.rasa_port}"' in response.text


def test_directory_urls_are_not_found(site):
    for path in ("/static/", "/vendor/", "/static", "/static/../bot/settings.py", "/static/%2e%2e/bot/settings.py"):
        response = requests.get(site.url + path, timeout=10)
        assert response.status_code == 404, path
        assert response.text == "404 Not Found"


def test_an_unexpected_error_is_a_plain_500_page(site_without_assistant):
    """Its database cannot be opened: ending a genuine conversation's verification fails."""
    response = requests.post(f"{site_without_assistant.url}/chat/end", data=conversation_keys.issue_secret(),
                             timeout=10)
    assert response.status_code == 500
    assert response.text == "500 Internal Server Error"
    assert response.headers["Content-Type"].startswith("text/plain")
    assert "Server" not in response.headers


def test_the_demo_sign_in_names_the_person_by_reference_and_a_host_session(site):
    client = signed_in_client(site, "wangxiuying")
    page = client.get(site.url, timeout=10).text
    assert "已登录（演示）：王秀英" in page
    claims = page_token_claims(page)
    wang = next(person for person in DEMO_PEOPLE if person.name_en == "Wang Xiuying")
    assert claims["sub"] == wang.subject_ref and wang.id_number not in page
    assert len(claims["sid"]) >= 32 and claims["sid"] in client.cookies[demo_login.COOKIE]
    assert datetime.timedelta(seconds=claims["exp"] - claims["iat"]) == datetime.timedelta(minutes=5)
    # Each page carries a fresh token of the same sign-in.
    again = page_token_claims(client.get(site.url, timeout=10).text)
    assert again["jti"] != claims["jti"] and again["sid"] == claims["sid"]
    # Signing in again opens another host session.
    second_sign_in = signed_in_client(site, "wangxiuying").get(site.url, timeout=10).text
    assert page_token_claims(second_sign_in)["sid"] != claims["sid"]


def signed_out(site, cookie_value: str) -> bool:
    page = requests.get(site.url, cookies={demo_login.COOKIE: cookie_value}, timeout=10).text
    return page_token(page) == "" and "已登录（演示）" not in page


def test_a_changed_or_made_up_sign_in_cookie_is_signed_out(site):
    genuine = signed_in_client(site, "liufang").cookies[demo_login.COOKIE]
    person, host_session, mac = genuine.split(".")
    assert not signed_out(site, genuine)
    for forged in ("zhangwei", f"zhangwei.{host_session}.{mac}", f"{person}.{host_session}x.{mac}",
                   f"{person}.{host_session}.{mac[:-1]}", f"{person}.{host_session}", "\u00e9.x.y"):
        assert signed_out(site, forged), forged
