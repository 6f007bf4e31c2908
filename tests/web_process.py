"""Starts the web pages' server (python -m bot.web) for browser tests, on its own port with its own log."""
import os
import subprocess
from pathlib import Path

from tests.assistant_process import ROOT, VENV_BIN, wait_until_up


class RunningWebServer:
    def __init__(self, workdir: Path, port: int, env: dict):
        """env: the server's settings, e.g. RASA_PORT (where its pages' widget connects); it may be a whole
        assistant's environment (database and keys shared, as in `make run`): the port is always this one."""
        self.workdir = workdir
        self.port = port
        self.env = {**os.environ, **env, "WEB_PORT": str(port)}
        self.process = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "RunningWebServer":
        log = open(self.workdir / f"web-{self.port}.log", "w")
        self.process = subprocess.Popen([str(VENV_BIN / "python"), "-m", "bot.web"], cwd=ROOT, env=self.env,
                                        stdout=log, stderr=subprocess.STDOUT)
        wait_until_up(f"{self.url}/static/favicon.svg", self.process, seconds=60)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
