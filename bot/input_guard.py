"""Checks a raw user message before it reaches the models: too long, empty, or no words at all."""
import enum
import unicodedata

from bot import settings


class InputProblem(enum.Enum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    NO_WORDS = "no_words"  # emoji, punctuation or symbols only


def find_problem(text: str | None) -> InputProblem | None:
    """The reason a message cannot be answered as typed, or None when it can."""
    stripped = (text or "").strip()
    if not stripped:
        return InputProblem.EMPTY
    if len(stripped) > settings.max_message_chars():
        return InputProblem.TOO_LONG
    if not any(_is_word_character(ch) for ch in stripped):
        return InputProblem.NO_WORDS
    return None


def _is_word_character(ch: str) -> bool:
    # Letters (Latin, Chinese...) and digits carry meaning; emoji (So), punctuation (P*) and
    # modifiers such as skin tones or variation selectors do not.
    return unicodedata.category(ch)[0] in ("L", "N")
