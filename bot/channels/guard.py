"""Wraps a channel's message handler so that every user message gets an answer.

- Messages that are empty, too long or have no words are answered here and never reach the models
  (nor the tracker store: a 300 KB paste is not kept).
- If the dialogue sends nothing back (action server down, an action failed), the user still gets a
  reply saying what to do next.
"""
import logging
from typing import Any, Awaitable, Callable, Dict, Text

from rasa.core.channels.channel import OutputChannel, UserMessage

from bot.input_guard import find_problem
from bot.language import detect_language
from bot.service_messages import input_problem_reply, nothing_to_say_reply

logger = logging.getLogger(__name__)

MessageHandler = Callable[[UserMessage], Awaitable[Any]]


class ReplyCountingOutputChannel(OutputChannel):
    """Passes every bot message on to the real channel and counts them."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.replies = 0

    def name(self) -> Text:  # the real channel's name, so channel-specific responses still apply
        return self.inner.name()

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        self.replies += 1
        await self.inner.send_response(recipient_id, message)


def language_of(text: str | None) -> str | None:
    """The language of a typed message; None for button payloads and text without words."""
    # Button payloads ("/feedback_helpful") say nothing about the user's language.
    if not text or text.startswith("/"):
        return None
    return detect_language(text)


def guarded(on_new_message: MessageHandler) -> MessageHandler:
    """The channel's message handler with input checks and a reply when nothing else replied."""

    async def handle(message: UserMessage, conversation_language: str | None = None) -> None:
        """conversation_language: what the conversation was in, for a message without words of a language."""
        language = language_of(message.text) or conversation_language
        problem = find_problem(message.text)
        if problem is not None:
            logger.info("Message not processed: %s (%d characters)", problem.value, len(message.text or ""))
            await message.output_channel.send_text_message(
                message.sender_id, input_problem_reply(problem, language)
            )
            return

        counter = ReplyCountingOutputChannel(message.output_channel)
        message.output_channel = counter
        try:
            await on_new_message(message)
        finally:
            if counter.replies == 0:
                logger.warning("The dialogue sent no reply; sending the service-unavailable message.")
                await counter.inner.send_text_message(message.sender_id, nothing_to_say_reply(language))

    return handle
