"""Per-client limits on the public channels: a burst is refused at once, others are not slowed."""
from bot.client_throttle import ClientThrottle


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def throttle(clock, **limits):
    values = dict(max_in_progress_per_client=2, messages_per_minute=60, burst=5, max_in_progress_total=4)
    values.update(limits)
    return ClientThrottle(clock=clock, **values)


def test_a_client_may_have_only_a_few_messages_in_progress():
    limits = throttle(Clock())
    assert limits.try_start("a") is None and limits.try_start("a") is None
    assert limits.try_start("a") == 1.0
    limits.finish("a")
    assert limits.try_start("a") is None


def test_one_busy_client_does_not_stop_another():
    limits = throttle(Clock())
    limits.try_start("a"), limits.try_start("a")
    assert limits.try_start("a") is not None
    assert limits.try_start("b") is None


def test_the_server_as_a_whole_has_a_cap():
    limits = throttle(Clock(), max_in_progress_per_client=10)
    for client in "abcd":
        assert limits.try_start(client) is None
    assert limits.try_start("e") == 1.0


def test_a_burst_over_the_rate_is_told_how_long_to_wait():
    clock = Clock()
    limits = throttle(clock, messages_per_minute=6)  # one message every 10 s, after a burst of 5
    for _ in range(5):
        assert limits.try_start("a") is None
        limits.finish("a")
    assert limits.try_start("a") == 10
    clock.now += 10
    assert limits.try_start("a") is None


def test_idle_clients_are_forgotten():
    clock = Clock()
    limits = throttle(clock)
    for client in range(100):
        limits.try_start(str(client))
        limits.finish(str(client))
    clock.now += 3600
    limits.try_start("new")
    assert list(limits._buckets) == ["new"]
