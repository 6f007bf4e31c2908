"""Starts the real action server and Rasa server (REST and socket.io channels) for conversation tests."""
import os
import subprocess
import time
from pathlib import Path

import requests

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


class RunningAssistant:
    """An action server and a Rasa server with their own ports, SQLite file and logs under workdir."""

    def __init__(self, workdir: Path, env: dict | None = None):
        """env: extra environment variables of both servers (e.g. the web pages' ALLOWED_ORIGINS)."""
        self.workdir = workdir
        self.database_url = f"sqlite:///{workdir / 'assistant.db'}"
        # Conversations go to their own file so a test can make the application database unavailable.
        self.tracker_db = workdir / "tracker.db"
        self.action_port = free_port()
        self.rasa_port = free_port()
        self.env = dict(os.environ, DATABASE_URL=self.database_url, RASA_TELEMETRY_ENABLED="false",
                        TF_CPP_MIN_LOG_LEVEL="3", SANIC_REQUEST_MAX_SIZE="65536", **(env or {}))
        self.action_server = None
        self.rasa_server = None

    @property
    def webhook(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/webhook"

    def start(self) -> "RunningAssistant":
        subprocess.run([str(VENV_BIN / "python"), "-m", "bot.db.schema"], cwd=ROOT, env=self.env, check=True,
                       stdout=subprocess.DEVNULL)
        endpoints = self.workdir / "endpoints.yml"
        endpoints.write_text(
            f'action_endpoint:\n  url: "http://127.0.0.1:{self.action_port}/webhook"\n'
            f"tracker_store:\n  type: bot.channels.redacting_tracker_store.RedactingSQLTrackerStore\n  dialect: sqlite\n  db: {self.tracker_db}\n"
        )
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

    def send(self, sender: str, text: str, metadata: dict | None = None) -> list:
        body = {"sender": sender, "message": text, **({"metadata": metadata} if metadata else {})}
        response = requests.post(self.webhook, json=body, timeout=60)
        response.raise_for_status()
        return response.json()
