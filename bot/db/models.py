"""Tables of the application database. The schema itself is managed by the Alembic migrations."""
import datetime

from sqlalchemy import (Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, Numeric, String,
                        UniqueConstraint)
from sqlalchemy.orm import declarative_base, relationship
from sqlalchemy.types import TypeDecorator

Base = declarative_base()
Money = Numeric(12, 2)


class UtcDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite would otherwise hand back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return value.astimezone(datetime.timezone.utc) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=datetime.timezone.utc)
        return value.astimezone(datetime.timezone.utc)


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


class Feedback(Base):
    """A "was this helpful?" answer. Holds no conversation id and no user text: nothing personal."""

    __tablename__ = "feedback"

    id = Column(Integer, primary_key=True)
    created_at = Column(UtcDateTime, nullable=False, default=_now)
    topic = Column(String(64), nullable=True)  # the intent of the answer that was rated, if any
    helpful = Column(Boolean, nullable=False)
    language = Column(String(2), nullable=True)


# --- insurance records ---------------------------------------------------------------------------

class InsuredPerson(Base):
    __tablename__ = "insured_persons"

    id = Column(Integer, primary_key=True)
    id_number = Column(String(18), nullable=False, unique=True)
    # What a host website's identity token names the person by (its `sub`): opaque, never the ID number.
    subject_ref = Column(String(32), nullable=False, unique=True)
    name_zh = Column(String(32), nullable=False)
    name_en = Column(String(64), nullable=False)
    gender = Column(String(1), nullable=False)  # "M" / "F"
    birth_date = Column(Date, nullable=False)
    city = Column(String(32), nullable=False)  # key into bot.accounts.cities
    phone = Column(String(20), nullable=False)
    insurance_type = Column(String(16), nullable=False)  # "employee" / "resident"
    employment_status = Column(String(16), nullable=True)  # "in_service" / "retired"; None for residents
    status = Column(String(16), nullable=False)  # "active" / "suspended"
    status_since = Column(Date, nullable=True)

    account = relationship("PersonalAccount", uselist=False, back_populates="person")


class Institution(Base):
    """A designated hospital, clinic or pharmacy."""

    __tablename__ = "institutions"

    id = Column(Integer, primary_key=True)
    name_zh = Column(String(64), nullable=False)
    name_en = Column(String(128), nullable=False)
    kind = Column(String(16), nullable=False)  # "hospital" / "clinic" / "pharmacy"
    level = Column(Integer, nullable=True)  # hospital level 1-3; None for pharmacies
    city = Column(String(32), nullable=False)


class PersonalAccount(Base):
    """Only employees' insurance has a personal account; residents' insurance has none."""

    __tablename__ = "personal_accounts"

    id = Column(Integer, primary_key=True)
    person_id = Column(Integer, ForeignKey("insured_persons.id"), nullable=False, unique=True)
    balance = Column(Money, nullable=False)
    as_of = Column(Date, nullable=False)

    person = relationship("InsuredPerson", back_populates="account")


class AccountMovement(Base):
    """A monthly credit into the personal account, or a medical expense with who paid what.

    For a credit, amount is the sum credited; for an expense, amount is the bill and the three *_paid
    columns split it. balance_after is the personal-account balance afterwards (None without an account).
    """

    __tablename__ = "account_movements"

    id = Column(Integer, primary_key=True)
    person_id = Column(Integer, ForeignKey("insured_persons.id"), nullable=False, index=True)
    occurred_on = Column(Date, nullable=False)
    category = Column(String(24), nullable=False)  # "monthly_credit" / "outpatient" / "emergency" / "pharmacy"
    institution_id = Column(Integer, ForeignKey("institutions.id"), nullable=True)
    amount = Column(Money, nullable=False)
    personal_account_paid = Column(Money, nullable=False, default=0)
    pooling_paid = Column(Money, nullable=False, default=0)
    cash_paid = Column(Money, nullable=False, default=0)
    balance_after = Column(Money, nullable=True)

    institution = relationship("Institution")


class Claim(Base):
    """A hospital-stay settlement: total = pooling_paid + personal_account_paid + cash_paid."""

    __tablename__ = "claims"

    id = Column(Integer, primary_key=True)
    person_id = Column(Integer, ForeignKey("insured_persons.id"), nullable=False, index=True)
    reference = Column(String(24), nullable=False, unique=True)
    institution_id = Column(Integer, ForeignKey("institutions.id"), nullable=False)
    admission_date = Column(Date, nullable=False)
    discharge_date = Column(Date, nullable=False)
    total_cost = Column(Money, nullable=False)
    self_funded = Column(Money, nullable=False)  # outside the policy scope (自费)
    deductible = Column(Money, nullable=False)  # 起付标准 applied to this stay
    payment_ratio = Column(Numeric(4, 3), nullable=False)  # the fund's share above the deductible
    pooling_paid = Column(Money, nullable=False)
    personal_account_paid = Column(Money, nullable=False)
    cash_paid = Column(Money, nullable=False)

    institution = relationship("Institution")


