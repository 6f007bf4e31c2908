"""Which language a message is in: the assistant answers in the language of the user's latest message.

A message with no natural-language words (digits, an amount such as "5k", "10^12", a code, an ID number,
a URL, SQL-like text) has no language, so the conversation keeps the one it had.
"""
import re

CHINESE = "zh"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)

# CJK Unified Ideographs and Extension A: one Chinese character makes the message Chinese,
# so "怎么用Alipay查余额" is answered in Chinese.
_CHINESE_CHARACTER = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
# Not words: web and e-mail addresses, and the keywords of injected SQL or script.
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:cn|com|org|net|gov)\b\S*",
                      re.IGNORECASE)
# Injected SQL or script is not a language either, even with English keywords in it.
_SQL_OR_SCRIPT = re.compile(
    r"['\"]\s*(?:or|and)\b|\b(?:or|and)\s+\d+\s*=\s*\d+|\b(?:select|delete)\b.*\bfrom\b|\binsert\s+into\b"
    r"|\bupdate\b.*\bset\b|\bdrop\s+table\b|\bunion\s+(?:all\s+)?select\b|<\s*/?\s*script|--\s*$",
    re.IGNORECASE)
# An English word has two letters or more ("ok", "hi"); one letter next to digits is a unit or the X of an
# ID number ("5k", "2w", "11010519491231002X").
_ENGLISH_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z])")


def detect_language(text: str) -> str | None:
    """Chinese if the text has a Chinese character, English if it has an English word, else None."""
    text = text or ""
    if _CHINESE_CHARACTER.search(text):
        return CHINESE
    if _ENGLISH_WORD.search(_strip_non_words(text)):
        return ENGLISH
    return None


def _strip_non_words(text: str) -> str:
    """Without addresses; nothing at all when the text is SQL or script ("' OR 1=1 --")."""
    return "" if _SQL_OR_SCRIPT.search(text) else _ADDRESS.sub(" ", text)
