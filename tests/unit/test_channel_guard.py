"""The channel safety net, with Rasa's real output channels."""
import asyncio

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.guard import guarded


def deliver(text, handler_replies=("answer",), conversation_language=None):
    calls = []

    async def on_new_message(message):
        calls.append(message.text)
        for reply in handler_replies:
            await message.output_channel.send_response(message.sender_id, {"text": reply})

    collector = CollectingOutputChannel()
    asyncio.run(guarded(on_new_message)(UserMessage(text, collector, "someone"), conversation_language))
    return calls, [m["text"] for m in collector.messages]


def test_a_normal_message_passes_through():
    calls, replies = deliver("怎么查余额")
    assert calls == ["怎么查余额"] and replies == ["answer"]


def test_an_over_long_message_is_answered_and_never_processed():
    calls, replies = deliver("医" * 5000)
    assert calls == []
    assert len(replies) == 1 and "太长" in replies[0]


def test_empty_and_emoji_messages_are_answered_in_both_languages():
    for text in ("", "   ", "👍🙂"):
        calls, replies = deliver(text)
        assert calls == [] and len(replies) == 1
        assert any("\u4e00" <= ch <= "\u9fff" for ch in replies[0]) and "Please" in replies[0]


def test_no_reply_from_the_dialogue_gets_a_service_message_in_the_users_language():
    _, replies = deliver("what is the deductible", handler_replies=())
    assert len(replies) == 1 and "12393" in replies[0] and "Sorry" in replies[0]
    _, replies = deliver("起付线是多少", handler_replies=())
    assert "抱歉" in replies[0]


def test_a_failing_dialogue_still_gets_a_reply():
    async def on_new_message(message):
        raise ConnectionError("action server down")

    collector = CollectingOutputChannel()
    try:
        asyncio.run(guarded(on_new_message)(UserMessage("hello", collector, "someone")))
    except ConnectionError:
        pass
    assert len(collector.messages) == 1 and "12393" in collector.messages[0]["text"]


def test_a_message_without_words_is_answered_in_the_conversations_language():
    _, both = deliver("😂🙏")
    _, chinese = deliver("😂🙏", conversation_language="zh")
    _, english = deliver("4000", handler_replies=(), conversation_language="en")
    assert "只能读懂文字" in both[0] and "only read words" in both[0]
    assert "只能读懂文字" in chinese[0] and "only read words" not in chinese[0]
    assert english[0].isascii()


def test_the_language_of_the_message_wins_over_the_conversations():
    _, replies = deliver("hello 😂", handler_replies=(), conversation_language="zh")
    assert replies[0].isascii()
