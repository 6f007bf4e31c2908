"""Starts the real action server and Rasa server (REST and socket.io channels) for conversation tests."""
import os
import subprocess
import time
from pathlib import Path
from unittest import mock

import requests
import yaml

from bot.identity import conversation_keys
from tests.postgres import free_port

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
MODEL = ROOT / "models" / "assistant.tar.gz"


def wait_until_up(url: str, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} exited with {process.returncode}; see its log")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not come up within {seconds} s")


# Tests and benchmarks send far faster from one address than people do; the throttle's own tests set its limits.
UNTHROTTLED = {"CLIENT_MESSAGES_PER_MINUTE": "1000000", "CLIENT_MESSAGE_BURST": "1000000",
               "CLIENT_MAX_IN_PROGRESS": "1000", "SERVER_MAX_IN_PROGRESS": "1000"}


# Both servers' secrets (bot.local_secrets makes real ones for `make run`); the Rasa server sends the token.
TEST_SECRETS = {"ACTION_SERVER_TOKEN": "test-action-server-token", "CODE_HASH_KEY": "test-code-hash-key",
                "SESSION_SECRET_KEY": "test-session-secret-key"}


class RunningAssistant:
    """An action server and a Rasa server with their own ports, SQLite file and logs under workdir."""

    def __init__(self, workdir: Path, env: dict | None = None, throttled: bool = False):
        """env: extra environment variables of both servers (e.g. the web pages' ALLOWED_ORIGINS);
        throttled: keep the per-client message limits of a real deployment."""
        self.workdir = workdir
        self.database_url = f"sqlite:///{workdir / 'assistant.db'}"
        # Conversations go to their own file so a test can make the application database unavailable.
        self.tracker_db = workdir / "tracker.db"
        self.action_port = free_port()
        self.rasa_port = free_port()
        self.env = dict(os.environ, DATABASE_URL=self.database_url, RASA_TELEMETRY_ENABLED="false",
                        TF_CPP_MIN_LOG_LEVEL="3", SANIC_REQUEST_MAX_SIZE="65536",
                        **TEST_SECRETS, **({} if throttled else UNTHROTTLED), **(env or {}))
        self.action_server = None
        self.rasa_server = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def webhook(self) -> str:
        return f"{self.url}/webhooks/rest/webhook"

    def start(self) -> "RunningAssistant":
        subprocess.run([str(VENV_BIN / "python"), "-m", "bot.db.schema"], cwd=ROOT, env=self.env, check=True,
                       stdout=subprocess.DEVNULL)
        # The project's endpoints.yml with this assistant's own port and tracker file.
        config = yaml.safe_load((ROOT / "endpoints.yml").read_text())
        config["action_endpoint"]["url"] = f"http://127.0.0.1:{self.action_port}/webhook"
        config["tracker_store"]["db"] = str(self.tracker_db)
        endpoints = self.workdir / "endpoints.yml"
        endpoints.write_text(yaml.safe_dump(config))
        self.start_action_server()
        log = open(self.workdir / "rasa.log", "w")
        self.rasa_server = subprocess.Popen(
            [str(VENV_BIN / "rasa"), "run", "--model", str(MODEL), "--endpoints", str(endpoints),
             "--credentials", "credentials.yml", "--port", str(self.rasa_port), "--interface", "127.0.0.1"],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
        )
        wait_until_up(f"http://127.0.0.1:{self.rasa_port}/", self.rasa_server, seconds=300)
        return self

    def start_action_server(self) -> None:
        log = open(self.workdir / "actions.log", "a")
        self.action_server = subprocess.Popen(
            [str(VENV_BIN / "python"), "-m", "actions.serve", "--port", str(self.action_port)],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
        )
        wait_until_up(f"http://127.0.0.1:{self.action_port}/health", self.action_server, seconds=120)

    def stop_action_server(self) -> None:
        self.action_server.terminate()
        self.action_server.wait(timeout=30)

    def stop(self) -> None:
        for process in (self.rasa_server, self.action_server):
            if process and process.poll() is None:
                process.terminate()
                process.wait(timeout=30)

    def new_secret(self) -> str:
        """A conversation secret issued by the server (what a REST client sends as "sender")."""
        response = requests.post(f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/session", timeout=10)
        response.raise_for_status()
        return response.json()["sender"]

    def conversation_id(self, secret: str) -> str:
        """The id under which the servers store the conversation a secret opens."""
        with mock.patch.dict(os.environ, SESSION_SECRET_KEY=self.env["SESSION_SECRET_KEY"]):
            return conversation_keys.conversation_id_for(secret)

    def post(self, sender: str | None, text: str, metadata: dict | None = None) -> requests.Response:
        body = {"message": text, **({"sender": sender} if sender else {}), **({"metadata": metadata} if metadata else {})}
        return requests.post(self.webhook, json=body, timeout=60)

    def send(self, sender: str, text: str, metadata: dict | None = None) -> list:
        response = self.post(sender, text, metadata)
        response.raise_for_status()
        return response.json()
