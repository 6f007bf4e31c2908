"""Load benchmark: the assistant against the bare `rasa init` bot (the floor), side by side in one run.

    .venv/bin/python -m bench.load [--users 1 16 64] [--seconds 30] [--turns 200] [--save results/load.txt]

Starts the floor bot (bench/floor.py) and the assistant (action server and Rasa server, fresh SQLite file
with CITIZENS_PER_RUN fictional people per run), then for each number of concurrent users runs Locust headless
on loopback against the floor and then the assistant (bench/locustfile.py: realistic mixed traffic, no
pauses) and prints messages per second, p50/p95/p99 latency, errors and the ratios to the floor. Then one
conversation of --turns messages on each, printing the median of the first and the last 20 turns. Locust is
installed once in build/bench-venv. The machine is shared and noisy: quote the ratios, which come from
one run.
"""
import argparse
import csv
import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import requests

from bench.floor import RunningFloor
from bench.latency import rss_mb
from bench.people import bench_id_number, bench_phone
from bench.traffic import FLOOR_MESSAGES, POLICY_QUESTIONS
from bot.db.demo_data import DEMO_PEOPLE, add_people
from tests.assistant_database import assistant_database
from tests.assistant_process import ROOT, RunningAssistant

BENCH_VENV = ROOT / "build" / "bench-venv"
REQUIREMENTS = ROOT / "bench" / "requirements.txt"
EDGE = 20  # turns at each end of the long conversation
CITIZENS_PER_RUN = 1000  # more than one run's identity checks; each run has its own (bench/locustfile.py)


@dataclass
class LoadResult:
    messages_per_second: float
    p50: float
    p95: float
    p99: float
    messages: int
    errors: int

    def row(self) -> str:
        return (f"{self.messages_per_second:6.1f} msg/s  p50 {self.p50:5.0f}  p95 {self.p95:5.0f}  "
                f"p99 {self.p99:5.0f} ms  errors {self.errors}/{self.messages}")


def ensure_bench_venv() -> Path:
    """build/bench-venv with Locust, remade when bench/requirements.txt changes."""
    stamp = BENCH_VENV / ".installed"
    if not (stamp.exists() and stamp.read_text() == REQUIREMENTS.read_text()):
        print("==> Installing Locust in build/bench-venv (once, about a minute)", flush=True)
        subprocess.run(["python3", "-m", "venv", "--clear", str(BENCH_VENV)], check=True)
        subprocess.run([str(BENCH_VENV / "bin" / "pip"), "install", "--quiet", "--progress-bar", "off",
                        "-r", str(REQUIREMENTS)], check=True)
        stamp.write_text(REQUIREMENTS.read_text())
    return BENCH_VENV / "bin" / "locust"


def run_locust(locust: Path, user_class: str, host: str, users: int, seconds: int, workdir: Path,
               env: dict, first_citizen: int = 0) -> LoadResult:
    prefix = workdir / f"{user_class}-{users}"
    subprocess.run(
        [str(locust), "-f", "bench/locustfile.py", user_class, "--headless", "--users", str(users),
         "--spawn-rate", str(users), "--run-time", f"{seconds}s", "--stop-timeout", "60", "--host", host,
         "--csv", str(prefix), "--only-summary", "--loglevel", "ERROR"],
        cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT), "BENCH_FIRST_CITIZEN": str(first_citizen)}, check=False,
        stdout=subprocess.DEVNULL, stderr=open(workdir / "locust.log", "a"))
    with open(f"{prefix}_stats.csv") as stats:
        total = next(row for row in csv.DictReader(stats) if row["Name"] == "Aggregated")
    return LoadResult(float(total["Requests/s"]), float(total["50%"]), float(total["95%"]), float(total["99%"]),
                      int(total["Request Count"]), int(total["Failure Count"]))


def say(webhook: str, sender: str, text: str) -> None:
    requests.post(webhook, json={"sender": sender, "message": text}, timeout=120).raise_for_status()


def long_conversation(webhook: str, sender: str, messages: list[str], turns: int) -> tuple[float, float]:
    """Medians in ms of the first and the last EDGE turns of one conversation of `turns` messages."""
    latencies = []
    for turn in range(turns):
        started = time.perf_counter()
        say(webhook, sender, messages[turn % len(messages)])
        latencies.append((time.perf_counter() - started) * 1000)
    return statistics.median(latencies[:EDGE]), statistics.median(latencies[-EDGE:])


