"""The real action server process: only the Rasa server, holding ACTION_SERVER_TOKEN, may call it."""
import os
import subprocess
import sys
import time

import pytest
import requests

from bot.db.schema import upgrade_to_newest
from bot.local_secrets import NAMES
from tests.assistant_process import ROOT, TEST_SECRETS, RunningAssistant

TOKEN = TEST_SECRETS["ACTION_SERVER_TOKEN"]


@pytest.fixture(scope="module")
def action_server(tmp_path_factory):
    assistant = RunningAssistant(tmp_path_factory.mktemp("actions"))
    upgrade_to_newest(assistant.database_url)
    assistant.start_action_server()
    yield assistant
    assistant.stop()


def forged_call(action="action_personal_service"):
    """What an attacker posted: a made-up tracker of someone's verified conversation, consent skipped."""
    tracker = {"sender_id": "c-someone-verified", "slots": {"language": "en", "identity_step": None},
               "latest_message": {"text": "balance", "intent": {"name": "request_balance"}, "entities": []},
               "events": [], "paused": False, "followup_action": None, "active_loop": {},
               "latest_action_name": "action_listen"}
    return {"next_action": action, "sender_id": tracker["sender_id"], "tracker": tracker, "domain": {},
            "version": "3.6.2"}


def post(server, headers):
    return requests.post(f"http://127.0.0.1:{server.action_port}/webhook", json=forged_call(), headers=headers,
                         timeout=30)


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong-token"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Bearer {TOKEN}x"}])
def test_a_call_without_the_right_token_gets_401(action_server, headers):
    response = post(action_server, headers)
    assert response.status_code == 401 and "events" not in response.text


def test_the_list_of_actions_is_closed_too(action_server):
    assert requests.get(f"http://127.0.0.1:{action_server.action_port}/actions", timeout=10).status_code == 401


def test_the_rasa_server_with_the_token_is_served_and_health_stays_open(action_server):
    response = post(action_server, {"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200 and "separate consent" in response.json()["responses"][0]["text"]
    assert requests.get(f"http://127.0.0.1:{action_server.action_port}/health", timeout=10).status_code == 200


def test_the_action_server_purges_on_its_own_schedule(action_server):
    log = action_server.workdir / "actions.log"
    deadline = time.monotonic() + 30
    while "Retention: deleted conversations 0, sms_outbox 0" not in log.read_text():
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.5)


def refusal(**environment) -> tuple[int, str]:
    """The exit status and the last line of stderr (above it: libraries' deprecation warnings)."""
    env = {**{k: v for k, v in os.environ.items() if k not in NAMES}, **environment}
    refused = subprocess.run([sys.executable, "-m", "actions.serve", "--port", "9"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=120)
    return refused.returncode, refused.stderr.strip().splitlines()[-1]


def test_it_refuses_to_start_without_a_token():
    status, error = refusal()
    assert status != 0 and error.startswith("error: ACTION_SERVER_TOKEN must be set")


def test_a_deployment_refuses_to_start_with_the_development_key():
    status, error = refusal(ACTION_SERVER_TOKEN=TOKEN, SMS_BACKEND="http", SESSION_SECRET_KEY="s" * 43)
    assert status != 0 and error.startswith("error: CODE_HASH_KEY must be set")


@pytest.mark.parametrize("endpoints_file", ["endpoints.yml", "deploy/endpoints.postgres.yml"])
def test_the_endpoints_files_send_the_token_and_fill_in_every_variable(monkeypatch, endpoints_file):
    from rasa.utils.endpoints import read_endpoint_config

    deployment = {"ACTION_SERVER_TOKEN": TOKEN, "ACTION_SERVER_URL": "http://10.0.0.5:5055/webhook",
                  "POSTGRES_HOST": "db", "POSTGRES_PORT": "5432", "POSTGRES_DB": "assistant", "POSTGRES_USER": "rasa",
                  "POSTGRES_PASSWORD": "pw", "REDIS_HOST": "redis", "REDIS_PORT": "6379"}
    for name, value in deployment.items():
        monkeypatch.setenv(name, value)
    path = str(ROOT / endpoints_file)
    assert read_endpoint_config(path, "action_endpoint").headers == {"Authorization": f"Bearer {TOKEN}"}
    configs = [read_endpoint_config(path, kind) for kind in ("action_endpoint", "tracker_store", "lock_store")]
    values = [str(value) for config in configs if config for value in (config.url, *config.kwargs.values())]
    assert values and not [value for value in values if "${" in value]
