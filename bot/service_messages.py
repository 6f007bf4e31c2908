"""Replies the channel layer sends by itself, when a message never reaches the dialogue or nothing came back.

They cannot depend on the model or the action server, so they live here rather than in domain.yml.
When the language of a message cannot be told (emoji only, empty), both languages are given.
"""
from bot import settings
from bot.input_guard import InputProblem
from bot.language import CHINESE, ENGLISH

_HELP_LINE = {
    CHINESE: "如需人工帮助，请拨打医保服务热线 12393（人社服务热线 12333 可咨询社保卡事务），或前往当地医保经办窗口。",
    ENGLISH: "For help from a person, call the medical-insurance hotline 12393 (12333, the human-resources and "
    "social-security hotline, handles social-security-card matters) or visit your local medical-insurance counter.",
}


def _in_language(texts: dict, language: str | None) -> str:
    """The text in the message's language; both when the language cannot be told."""
    return texts[language] if language in texts else "\n".join(texts[lang] for lang in (CHINESE, ENGLISH))


def _input_problem_text(problem: InputProblem, language: str) -> str:
    limit = settings.max_message_chars()
    texts = {
        InputProblem.TOO_LONG: {
            CHINESE: f"您的消息太长了（超过 {limit} 个字符），我没有处理它。请把问题缩短后再发一次，例如：“怎么查医保卡余额？”",
            ENGLISH: f"Your message is too long (over {limit} characters), so I did not process it. "
            "Please send a shorter question, for example: \"How do I check my medical-insurance balance?\"",
        },
        InputProblem.EMPTY: {
            CHINESE: "我没有收到文字。请输入您的医保问题，例如：“怎么查医保卡余额？”",
            ENGLISH: "I did not receive any text. Please type your medical-insurance question, "
            "for example: \"How do I check my balance?\"",
        },
        InputProblem.NO_WORDS: {
            CHINESE: "我只能读懂文字。请用中文或英文输入您的问题，或输入“帮助”查看我能做什么。",
            ENGLISH: "I can only read words. Please type your question in Chinese or English, "
            "or type \"help\" to see what I can do.",
        },
    }
    return texts[problem][language]


def input_problem_reply(problem: InputProblem, language: str | None) -> str:
    """What to tell the user about a message that was not processed."""
    return _in_language({lang: _input_problem_text(problem, lang) for lang in (CHINESE, ENGLISH)}, language)


# Replies that end with the help line; {seconds} is filled in where a reply names a wait.
_WITH_HELP_LINE = {
    "busy": {
        CHINESE: "消息发送得太快了，我还在处理您之前的消息。请等 {seconds} 秒后再发送。",
        ENGLISH: "Messages are arriving faster than I can answer them. Please wait {seconds} seconds and send "
        "your message again. ",
    },
    "unreadable_metadata": {
        CHINESE: "这条消息附带的数据无法读取，我没有处理它。请刷新网页后再发送一次。",
        ENGLISH: "The data sent with this message could not be read, so I did not process it. Please reload the "
        "page and send it again. ",
    },
    "nothing_to_say": {
        CHINESE: "抱歉，我现在无法完成这个请求。请稍后再试。",
        ENGLISH: "Sorry, I cannot complete that request right now. Please try again in a few minutes. ",
    },
}


def _with_help_line(key: str, language: str | None, **figures) -> str:
    texts = {lang: text.format(**figures) + _HELP_LINE[lang] for lang, text in _WITH_HELP_LINE[key].items()}
    return _in_language(texts, language)


def busy_reply(wait_seconds: float, language: str | None) -> str:
    """Sent at once when a client is over its message limits (bot.client_throttle) or the server is full."""
    return _with_help_line("busy", language, seconds=max(1, round(wait_seconds)))


def unreadable_metadata_reply(language: str | None) -> str:
    """The web page sent data the assistant cannot read (a widget fault, not the user's)."""
    return _with_help_line("unreadable_metadata", language)


def nothing_to_say_reply(language: str | None) -> str:
    """Sent when the dialogue produced no reply, e.g. the action server is down."""
    return _with_help_line("nothing_to_say", language)
