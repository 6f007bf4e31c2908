"""Attack script: an overload burst from one client, and how long an ordinary user waits meanwhile.

    .venv/bin/python -m bench.overload [--burst 200] [--url http://127.0.0.1:5005]

Sends --burst concurrent 1,000-character messages from one address (127.0.0.1), each in its own conversation,
while a bystander on another loopback address (127.0.0.2) asks five short questions one after another. Prints
the status codes, the burst's reply times (median, p95, slowest) and the bystander's. Without --url it starts
its own assistant with the deployment's default per-client limits. Traffic goes to loopback only; every
request has a timeout and the script ends by itself.
"""
import argparse
import concurrent.futures
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

import requests
from requests_toolbelt.adapters.source import SourceAddressAdapter

from tests.assistant_process import RunningAssistant

LONG_MESSAGE = ("请问职工医保住院以后统筹基金和个人账户分别怎么报销，起付标准是多少，" * 40)[:1000]
BYSTANDER_QUESTIONS = ["怎么查医保卡余额", "what can the personal account pay for", "住院费用怎么结算",
                       "how do I pay the premium", "谢谢"]
TIMEOUT_SECONDS = 90


def client_from(address: str, connections: int = 1) -> requests.Session:
    session = requests.Session()
    session.mount("http://", SourceAddressAdapter(address, pool_connections=1, pool_maxsize=connections))
    return session


def timed_post(session: requests.Session, url: str, body: dict) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        status = session.post(url, json=body, timeout=TIMEOUT_SECONDS).status_code
    except requests.RequestException:
        status = 0  # no answer within the timeout
    return status, time.perf_counter() - started


def attack(url: str, burst: int) -> None:
    webhook = f"{url}/webhooks/rest/webhook"
    attacker, bystander = client_from("127.0.0.1", connections=burst), client_from("127.0.0.2")
    with concurrent.futures.ThreadPoolExecutor(max_workers=burst + 1) as pool:
        burst_results = [pool.submit(timed_post, attacker, webhook, {"sender": f"overload-{i}", "message": LONG_MESSAGE})
                         for i in range(burst)]
        time.sleep(0.2)  # the burst is in flight
        bystander_results = [timed_post(bystander, webhook, {"sender": "bystander", "message": question})
                             for question in BYSTANDER_QUESTIONS]
        results = [future.result() for future in burst_results]
    seconds = sorted(elapsed for _, elapsed in results)
    statuses = Counter(status for status, _ in results)
    print(f"burst:      {burst} concurrent 1,000-character messages from one address")
    print(f"statuses:   " + ", ".join(f"{status or 'no answer'}: {count}" for status, count in sorted(statuses.items())))
    print(f"burst reply times: median {statistics.median(seconds):.2f} s, "
          f"p95 {seconds[int(0.95 * (len(seconds) - 1))]:.2f} s, slowest {seconds[-1]:.2f} s")
    answered = sorted(elapsed for status, elapsed in results if status == 200)
    if answered:
        print(f"answered (200) reply times: median {statistics.median(answered):.2f} s, slowest {answered[-1]:.2f} s")
    print("bystander (127.0.0.2), 5 questions during the burst: "
          + ", ".join(f"{elapsed:.2f} s ({status})" for status, elapsed in bystander_results))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--url", help="attack this running assistant instead of starting one")
    args = parser.parse_args()
    if args.url:
        attack(args.url.rstrip("/"), args.burst)
        return
    with tempfile.TemporaryDirectory() as workdir:
        assistant = RunningAssistant(Path(workdir), throttled=True).start()
        try:
            attack(f"http://127.0.0.1:{assistant.rasa_port}", args.burst)
        finally:
            assistant.stop()


if __name__ == "__main__":
    main()
