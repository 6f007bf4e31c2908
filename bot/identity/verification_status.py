"""What the widget shows about a conversation's identity check: who it is verified as (masked) and for how long.

Read after every message and on every session confirmation, so the widget mirrors the server's own limits
(bot.identity.sessions) instead of guessing them; reading it does not count as use.
"""
import datetime
import math

from sqlalchemy.orm import Session

from bot.identity.masking import mask_name
from bot.identity.sessions import IDLE_TIMEOUT, current_verification

NOT_VERIFIED = {"verified": False}


def verification_status(session: Session, conversation_id: str, now: datetime.datetime) -> dict:
    current = current_verification(session, conversation_id, now)
    if current is None:
        return NOT_VERIFIED
    person, time_left = current
    return {"verified": True, "name": {"zh": mask_name(person.name_zh), "en": mask_name(person.name_en)},
            "seconds_left": math.ceil(time_left.total_seconds()),  # the widget ends no earlier than here
            "idle_seconds": round(IDLE_TIMEOUT.total_seconds())}
