"""POST /reference/topic, Content-Type: application/json, {"question": "..."}: which policy topic the chat would
answer a pasted question with, for the counter staff's reference page. The web server asks the Rasa server's
topic_lookup channel (bot/channels/topic_lookup.py), so the answer comes from the model the chat uses.

200 {"topic": <topic id or null>, "intent": ..., "confidence": ...}; the Rasa server's 400 and 429 are passed on;
503 when it cannot be reached.
"""
import aiohttp
from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic.response import json as json_response

from bot.web.request_body import read_capped_body

LOOKUP_PATH = "/webhooks/topic_lookup/"
LOOKUP_TIMEOUT = aiohttp.ClientTimeout(total=10)
_PASSED_ON = (200, 400, 429)


def topic_lookup_blueprint(assistant_internal_url: str, max_message_chars: int) -> Blueprint:
    blueprint = Blueprint("topic_lookup")
    body_limit = 4 * max_message_chars + 256  # UTF-8 and the JSON around the question

    @blueprint.post("/reference/topic", stream=True)
    async def topic(request: Request) -> HTTPResponse:
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
            return json_response({"error": "the body must be application/json"}, status=415)
        body = await read_capped_body(request, body_limit)
        try:
            async with aiohttp.ClientSession(timeout=LOOKUP_TIMEOUT) as client:
                async with client.post(assistant_internal_url + LOOKUP_PATH, data=body,
                                       headers={"Content-Type": "application/json"}) as reply:
                    if reply.status in _PASSED_ON:
                        return json_response(await reply.json(), status=reply.status)
        except (aiohttp.ClientError, TimeoutError, ValueError):
            pass
        return json_response({"error": "the assistant cannot be reached"}, status=503)

    return blueprint
