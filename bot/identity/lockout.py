"""Wrong codes: first each conversation and client is stopped, and only a distributed attack locks a number.

- MAX_WRONG_CODES_PER_SOURCE wrong codes for a number from one conversation, or from one client address,
  within SOURCE_STOP void the pending code and stop that conversation / client from asking for or
  entering codes for that number until the oldest of them is SOURCE_STOP old. Anyone else, the owner
  included, can still get a code: knowing someone's ID number no longer lets you lock them out.
- A code is checked only in the conversation that asked for it and lives 5 minutes, well within
  SOURCE_STOP, so no code takes more than 3 guesses; and no number gets more than
  limits.MAX_CODES_PER_ID_NUMBER (5) codes a day. So at most 15 guesses a day reach any number, whoever and
  however many make them: a 6-digit code is guessed with probability at most 15 / 10**6 = 0.0015 % a day
  (about 0.55 % in a whole year of attacking every day, while the owner's phone gets 5 unexplained texts
  a day).
- So the lock of a number for everyone is only a backstop, and needs far more: GLOBAL_LOCK_WRONG_CODES
  (10) wrong codes within GLOBAL_LOCK_WINDOW from at least GLOBAL_LOCK_MIN_SOURCES (3) different clients
  (conversations, where the client is unknown). The owner alone never triggers it (stopped after 3); it
  lasts a day, which cuts a distributed attack to 10 guesses every two days, and keeps the owner from codes
  no longer than using up the number's 5 codes a day already could. Sign-in on a host website still works.

Everything is kept in the database (attempts and locks keyed by the hashed ID number), so neither a
restart nor a new conversation resets it.
"""
import datetime

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from bot.db.models import IdentityLock, VerificationAttempt
from bot.identity.limits import Limit, Stop, window_stop

MAX_WRONG_CODES_PER_SOURCE = 3
SOURCE_STOP = datetime.timedelta(minutes=30)
GLOBAL_LOCK_WRONG_CODES = 10
GLOBAL_LOCK_MIN_SOURCES = 3
GLOBAL_LOCK_WINDOW = datetime.timedelta(days=1)
LOCK_DURATION = datetime.timedelta(days=1)
# verification_attempts rows and ended locks are read for this long (bot.retention purges them after).
LONGEST_WINDOW = max(SOURCE_STOP, GLOBAL_LOCK_WINDOW)
_SOURCE = func.coalesce(VerificationAttempt.client_key, VerificationAttempt.conversation_id)


def entry_stop(session: Session, id_key: str, conversation_id: str, client: str | None,
               now: datetime.datetime) -> Stop | None:
    """Why this conversation may not ask for or enter a code for id_key now, if it may not."""
    lock = session.get(IdentityLock, id_key)
    if lock and lock.locked_until > now:
        return Stop(Limit.LOCKED, lock.locked_until - now)
    stops = [window_stop(session, Limit.WRONG_CODES, VerificationAttempt.attempted_at, [*_wrong_codes(id_key), source],
                         MAX_WRONG_CODES_PER_SOURCE, SOURCE_STOP, now) for source in _sources(conversation_id, client)]
    return max((stop for stop in stops if stop), key=lambda stop: stop.wait, default=None)


def wrong_codes_left(session: Session, id_key: str, conversation_id: str, client: str | None,
                     now: datetime.datetime) -> int:
    """Wrong codes this conversation (and its client) may still enter for id_key before being stopped."""
    used = max(session.scalar(select(func.count()).where(
        *_wrong_codes(id_key), VerificationAttempt.attempted_at > now - SOURCE_STOP, source))
        for source in _sources(conversation_id, client))
    return max(MAX_WRONG_CODES_PER_SOURCE - used, 0)


def record_attempt(session: Session, id_key: str, conversation_id: str, client: str | None, succeeded: bool,
                   now: datetime.datetime) -> Stop | None:
    """Stores the attempt; returns the stop this wrong code brought about, if any."""
    session.add(VerificationAttempt(id_key=id_key, conversation_id=conversation_id, client_key=client,
                                    attempted_at=now, succeeded=succeeded))
    session.flush()
    if succeeded:
        return None
    if _distributed_attack(session, id_key, now):
        until = now + LOCK_DURATION
        lock = session.get(IdentityLock, id_key)
        if lock:
            lock.locked_until = until
        else:
            session.add(IdentityLock(id_key=id_key, locked_until=until))
        return Stop(Limit.LOCKED, LOCK_DURATION)
    return entry_stop(session, id_key, conversation_id, client, now)


def _sources(conversation_id: str, client: str | None) -> list:
    """Each counts its own wrong codes: the conversation, and its client address when known."""
    by_conversation = VerificationAttempt.conversation_id == conversation_id
    return [by_conversation, VerificationAttempt.client_key == client] if client else [by_conversation]


def _distributed_attack(session: Session, id_key: str, now: datetime.datetime) -> bool:
    """Enough wrong codes from enough sources within the window, leaving out those an earlier lock punished."""
    counted_from = now - GLOBAL_LOCK_WINDOW
    lock = session.get(IdentityLock, id_key)
    if lock and lock.locked_until > counted_from:
        counted_from = lock.locked_until
    wrong, sources = session.execute(
        select(func.count(), func.count(distinct(_SOURCE)))
        .where(*_wrong_codes(id_key), VerificationAttempt.attempted_at > counted_from)).one()
    return wrong >= GLOBAL_LOCK_WRONG_CODES and sources >= GLOBAL_LOCK_MIN_SOURCES


def _wrong_codes(id_key: str) -> list:
    return [VerificationAttempt.id_key == id_key, VerificationAttempt.succeeded.is_(False)]
