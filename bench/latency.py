"""Benchmark: server start-up time and memory, model size, and reply latency over the REST webhook.

    .venv/bin/python -m bench.latency [--messages 200]

Starts its own action server and Rasa server (fresh SQLite file), sends the messages one after
another in 20 conversations of 10 turns, mixing Chinese and English, and prints the numbers.
"""
import argparse
import statistics
import tempfile
import time
from pathlib import Path

from tests.assistant_process import MODEL, RunningAssistant

MESSAGES = [
    "你好", "怎么查医保卡余额", "统筹账户和个人账户有什么区别", "住院费用怎么结算", "谢谢",
    "hello", "how do I check my balance in Alipay", "what can the personal account pay for",
    "how do I pay the premium", "bye",
]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=200)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as workdir:
        assistant = RunningAssistant(Path(workdir))
        started = time.perf_counter()
        assistant.start()
        startup = time.perf_counter() - started
        try:
            latencies = []
            for i in range(args.messages):
                sender = f"bench-{i // len(MESSAGES)}"
                sent = time.perf_counter()
                assistant.send(sender, MESSAGES[i % len(MESSAGES)])
                latencies.append((time.perf_counter() - sent) * 1000)
            total_seconds = sum(latencies) / 1000
            print(f"model size:            {MODEL.stat().st_size / 1e6:.1f} MB")
            print(f"server start-up:       {startup:.1f} s (action server + Rasa server until both answer)")
            print(f"memory (RSS):          Rasa server {rss_mb(assistant.rasa_server.pid):.0f} MB, "
                  f"action server {rss_mb(assistant.action_server.pid):.0f} MB")
            print(f"messages:              {len(latencies)} sequential, REST webhook, SQLite tracker store")
            print(f"latency:               p50 {statistics.median(latencies):.0f} ms, "
                  f"p95 {percentile(latencies, 0.95):.0f} ms, max {max(latencies):.0f} ms")
            print(f"throughput:            {len(latencies) / total_seconds:.1f} messages/s (one user)")
        finally:
            assistant.stop()


if __name__ == "__main__":
    main()
