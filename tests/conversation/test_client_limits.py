"""The per-client message limits of a real deployment (bot.client_throttle) on a real assistant: a burst from
one address is refused at once, with a reply that says how long to wait, and another address is not slowed."""
import concurrent.futures
import queue
import time

import pytest
import socketio

from bench.overload import LONG_MESSAGE, client_from
from bot import settings
from tests.assistant_process import RunningAssistant

pytestmark = pytest.mark.conversation
BURST = 40


@pytest.fixture(scope="module")
def throttled(tmp_path_factory):
    running = RunningAssistant(tmp_path_factory.mktemp("throttled"), throttled=True).start()
    yield running
    running.stop()


def test_a_burst_from_one_address_is_refused_at_once_and_others_are_served(throttled):
    limits = settings.client_limits()
    attacker, bystander = client_from("127.0.0.1", connections=BURST), client_from("127.0.0.2")

    def post(session, text):
        started = time.perf_counter()
        response = session.post(throttled.webhook, json={"message": text}, timeout=60)
        return response, time.perf_counter() - started

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=BURST) as pool:
        burst = [pool.submit(post, attacker, LONG_MESSAGE) for _ in range(BURST)]
        time.sleep(0.2)
        answer, waited = post(bystander, "怎么查医保卡余额")
        results = [future.result() for future in burst]
    refilled = (time.perf_counter() - started) * limits["messages_per_minute"] / 60  # the bucket refills meanwhile
    refused = [(response, seconds) for response, seconds in results if response.status_code == 429]
    served = [response for response, _ in results if response.status_code == 200]
    # Served messages are processed a couple at a time; nothing waits for the whole burst to be processed.
    slowest_served = max(seconds for response, seconds in results if response.status_code == 200)
    assert len(served) <= limits["burst"] + refilled + 1 and len(refused) >= BURST - limits["burst"] - refilled - 1
    assert max(seconds for _, seconds in refused) < slowest_served + 2, "a refused message waited for the burst"
    first = refused[0][0]
    assert int(first.headers["Retry-After"]) >= 1 and "请等" in first.json()[0]["text"]
    assert answer.status_code == 200 and "余额" in answer.json()[0]["text"]
    assert waited < slowest_served + 2


def test_a_steady_client_over_the_rate_is_told_to_wait(throttled):
    limits = settings.client_limits()
    client = client_from("127.0.0.3")
    statuses = [client.post(throttled.webhook, json={"message": "hello"}, timeout=60).status_code
                for _ in range(2 * limits["burst"])]
    assert statuses[:limits["burst"]] == [200] * limits["burst"] and 429 in statuses


def test_socketio_clients_are_throttled_too_and_told_in_their_language(throttled):
    limits = settings.client_limits()
    client = socketio.Client(reconnection=False)
    replies = queue.Queue()
    client.on("bot_uttered", replies.put)
    client.connect(f"http://127.0.0.1:{throttled.rasa_port}", socketio_path="/socket.io", transports=["polling"])
    try:
        client.emit("session_request", {})
        for _ in range(2 * limits["burst"]):
            client.emit("user_uttered", {"message": "how do I check my balance"})
            time.sleep(0.05)  # engine.io refuses a polling request that packs too many messages
        texts = []
        while len(texts) < 2 * limits["burst"]:
            texts.append(replies.get(timeout=120)["text"])
    finally:
        client.disconnect()
    busy = [text for text in texts if "faster than I can answer" in text]
    assert busy and all("12393" in text for text in busy)
