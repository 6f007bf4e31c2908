"""Masks ID numbers, phone numbers, codes and tokens in what is stored of a conversation, and in log lines.

The actions read the full text during the turn it was typed; only the stored copy is masked.
Numbers are found in any spacing or separator (spaces, hyphens, dots, dashes) and in full-width digits.
"""
import re
from typing import Any

from bot.identity.masking import mask_id_number, mask_phone
from bot.identity.tokens import METADATA_KEY

DIGIT = "[0-9０-９]"
CHECK_X = "[XxＸｘ]"
SPACE = "[ \t\u00a0\u3000]"
SEPARATOR = "[ \t\u00a0\u3000.\\-\u2010-\u2015\u2212\uff0d\uff0e]"  # spaces, dots, hyphens, dashes, minus signs
GAP = f"{SEPARATOR}{{0,3}}"  # between two digits of one number: "139 - 1111"

JWT = re.compile(r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
# 17 digits and a check character, in any grouping. Only digits around it make it something else.
ID_NUMBER = re.compile(f"(?<!{DIGIT}){DIGIT}(?:{GAP}{DIGIT}){{16}}{GAP}(?:{DIGIT}|{CHECK_X})(?!{DIGIT})")
# A mainland mobile, grouped 3-4-4 when separated (an IPv4 address has no group of four digits), also after
# +86. Only digits around it make it something else: "tel" right before a mobile number is still a phone number.
MOBILE = re.compile(f"(?<!{DIGIT})(?P<country>(?:\\+|00)?86{GAP})?"
                    f"(?P<number>[1１][3-9３-９]{DIGIT}{GAP}{DIGIT}{{4}}{GAP}{DIGIT}{{4}})(?!{DIGIT})")
# Any other run of 7 to 19 digits, in groups as the identity action joins them (a mistyped ID, a bank card).
# Not inside a word (a claim reference "ZY2026030001", a hex id), nor a decimal ("1500000.00" in a slot).
LONG_NUMBER = re.compile(f"(?<![0-9０-９A-Za-z])(?<!{DIGIT}[.,])"
                         f"{DIGIT}(?:{SPACE}*{DIGIT}){{6,18}}(?:{SPACE}*{CHECK_X})?"
                         f"(?![0-9０-９A-Za-z])(?![.,]{DIGIT})")
CODE = re.compile(f"(?<!{DIGIT}){DIGIT}(?:{SPACE}*{DIGIT}){{5}}(?!{DIGIT})")
SEPARATORS = re.compile(f"{SEPARATOR}+")
MAY_HOLD_SECRET = re.compile(f"{DIGIT}|eyJ")
ASCII_DIGITS = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789Xx")
# Both go to the action that takes a six-digit run as a code (actions/personal.py, by length, not by intent).
IDENTITY_INTENTS = ("provide_code", "provide_id_number")


def holds_code(text: str, intent: str | None) -> bool:
    """A message the identity action would read a code from, or one that is nothing but six digits."""
    return intent in IDENTITY_INTENTS or CODE.fullmatch(text.strip()) is not None


def _typed_digits(typed: str) -> str:
    return SEPARATORS.sub("", typed).translate(ASCII_DIGITS)


def _mask_id(match: re.Match) -> str:
    return mask_id_number(_typed_digits(match.group(0)))


def _mask_mobile(match: re.Match) -> str:
    return (match.group("country") or "") + mask_phone(_typed_digits(match.group("number")))


def mask_identifiers(text: str) -> str:
    """Identity tokens (JWTs), full ID numbers and mobile numbers: what never goes anywhere in clear."""
    if not MAY_HOLD_SECRET.search(text):
        return text  # most stored strings are names, labels and keys: skip the patterns
    text = JWT.sub("[token]", text)
    text = ID_NUMBER.sub(_mask_id, text)
    return MOBILE.sub(_mask_mobile, text)


def redact_text(text: str, is_code: bool = False) -> str:
    """Identifiers and any other long number are masked; a verification code (is_code) is hidden entirely."""
    if not MAY_HOLD_SECRET.search(text):
        return text
    redacted = LONG_NUMBER.sub(_mask_id, mask_identifiers(text))
    return CODE.sub("******", redacted) if is_code else redacted


def _redacted_number(number: int, is_code: bool) -> int | str:
    """A number stays a number (an amount, a count) unless it is an ID, a mobile or, in a code message, a code."""
    digits = str(number)
    masked = mask_identifiers(digits)
    masked = CODE.sub("******", masked) if is_code else masked
    return number if masked == digits else masked


def redact_value(value: Any, is_code: bool = False) -> Any:
    """A masked copy of any stored value: strings masked, dicts and lists walked, the identity token dropped."""
    if isinstance(value, str):
        return redact_text(value, is_code)
    if isinstance(value, dict):
        return {redact_text(key, is_code) if isinstance(key, str) else key: redact_value(item, is_code)
                for key, item in value.items() if key != METADATA_KEY}
    if isinstance(value, (list, tuple)):
        return [redact_value(item, is_code) for item in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return _redacted_number(value, is_code)
    return value
