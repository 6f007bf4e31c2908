"""Benchmark: server start-up time and memory, model size, and reply latency over the REST webhook.

    .venv/bin/python -m bench.latency [--messages 200] [--look-ups 50] [--estimates 20] [--checks 20]

Starts its own action server and Rasa server (fresh SQLite file), sends the messages one after
another in 20 conversations of 10 turns, mixing Chinese and English, then verifies a demo person
(consent, ID number, code from the development outbox) and times personal look-ups, whole identity checks
with one look-up, then whole reimbursement estimates turn by turn; prints the numbers.
"""
import argparse
import statistics
import tempfile
import time
from pathlib import Path

from tests.assistant_database import fresh_day, latest_code
from tests.assistant_process import MODEL, RunningAssistant

MESSAGES = [
    "你好", "怎么查医保卡余额", "统筹账户和个人账户有什么区别", "住院费用怎么结算", "谢谢",
    "hello", "how do I check my balance in Alipay", "what can the personal account pay for",
    "how do I pay the premium", "bye",
]


# One whole estimate: each message is a form turn (validation action on the action server), the last one
# the explained result.
ESTIMATE = ["I spent 30,000 yuan in a tertiary hospital, how much will insurance pay?", "employee insurance",
            "working", "Shanghai", "first time this year", "none"]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


LOOK_UPS = ["我的医保余额是多少", "show my spending in October", "我的住院结算记录", "show my contribution history",
            "我今年医保一共花了多少钱"]


def time_replies(assistant: RunningAssistant, conversation_of, texts) -> list[float]:
    """conversation_of(i): the name of the conversation the i-th message belongs to."""
    secrets = {}
    latencies = []
    for i, text in enumerate(texts):
        name = conversation_of(i)
        if name not in secrets:
            secrets[name] = assistant.new_secret()
        latencies.append(timed_reply(assistant, secrets[name], text))
    return latencies


def timed_reply(assistant: RunningAssistant, secret: str, text: str) -> float:
    """Milliseconds until the reply to one message arrived."""
    sent = time.perf_counter()
    assistant.send(secret, text)
    return (time.perf_counter() - sent) * 1000


def summary(latencies: list[float]) -> str:
    return (f"p50 {statistics.median(latencies):.0f} ms, p95 {percentile(latencies, 0.95):.0f} ms, "
            f"max {max(latencies):.0f} ms")


def verify_demo_person(assistant: RunningAssistant) -> str:
    """A new conversation verified as a demo person (its balance shown); returns its secret."""
    sender = assistant.new_secret()
    for text in ("查一下我的医保余额", "同意", "身份证号 11010519491231002X"):
        assistant.send(sender, text)
    assistant.send(sender, latest_code(assistant))
    return sender


def time_whole_checks(assistant: RunningAssistant, count: int) -> list[float]:
    """Milliseconds of a whole identity check (request, consent, ID number, code with the balance) plus one
    more look-up, each on a fresh day for the code limits."""
    durations = []
    for _ in range(count):
        fresh_day(assistant)
        started = time.perf_counter()
        verified = verify_demo_person(assistant)
        assistant.send(verified, LOOK_UPS[1])
        durations.append((time.perf_counter() - started) * 1000)
    return durations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--look-ups", type=int, default=50)
    parser.add_argument("--estimates", type=int, default=20)
    parser.add_argument("--checks", type=int, default=20, help="whole identity checks plus one look-up")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as workdir:
        assistant = RunningAssistant(Path(workdir))
        started = time.perf_counter()
        assistant.start()
        startup = time.perf_counter() - started
        try:
            latencies = time_replies(assistant, lambda i: f"bench-{i // len(MESSAGES)}",
                                     [MESSAGES[i % len(MESSAGES)] for i in range(args.messages)])
            verified = verify_demo_person(assistant)
            look_ups = [timed_reply(assistant, verified, LOOK_UPS[i % len(LOOK_UPS)]) for i in range(args.look_ups)]
            checks = time_whole_checks(assistant, args.checks)
            estimate_turns = time_replies(assistant, lambda i: f"bench-estimate-{i // len(ESTIMATE)}",
                                          ESTIMATE * args.estimates)
            total_seconds = sum(latencies) / 1000
            print(f"model size:            {MODEL.stat().st_size / 1e6:.1f} MB")
            print(f"server start-up:       {startup:.1f} s (action server + Rasa server until both answer)")
            print(f"memory (RSS):          Rasa server {rss_mb(assistant.rasa_server.pid):.0f} MB, "
                  f"action server {rss_mb(assistant.action_server.pid):.0f} MB")
            print(f"messages:              {len(latencies)} sequential, REST webhook, SQLite tracker store")
            print(f"latency:               {summary(latencies)}")
            print(f"throughput:            {len(latencies) / total_seconds:.1f} messages/s (one user)")
            print(f"personal look-ups:     {len(look_ups)} after the identity check (balance, spending, claims, "
                  f"contributions, yearly totals): {summary(look_ups)}")
            print(f"whole identity checks: {len(checks)} (request, consent, ID number, code and balance, then one "
                  f"more look-up: 5 messages): {summary(checks)}")
            print(f"estimate form turns:   {len(estimate_turns)} ({args.estimates} whole estimates of "
                  f"{len(ESTIMATE)} messages): {summary(estimate_turns)}")
        finally:
            assistant.stop()


if __name__ == "__main__":
    main()
