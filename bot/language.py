"""Which language a message is in: the assistant answers in the language of the user's latest message."""
import re

CHINESE = "zh"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)

# CJK Unified Ideographs and Extension A: one Chinese character makes the message Chinese,
# so "怎么用Alipay查余额" is answered in Chinese.
_CHINESE_CHARACTER = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN_LETTER = re.compile("[A-Za-z]")
# The X that ends some ID numbers is not English: "11010519491231002X" alone keeps the current language.
_ID_NUMBER_CHECK_X = re.compile(r"(?<=\d)[Xx](?![A-Za-z])")


def detect_language(text: str) -> str | None:
    """Chinese if the text has a Chinese character, English if it has a Latin letter, else None."""
    if _CHINESE_CHARACTER.search(text or ""):
        return CHINESE
    if _LATIN_LETTER.search(_ID_NUMBER_CHECK_X.sub("", text or "")):
        return ENGLISH
    return None
