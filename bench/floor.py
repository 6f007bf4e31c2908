"""The floor the benchmarks compare with: the bare `rasa init` bot, made once in build/floor-bot with the same
Rasa and virtualenv as the assistant, served in one process over the REST webhook with an SQLite tracker store
(as the assistant keeps its conversations in SQLite)."""
import subprocess
from pathlib import Path

from tests.assistant_process import ROOT, VENV_BIN, wait_until_up
from tests.postgres import free_port

FLOOR_DIR = ROOT / "build" / "floor-bot"


def ensure_floor_bot(log: Path) -> None:
    if any((FLOOR_DIR / "models").glob("*.tar.gz")):
        return
    print(f"==> Making the floor bot with `rasa init` in {FLOOR_DIR.relative_to(ROOT)} (about a minute)", flush=True)
    FLOOR_DIR.mkdir(parents=True, exist_ok=True)
    with open(log, "w") as output:
        subprocess.run([str(VENV_BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(FLOOR_DIR)],
                       cwd=FLOOR_DIR, stdout=output, stderr=subprocess.STDOUT, check=True)


class RunningFloor:
    def __init__(self, workdir: Path, env: dict):
        self.workdir, self.env = workdir, env
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def webhook(self) -> str:
        return f"{self.url}/webhooks/rest/webhook"

    def start(self) -> "RunningFloor":
        ensure_floor_bot(self.workdir / "floor-init.log")
        endpoints = self.workdir / "floor-endpoints.yml"
        endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {self.workdir / 'floor.db'}\n")
        self.process = subprocess.Popen(
            [str(VENV_BIN / "rasa"), "run", "--model", str(FLOOR_DIR / "models"), "--endpoints", str(endpoints),
             "--port", str(self.port), "--interface", "127.0.0.1"],
            cwd=FLOOR_DIR, env=self.env, stdout=open(self.workdir / "floor.log", "w"), stderr=subprocess.STDOUT)
        wait_until_up(self.url, self.process, seconds=300)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
