"""The per-client message limits of a real deployment (bot.client_throttle) on a real assistant: a burst from
one address is refused at once, with a reply that says how long to wait, and another address is not slowed."""
import concurrent.futures
import time

import pytest

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

    with concurrent.futures.ThreadPoolExecutor(max_workers=BURST) as pool:
        burst = [pool.submit(post, attacker, LONG_MESSAGE) for _ in range(BURST)]
        time.sleep(0.2)
        answer, waited = post(bystander, "怎么查医保卡余额")
        results = [future.result() for future in burst]
    refused = [(response, seconds) for response, seconds in results if response.status_code == 429]
    served = [response for response, _ in results if response.status_code == 200]
    assert len(served) <= limits["burst"] and len(refused) >= BURST - limits["burst"]
    assert all(seconds < 5 for _, seconds in refused), "a refused message still waited in the queue"
    first = refused[0][0]
    assert int(first.headers["Retry-After"]) >= 1 and "请等" in first.json()[0]["text"]
    assert answer.status_code == 200 and "余额" in answer.json()[0]["text"]
    assert waited < 15


def test_a_steady_client_over_the_rate_is_told_to_wait(throttled):
    limits = settings.client_limits()
    client = client_from("127.0.0.3")
    statuses = [client.post(throttled.webhook, json={"message": "hello"}, timeout=60).status_code
                for _ in range(2 * limits["burst"])]
    assert statuses[:limits["burst"]] == [200] * limits["burst"] and 429 in statuses