class Contribution(Base):
    """One period's premium: employer and employee parts for employees, the premium for residents."""

    __tablename__ = "contributions"

    id = Column(Integer, primary_key=True)
    person_id = Column(Integer, ForeignKey("insured_persons.id"), nullable=False, index=True)
    period = Column(String(7), nullable=False)  # "2026-09" (monthly) or "2026" (residents' yearly premium)
    employer_part = Column(Money, nullable=True)
    employee_part = Column(Money, nullable=True)
    resident_premium = Column(Money, nullable=True)
    account_credit = Column(Money, nullable=True)
    channel = Column(String(24), nullable=False)  # "employer_withholding" / "tax_app" / "bank_counter" ...
    paid_on = Column(Date, nullable=False)

    __table_args__ = (UniqueConstraint("person_id", "period"),)


# --- identity check ------------------------------------------------------------------------------
# ID numbers typed into the chat are stored only as keyed hashes (id_key), so an unregistered number
# leaves nothing readable behind.

class VerificationCode(Base):
    """A code request. code_hash is None when the ID number is not registered: nothing was sent.

    The limits (bot.identity.limits) count these rows per conversation, client and ID number.
    """

    __tablename__ = "verification_codes"

    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    # Keyed hash of the client's network address (made by the channel); None when unknown.
    client_key = Column(String(64), nullable=True)
    id_key = Column(String(64), nullable=False)
    person_id = Column(Integer, ForeignKey("insured_persons.id"), nullable=True)
    code_hash = Column(String(64), nullable=True)
    created_at = Column(UtcDateTime, nullable=False)
    expires_at = Column(UtcDateTime, nullable=False)
    used_at = Column(UtcDateTime, nullable=True)

    __table_args__ = (Index("ix_verification_codes_id_key_created_at", "id_key", "created_at"),
                      Index("ix_verification_codes_client_key_created_at", "client_key", "created_at"))


class VerificationAttempt(Base):
    """A code entered; bot.identity.lockout counts the wrong ones per conversation, client and ID number."""

    __tablename__ = "verification_attempts"

    id = Column(Integer, primary_key=True)
    id_key = Column(String(64), nullable=False)
    conversation_id = Column(String(255), nullable=False)
    client_key = Column(String(64), nullable=True)  # as in VerificationCode
    attempted_at = Column(UtcDateTime, nullable=False)
    succeeded = Column(Boolean, nullable=False)

    __table_args__ = (Index("ix_verification_attempts_id_key_attempted_at", "id_key", "attempted_at"),)


class IdentityLock(Base):
    """Set after too many wrong codes; kept in the database so restarts and new conversations keep it."""

    __tablename__ = "identity_locks"

    id_key = Column(String(64), primary_key=True)
    locked_until = Column(UtcDateTime, nullable=False)


class VerifiedConversation(Base):
    __tablename__ = "verified_conversations"

    conversation_id = Column(String(255), primary_key=True)
    person_id = Column(Integer, ForeignKey("insured_persons.id"), nullable=False)
    method = Column(String(8), nullable=False)  # "sms" / "token"
    verified_at = Column(UtcDateTime, nullable=False)
    last_active_at = Column(UtcDateTime, nullable=False)
    expires_at = Column(UtcDateTime, nullable=False)  # the absolute end, however active the conversation is
    # Keyed hash of the host website's sign-in session (the token's `sid`): its sign-out ends this verification.
    host_session_key = Column(String(64), nullable=True, index=True)


class UsedIdentityToken(Base):
    """Identity tokens already presented (by keyed hash of their `jti`): each verifies one conversation once."""

    __tablename__ = "used_identity_tokens"

    token_key = Column(String(64), primary_key=True)
    conversation_id = Column(String(255), nullable=False)
    expires_at = Column(UtcDateTime, nullable=False)  # the token's own `exp`: kept until then, then purged


class SignedOutConversation(Base):
    """Conversations whose person logged out: no identity token verifies them again."""

    __tablename__ = "signed_out_conversations"

    conversation_id = Column(String(255), primary_key=True)
    signed_out_at = Column(UtcDateTime, nullable=False)


class SmsOutbox(Base):
    """Development SMS backend: messages that a real gateway would have sent."""

    __tablename__ = "sms_outbox"

    id = Column(Integer, primary_key=True)
    created_at = Column(UtcDateTime, nullable=False, default=_now)
    phone = Column(String(20), nullable=False)
    text = Column(String(500), nullable=False)


class AuditEntry(Base):
    """Who looked at what and when. Subjects are masked; no full ID or phone number is ever stored here, and
    the conversation only as a keyed hash (bot.identity.audit.conversation_key)."""

    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True)
    at = Column(UtcDateTime, nullable=False, default=_now, index=True)
    conversation_key = Column(String(64), nullable=False, index=True)
    event = Column(String(32), nullable=False)  # e.g. "code_sent", "verified", "view_balance", "locked"
    subject = Column(String(32), nullable=True)  # masked ID number
    detail = Column(String(255), nullable=True)
