"""A reply built in bot/ for an action to send: text plus optional buttons ({"title", "payload"})."""
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: list[dict[str, str]] = field(default_factory=list)


def money(amount: Decimal, language: str) -> str:
    """3,268.40 元 / 3,268.40 yuan"""
    return f"{amount:,.2f} 元" if language == "zh" else f"{amount:,.2f} yuan"