def start_assistant(workdir: Path, runs: int, env: dict | None = None) -> tuple[RunningAssistant, float]:
    """The assistant with CITIZENS_PER_RUN fictional people for each of `runs` runs, warmed up, and the seconds
    its servers took to start."""
    started = time.perf_counter()
    assistant = RunningAssistant(workdir, env=env).start()
    startup = time.perf_counter() - started
    try:
        people = [replace(DEMO_PEOPLE[0], id_number=bench_id_number(i), phone=bench_phone(i),
                          subject_ref=f"bench-{i}") for i in range(runs * CITIZENS_PER_RUN)]
        with assistant_database(assistant) as session:
            add_people(session, people)
        sender = assistant.new_secret()
        for text in POLICY_QUESTIONS:
            say(assistant.webhook, sender, text)
    except BaseException:
        assistant.stop()
        raise
    return assistant, startup


def load_on_assistant(locust: Path, assistant: RunningAssistant, users: int, seconds: int, workdir: Path,
                      run: int = 0) -> LoadResult:
    """Locust's CitizenUser against the assistant, as the run-th run (its own citizens)."""
    env = dict(os.environ, BENCH_DATABASE=assistant.database_url.removeprefix("sqlite:///"))
    return run_locust(locust, "CitizenUser", assistant.url, users, seconds, workdir, env, run * CITIZENS_PER_RUN)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, nargs="+", default=[1, 16, 64])
    parser.add_argument("--seconds", type=int, default=30, help="of load per number of users and bot")
    parser.add_argument("--turns", type=int, default=200, help="of the long conversation (0: none)")
    parser.add_argument("--save", type=Path, help="also write the report to this file")
    parser.add_argument("--env", nargs="*", default=[], metavar="NAME=VALUE",
                        help="extra environment of the assistant's servers, to compare settings")
    args = parser.parse_args()

    locust = ensure_bench_venv()
    lines = [f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start; "
             f"{args.seconds} s of load per row, loopback, REST webhook, users send without pauses"
             + (f"; assistant's extra environment: {' '.join(args.env)}" if args.env else "")]
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        print("==> Starting the floor bot and the assistant", flush=True)
        started = time.perf_counter()
        floor = RunningFloor(workdir, dict(os.environ, RASA_TELEMETRY_ENABLED="false")).start()
        floor_startup = time.perf_counter() - started
        assistant = None
        try:
            for text in FLOOR_MESSAGES:  # warm-up
                say(floor.webhook, "warm-up", text)
            assistant, assistant_startup = start_assistant(workdir, len(args.users),
                                                           dict(setting.split("=", 1) for setting in args.env))
            lines.append(f"start-up: floor {floor_startup:.0f} s, assistant {assistant_startup:.0f} s "
                         f"(action server and Rasa server)")
            for run, users in enumerate(args.users):
                print(f"==> {users} concurrent conversation(s), {args.seconds} s each on the floor and the assistant",
                      flush=True)
                on_floor = run_locust(locust, "FloorUser", floor.url, users, args.seconds, workdir, dict(os.environ))
                on_assistant = load_on_assistant(locust, assistant, users, args.seconds, workdir, run)
                lines += [f"{users:3d} users  floor      {on_floor.row()}",
                          f"{users:3d} users  assistant  {on_assistant.row()}",
                          f"{users:3d} users  ratio      throughput "
                          f"{on_assistant.messages_per_second / on_floor.messages_per_second:.2f}x, "
                          f"p50 {on_assistant.p50 / on_floor.p50:.2f}x, p95 {on_assistant.p95 / on_floor.p95:.2f}x"]
            if args.turns:
                print(f"==> One conversation of {args.turns} turns on each", flush=True)
                edges = {"floor": long_conversation(floor.webhook, "long", FLOOR_MESSAGES, args.turns),
                         "assistant": long_conversation(assistant.webhook, assistant.new_secret(), POLICY_QUESTIONS,
                                                        args.turns)}
                for name, (first, last) in edges.items():
                    lines.append(f"long conversation, {name:9s}: median of turns 1-{EDGE} {first:.0f} ms, "
                                 f"of turns {args.turns - EDGE + 1}-{args.turns} {last:.0f} ms ({last / first:.2f}x)")
            lines.append(f"memory (RSS): floor {rss_mb(floor.process.pid):.0f} MB, assistant's Rasa server "
                         f"{rss_mb(assistant.rasa_server.pid):.0f} MB, action server "
                         f"{rss_mb(assistant.action_server.pid):.0f} MB")
        finally:
            if assistant:
                assistant.stop()
            floor.stop()
    report = "\n".join(lines)
    print(report)
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        args.save.write_text(report + "\n")


if __name__ == "__main__":
    main()
