"""Masks ID numbers, phone numbers, codes and tokens in what users typed, before a conversation is stored.

The actions read the full text during the turn it was typed; only the stored copy is masked.
"""
import re

from bot.identity.masking import mask_id_number, mask_phone

# 7 or more digits, possibly typed in groups ("4403 0419 8506 1212 30"), possibly ending in X.
LONG_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d(?: ?\d){6,18}(?: ?[Xx])?(?![0-9A-Za-z])")
MOBILE = re.compile(r"1[3-9]\d{9}")
CODE = re.compile(r"(?<!\d)\d(?: ?\d){5}(?!\d)")
# Both go to the action that takes a six-digit run as a code (actions/personal.py, by length, not by intent).
IDENTITY_INTENTS = ("provide_code", "provide_id_number")


def holds_code(text: str, intent: str | None) -> bool:
    """A message the identity action would read a code from, or one that is nothing but six digits."""
    return intent in IDENTITY_INTENTS or CODE.fullmatch(text.strip()) is not None


def _mask_number(match: re.Match) -> str:
    number = match.group(0).replace(" ", "")
    return mask_phone(number) if MOBILE.fullmatch(number) else mask_id_number(number)


def redact_text(text: str, is_code: bool = False) -> str:
    """Long numbers (ID, phone) are masked; a verification code (is_code) is hidden entirely."""
    redacted = LONG_NUMBER.sub(_mask_number, text)
    return CODE.sub("******", redacted) if is_code else redacted
