"""One-time codes: 6 digits, sent to the phone on file, valid 5 minutes, single use, stored hashed, and
only as often as bot.identity.limits and bot.identity.lockout allow.

Whether an ID number is registered never changes what the user is told: an unregistered number gets a
code request row without a code, and typing any code for it is simply wrong.
"""
import datetime
import enum
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import InsuredPerson, VerificationCode
from bot.identity import limits, lockout
from bot.identity.id_numbers import join_digit_groups
from bot.identity.keyed_hash import keyed_hash
from bot.identity.limits import Stop
from bot.identity.sms import SmsSender

CODE_LIFETIME = datetime.timedelta(minutes=5)
_LIFETIME_MINUTES = int(CODE_LIFETIME.total_seconds() // 60)

SMS_TEXT = {
    "zh": f"【医保助手】您的验证码是 {{code}}，{_LIFETIME_MINUTES} 分钟内有效，仅用于本次查询。请勿告诉任何人，工作人员不会向您索要验证码。",
    "en": f"[Medical insurance assistant] Your code is {{code}}. It is valid for {_LIFETIME_MINUTES} minutes and only "
          "for this look-up. Never tell it to anyone; staff will never ask you for it.",
}


class RequestStatus(str, enum.Enum):
    SENT_IF_REGISTERED = "sent_if_registered"
    STOPPED = "stopped"


class CheckStatus(str, enum.Enum):
    VERIFIED = "verified"
    WRONG = "wrong"
    EXPIRED = "expired"
    NO_CODE = "no_code"
    STOPPED = "stopped"


@dataclass(frozen=True)
class RequestOutcome:
    status: RequestStatus
    stop: Stop | None = None


@dataclass(frozen=True)
class CheckOutcome:
    status: CheckStatus
    person: InsuredPerson | None = None
    codes_left: int | None = None
    stop: Stop | None = None


SIX_DIGITS = re.compile(r"(?<!\d)\d{6}(?!\d)")


def find_code(text: str) -> str | None:
    """The 6-digit code in a message, also when typed in groups ("385 106")."""
    match = SIX_DIGITS.search(join_digit_groups(text))
    return match.group(0) if match else None


def person_with_id_number(session: Session, id_number: str) -> InsuredPerson | None:
    return session.scalars(select(InsuredPerson).where(InsuredPerson.id_number == id_number)).first()


def request_code(session: Session, conversation_id: str, id_number: str, sender: SmsSender, language: str,
                 now: datetime.datetime, client: str | None = None) -> RequestOutcome:
    """client: the keyed hash of the client's address (bot.message_metadata.CLIENT), None when unknown."""
    person = person_with_id_number(session, id_number)
    return _issue(session, conversation_id, client, keyed_hash(id_number), person, sender, language, now)


def resend_code(session: Session, conversation_id: str, sender: SmsSender, language: str,
                now: datetime.datetime, client: str | None = None) -> RequestOutcome | None:
    """A new code for the ID number this conversation last asked about; None if it never asked."""
    latest = latest_request(session, conversation_id)
    if latest is None:
        return None
    person = session.get(InsuredPerson, latest.person_id) if latest.person_id else None
    return _issue(session, conversation_id, client, latest.id_key, person, sender, language, now)


def _issue(session: Session, conversation_id: str, client: str | None, id_key: str, person: InsuredPerson | None,
           sender: SmsSender, language: str, now: datetime.datetime) -> RequestOutcome:
    stop = (lockout.entry_stop(session, id_key, conversation_id, client, now)
            or limits.request_stop(session, conversation_id, client, id_key, now))
    if stop:
        return RequestOutcome(RequestStatus.STOPPED, stop)
    code = f"{secrets.randbelow(10**6):06d}"
    session.add(VerificationCode(
        conversation_id=conversation_id, client_key=client, id_key=id_key, person_id=person.id if person else None,
        code_hash=keyed_hash(code) if person else None, created_at=now, expires_at=now + CODE_LIFETIME,
    ))
    if person:
        sender.send(person.phone, SMS_TEXT[language].format(code=code))
    return RequestOutcome(RequestStatus.SENT_IF_REGISTERED)


def latest_request(session: Session, conversation_id: str) -> VerificationCode | None:
    """The code this conversation asked for last, used or not."""
    return session.scalars(select(VerificationCode).where(VerificationCode.conversation_id == conversation_id)
                           .order_by(VerificationCode.created_at.desc(), VerificationCode.id.desc()).limit(1)).first()


def check_code(session: Session, conversation_id: str, code: str, now: datetime.datetime,
               client: str | None = None) -> CheckOutcome:
    """Checks a code against the latest one requested in this conversation."""
    pending = latest_request(session, conversation_id)
    if pending is None or pending.used_at is not None:
        return CheckOutcome(CheckStatus.NO_CODE)
    stop = lockout.entry_stop(session, pending.id_key, conversation_id, client, now)
    if stop:
        return CheckOutcome(CheckStatus.STOPPED, stop=stop)
    if now > pending.expires_at:
        return CheckOutcome(CheckStatus.EXPIRED)
    correct = pending.code_hash is not None and secrets.compare_digest(pending.code_hash, keyed_hash(code))
    stop = lockout.record_attempt(session, pending.id_key, conversation_id, client, correct, now)
    if stop:
        pending.expires_at = now  # voided: a stopped guesser never gets another try at this code
        return CheckOutcome(CheckStatus.STOPPED, stop=stop)
    if not correct:
        return CheckOutcome(CheckStatus.WRONG, codes_left=lockout.wrong_codes_left(
            session, pending.id_key, conversation_id, client, now))
    pending.used_at = now
    return CheckOutcome(CheckStatus.VERIFIED, person=session.get(InsuredPerson, pending.person_id))
