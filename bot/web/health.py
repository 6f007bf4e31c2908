"""GET /healthz: whether the assistant can serve, for a load balancer and an operator.

200 when every component the assistant needs answers, 503 otherwise, with each component's state:
    {"status": "ok" | "unavailable",
     "components": {"rasa_server": {"ok": true, "ms": 3}, "action_server": {...}, "database": {...},
                    "lock_store": {...}}}
The lock store (Redis) is checked only when REDIS_HOST is set, as deploy/endpoints.postgres.yml configures it.
Each check has its own short timeout, so a hung component makes the answer 503 within CHECK_TIMEOUT_SECONDS. Errors are named
by their type only: no address, password or query reaches the reply.
"""
import asyncio
import time
from typing import Awaitable, Callable, Dict

import aiohttp
import redis.asyncio
from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic.response import json as json_response
from sqlalchemy import text

from bot.db.engine import session_scope
from bot.web.config import WebConfig

CHECK_TIMEOUT_SECONDS = 2.0


async def _http_ok(url: str) -> None:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=CHECK_TIMEOUT_SECONDS)) as client:
        async with client.get(url) as reply:
            if reply.status != 200:
                raise ConnectionError(f"HTTP {reply.status}")


def _database_ok() -> None:
    with session_scope() as session:
        session.execute(text("SELECT 1"))


async def _lock_store_ok(host: str, port: int) -> None:
    client = redis.asyncio.Redis(host=host, port=port, socket_timeout=CHECK_TIMEOUT_SECONDS,
                                 socket_connect_timeout=CHECK_TIMEOUT_SECONDS)
    try:
        await client.ping()
    finally:
        await client.close()


async def _state(check: Callable[[], Awaitable[None]]) -> dict:
    started = time.perf_counter()
    try:
        await asyncio.wait_for(check(), CHECK_TIMEOUT_SECONDS)
    except Exception as error:  # any failure is "not ok"; its type says enough
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True, "ms": round(1000 * (time.perf_counter() - started))}


def component_checks(config: WebConfig) -> Dict[str, Callable[[], Awaitable[None]]]:
    checks = {
        "rasa_server": lambda: _http_ok(config.assistant_internal_url + "/"),
        "action_server": lambda: _http_ok(config.action_server_url + "/health"),
        "database": lambda: asyncio.to_thread(_database_ok),
    }
    if config.lock_store:
        checks["lock_store"] = lambda: _lock_store_ok(*config.lock_store)
    return checks


def health_blueprint(config: WebConfig) -> Blueprint:
    blueprint = Blueprint("health")
    checks = component_checks(config)

    @blueprint.get("/healthz")
    async def healthz(_: Request) -> HTTPResponse:
        states = await asyncio.gather(*(_state(check) for check in checks.values()))
        components = dict(zip(checks, states))
        healthy = all(state["ok"] for state in states)
        return json_response({"status": "ok" if healthy else "unavailable", "components": components},
                             status=200 if healthy else 503, headers={"Cache-Control": "no-store"})

    return blueprint
