"""POST /webhooks/topic_lookup/  {"question": "..."}  ->  {"topic": "<topic id>" | null, "intent": "...", "confidence": 0.87}

For the counter staff's reference page (through the web server, POST /reference/topic): which policy topic the
chat would answer a citizen's question with, read by the same trained model the chat uses (the Rasa server's own
agent), without Rasa's HTTP API. Nothing is stored: the question reaches no conversation and no tracker, and is
never logged. Callers are throttled like the chat's, and the question is checked like a chat message.
"""
import functools
import json
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import incoming
from bot.channels.hardening import HardeningBlueprint
from bot.input_guard import find_problem
from bot.knowledge import INTENT_PREFIX, load_topics


def topic_of(intent: str) -> str | None:
    """The policy topic an intent asks for; None for every other intent (greetings, personal look-ups...)."""
    topic_id = intent[len(INTENT_PREFIX):] if intent.startswith(INTENT_PREFIX) else None
    return topic_id if topic_id in _topic_ids() else None


@functools.lru_cache(maxsize=1)
def _topic_ids() -> frozenset[str]:
    return frozenset(topic.id for topic in load_topics())


class TopicLookupInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "topic_lookup"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = HardeningBlueprint("topic_lookup_webhook", __name__)

        @webhook.route("/", methods=["POST"])
        async def look_up(request: Request) -> HTTPResponse:
            try:
                question = json.loads(request.body or b"").get("question")
            except (ValueError, UnicodeDecodeError, AttributeError):
                question = None
            if not isinstance(question, str) or find_problem(question) is not None:
                return response.json({"error": "Send {\"question\": \"...\"} with the question as typed."}, status=400)
            client = incoming.client_key(request.remote_addr or request.ip)
            wait = incoming.throttle().try_start(client)
            if wait is not None:
                return response.json({"error": "Too many questions; try again shortly."}, status=429,
                                     headers={"Retry-After": str(round(wait))})
            try:
                parsed = await request.app.ctx.agent.parse_message(question)
            finally:
                incoming.throttle().finish(client)
            intent = parsed.get("intent") or {}
            name = intent.get("name") or ""
            return response.json({"topic": topic_of(name), "intent": name,
                                  "confidence": round(float(intent.get("confidence") or 0), 3)})

        return webhook
