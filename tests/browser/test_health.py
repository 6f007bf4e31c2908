"""GET /healthz on the web server, against real servers: 200 with every component's state when the assistant
can serve; 503 naming what is down (the Rasa server, the action server, the database, a configured Redis lock
store) and nothing about where it is."""
import pytest
import requests

from tests.postgres import free_port
from tests.web_process import RunningWebServer

pytestmark = pytest.mark.browser


def health(site) -> requests.Response:
    return requests.get(f"{site.url}/healthz", timeout=10)


def test_everything_up_is_200_with_each_components_state(site):
    reply = health(site)
    assert reply.status_code == 200 and reply.headers["Cache-Control"] == "no-store"
    body = reply.json()
    assert body["status"] == "ok"
    assert set(body["components"]) == {"rasa_server", "action_server", "database"}  # no lock store configured
    assert all(state["ok"] and state["ms"] >= 0 for state in body["components"].values())


def test_nothing_reachable_is_503_and_says_what_without_saying_where(site_without_assistant):
    reply = health(site_without_assistant)
    assert reply.status_code == 503
    body = reply.json()
    assert body["status"] == "unavailable"
    assert {name: state["ok"] for name, state in body["components"].items()} == {
        "rasa_server": False, "action_server": False, "database": False}
    assert "127.0.0.1" not in reply.text and "sqlite" not in reply.text.lower()


def test_a_stopped_action_server_and_lock_store_are_named(tmp_path_factory, assistant):
    """The Rasa server and the database up; the action server and Redis addresses where nothing listens."""
    env = {**assistant.env, "RASA_PORT": str(assistant.rasa_port),
           "ACTION_SERVER_URL": f"http://127.0.0.1:{free_port()}", "REDIS_HOST": "127.0.0.1",
           "REDIS_PORT": str(free_port())}
    server = RunningWebServer(tmp_path_factory.mktemp("web"), free_port(), env).start()
    try:
        reply = health(server)
    finally:
        server.stop()
    assert reply.status_code == 503
    assert {name: state["ok"] for name, state in reply.json()["components"].items()} == {
        "rasa_server": True, "action_server": False, "database": True, "lock_store": False}
