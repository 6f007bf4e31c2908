"""How often codes may be asked for: per conversation, per client address, per ID number.

Each limit is a sliding window over the verification_codes rows the check keeps anyway, so neither a
restart nor a new conversation resets it. Rows exist for registered and unregistered numbers alike, so a
limit stops both the same way and never tells whether a number is on file.

The client is the keyed hash of the client's network address that the channel puts in the message
metadata; when it is unknown (None), the per-client limit does not apply and the others still do.
"""
import datetime
import enum
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.db.models import VerificationCode

# One chat trying number after number is someone else's phone being bombed, not a typo.
MAX_ID_NUMBERS_PER_CONVERSATION = 3
ID_NUMBERS_WINDOW = datetime.timedelta(days=1)
# A household or an office behind one address asks for a few codes an hour, not dozens.
MAX_CODES_PER_CLIENT = 10
CLIENT_WINDOW = datetime.timedelta(hours=1)
# The owner's phone gets at most this many texts a day, however many chats and addresses ask.
MAX_CODES_PER_ID_NUMBER = 5
ID_NUMBER_WINDOW = datetime.timedelta(days=1)
RESEND_INTERVAL = datetime.timedelta(minutes=1)
# verification_codes rows are read for this long, then nothing needs them (bot.retention purges them).
LONGEST_WINDOW = max(ID_NUMBERS_WINDOW, CLIENT_WINDOW, ID_NUMBER_WINDOW, RESEND_INTERVAL)


class Limit(str, enum.Enum):
    RESEND_INTERVAL = "resend_interval"
    ID_NUMBERS_PER_CONVERSATION = "id_numbers_per_conversation"
    CODES_PER_CLIENT = "codes_per_client"
    CODES_PER_ID_NUMBER = "codes_per_id_number"
    WRONG_CODES = "wrong_codes"  # this conversation or client, for this number (bot.identity.lockout)
    LOCKED = "locked"  # this number, for everyone (bot.identity.lockout)


@dataclass(frozen=True)
class Stop:
    """A limit that stops this request, and how long until it no longer would."""

    limit: Limit
    wait: datetime.timedelta


def window_stop(session: Session, limit: Limit, timestamp, conditions: list, allowed: int,
                window: datetime.timedelta, now: datetime.datetime) -> Stop | None:
    """Stops when `allowed` rows matching conditions fall within the window; the wait lasts until the oldest
    of them leaves it. `timestamp` is the column the window slides over."""
    oldest_counted = session.scalars(
        select(timestamp).where(*conditions, timestamp > now - window)
        .order_by(timestamp.desc()).offset(allowed - 1).limit(1)).first()
    return Stop(limit, oldest_counted + window - now) if oldest_counted else None


def request_stop(session: Session, conversation_id: str, client: str | None, id_key: str,
                 now: datetime.datetime) -> Stop | None:
    """The first limit that stops a code for id_key now, or None when one may be sent."""
    return (_new_number_stop(session, conversation_id, id_key, now)
            or (window_stop(session, Limit.CODES_PER_CLIENT, VerificationCode.created_at,
                            [VerificationCode.client_key == client], MAX_CODES_PER_CLIENT, CLIENT_WINDOW, now)
                if client else None)
            or window_stop(session, Limit.CODES_PER_ID_NUMBER, VerificationCode.created_at,
                           [VerificationCode.id_key == id_key], MAX_CODES_PER_ID_NUMBER, ID_NUMBER_WINDOW, now)
            or resend_stop(session, id_key, now))


def resend_stop(session: Session, id_key: str, now: datetime.datetime) -> Stop | None:
    """The one-a-minute limit alone: how long until a new code for id_key may be sent."""
    return window_stop(session, Limit.RESEND_INTERVAL, VerificationCode.created_at,
                       [VerificationCode.id_key == id_key], 1, RESEND_INTERVAL, now)


def _new_number_stop(session: Session, conversation_id: str, id_key: str, now: datetime.datetime) -> Stop | None:
    """A number this conversation already asked about may be asked again; a new one only below the limit."""
    last_asked = dict(session.execute(
        select(VerificationCode.id_key, func.max(VerificationCode.created_at))
        .where(VerificationCode.conversation_id == conversation_id,
               VerificationCode.created_at > now - ID_NUMBERS_WINDOW)
        .group_by(VerificationCode.id_key)).all())
    if id_key in last_asked or len(last_asked) < MAX_ID_NUMBERS_PER_CONVERSATION:
        return None
    return Stop(Limit.ID_NUMBERS_PER_CONVERSATION, min(last_asked.values()) + ID_NUMBERS_WINDOW - now)
