"""A host website's identity token presented in a conversation: checked once, used once, then forgotten.

The channel calls `present_token` when a message carries a token and passes only the outcome on to the
dialogue, so no token is ever stored with the conversation.
"""
import datetime
import enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import InsuredPerson, UsedIdentityToken
from bot.identity import audit, sessions
from bot.identity.keyed_hash import keyed_hash
from bot.identity.tokens import TokenProblem, TokenRejected, verify_token


class TokenOutcome(str, enum.Enum):
    VERIFIED = "verified"
    ALREADY_USED_HERE = "already_used_here"  # the widget sends its token with every message: nothing to do
    USED_ELSEWHERE = "used_elsewhere"  # a replay from another conversation
    SIGNED_OUT_HERE = "signed_out_here"  # this conversation logged out: tokens no longer verify it
    NOT_REGISTERED = "not_registered"
    EXPIRED = TokenProblem.EXPIRED.value
    INVALID = TokenProblem.INVALID.value
    NOT_CONFIGURED = TokenProblem.NOT_CONFIGURED.value


def present_token(session: Session, conversation_id: str, token: object, now: datetime.datetime) -> TokenOutcome:
    try:
        claims = verify_token(token)
    except TokenRejected as rejected:
        audit.record(session, conversation_id, "token_rejected", detail=rejected.problem.value, now=now)
        return TokenOutcome(rejected.problem.value)
    token_key = keyed_hash(f"token-id:{claims.token_id}")
    used = session.get(UsedIdentityToken, token_key)
    if used is not None:
        if used.conversation_id == conversation_id:
            return TokenOutcome.ALREADY_USED_HERE
        audit.record(session, conversation_id, "token_replayed", now=now)
        return TokenOutcome.USED_ELSEWHERE
    # Recorded before anything else, so a token refused here can never be used in another conversation either.
    session.add(UsedIdentityToken(token_key=token_key, conversation_id=conversation_id,
                                  expires_at=claims.expires_at))
    session.flush()
    if sessions.is_signed_out(session, conversation_id):
        return TokenOutcome.SIGNED_OUT_HERE
    person = session.scalars(select(InsuredPerson).where(InsuredPerson.subject_ref == claims.subject_ref)).first()
    if person is None:
        audit.record(session, conversation_id, "token_not_registered", now=now)
        return TokenOutcome.NOT_REGISTERED
    sessions.mark_verified(session, conversation_id, person, "token", now, host_session=claims.host_session)
    audit.record(session, conversation_id, "verified_by_token", person.id_number, now=now)
    return TokenOutcome.VERIFIED
