"""Per-client limits on the public channels, answered at once instead of queued.

One Rasa process answers about 20 messages a second; a client that sends hundreds at once would otherwise
make everyone wait behind it. Each client (network address) may have a few messages in progress and a steady
rate with a small burst (a token bucket); the whole server has a cap on messages in progress. A message over
any limit is refused at once with how long to wait (HTTP 429 on REST, a reply on socket.io).
"""
import math
import time
from dataclasses import dataclass, field
from typing import Callable

from bot import settings


@dataclass
class _Bucket:
    tokens: float
    updated: float
    in_progress: int = 0


@dataclass
class ClientThrottle:
    max_in_progress_per_client: int
    messages_per_minute: int
    burst: int
    max_in_progress_total: int
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[str, _Bucket] = field(default_factory=dict)
    _in_progress_total: int = 0

    @classmethod
    def from_settings(cls) -> "ClientThrottle":
        return cls(**settings.client_limits())

    def try_start(self, client: str) -> float | None:
        """None: the message may be processed (call `finish` afterwards); else the seconds to wait."""
        now = self.clock()
        bucket = self._refilled(client, now)
        if self._in_progress_total >= self.max_in_progress_total or \
                bucket.in_progress >= self.max_in_progress_per_client:
            return 1.0  # a message in progress takes about a second or less
        if bucket.tokens < 1:
            return math.ceil((1 - bucket.tokens) * 60 / self.messages_per_minute)
        bucket.tokens -= 1
        bucket.in_progress += 1
        self._in_progress_total += 1
        return None

    def finish(self, client: str) -> None:
        bucket = self._buckets[client]
        bucket.in_progress -= 1
        self._in_progress_total -= 1

    def _refilled(self, client: str, now: float) -> _Bucket:
        bucket = self._buckets.get(client)
        if bucket is None:
            self._forget_idle(now)
            bucket = self._buckets[client] = _Bucket(tokens=self.burst, updated=now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.messages_per_minute / 60)
        bucket.updated = now
        return bucket

    def _forget_idle(self, now: float) -> None:
        """Drops clients whose bucket is full again and who have nothing in progress (bounded memory)."""
        full_after = 60 * self.burst / self.messages_per_minute
        for client in [c for c, b in self._buckets.items() if not b.in_progress and now - b.updated > full_after]:
            del self._buckets[client]
