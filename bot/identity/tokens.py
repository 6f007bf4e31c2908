"""Signed identity tokens from host websites that already authenticate their users (JWT in message metadata).

A token names the person by an opaque reference (`sub`, InsuredPerson.subject_ref, never the ID number), is
short-lived (`exp`), single use (`jti`) and may name the host's sign-in session (`sid`), whose sign-out ends
the chat's verification too. HS256 with IDENTITY_TOKEN_SECRET, or RS256/ES256 with IDENTITY_TOKEN_PUBLIC_KEY;
no other algorithm is accepted (in particular never "none").
"""
import datetime
import enum
import secrets as random_source
import uuid
from dataclasses import dataclass

import jwt

from bot import settings

METADATA_KEY = "auth_token"
# A token lives long enough to reach the chat with the page that carries it, not for a whole visit.
MAX_TOKEN_LIFETIME = datetime.timedelta(minutes=10)
DEFAULT_TOKEN_LIFETIME = datetime.timedelta(minutes=5)


class TokenProblem(str, enum.Enum):
    NOT_CONFIGURED = "not_configured"
    EXPIRED = "expired"
    INVALID = "invalid"


class TokenRejected(Exception):
    def __init__(self, problem: TokenProblem):
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True)
class TokenClaims:
    subject_ref: str
    token_id: str
    expires_at: datetime.datetime
    host_session: str | None


def issue_token(subject_ref: str, secret: str, host_session: str | None = None,
                lifetime: datetime.timedelta = DEFAULT_TOKEN_LIFETIME) -> str:
    """What a host website does after its own login (used by the demo page and the tests)."""
    now = datetime.datetime.now(datetime.timezone.utc)
    claims = {"sub": subject_ref, "jti": uuid.UUID(bytes=random_source.token_bytes(16)).hex, "iat": now,
              "exp": now + lifetime}
    if host_session:
        claims["sid"] = host_session
    return jwt.encode(claims, secret, algorithm="HS256")


def verification_key() -> tuple[str, list[str]] | None:
    """The host websites' key and the algorithms it checks (never "none", never a mix); None when not configured."""
    public_key, secret = settings.identity_token_public_key(), settings.identity_token_secret()
    if public_key:
        return public_key, ["RS256", "ES256"]
    if secret:
        return secret, ["HS256"]
    return None


def verify_token(token: object) -> TokenClaims:
    """The claims of a genuine, unexpired token; raises TokenRejected when it is forged, expired or unusable."""
    if not isinstance(token, str):
        raise TokenRejected(TokenProblem.INVALID)
    configured = verification_key()
    if configured is None:
        raise TokenRejected(TokenProblem.NOT_CONFIGURED)
    key, algorithms = configured
    try:
        claims = jwt.decode(token, key, algorithms=algorithms, options={"require": ["exp", "sub", "jti"]})
    except jwt.ExpiredSignatureError:
        raise TokenRejected(TokenProblem.EXPIRED) from None
    except jwt.PyJWTError:
        raise TokenRejected(TokenProblem.INVALID) from None
    subject, token_id, host_session = claims["sub"], claims["jti"], claims.get("sid")
    expires_at = datetime.datetime.fromtimestamp(claims["exp"], datetime.timezone.utc)
    issued_at = claims.get("iat")
    if not (isinstance(subject, str) and isinstance(token_id, str) and token_id
            and (host_session is None or isinstance(host_session, str))):
        raise TokenRejected(TokenProblem.INVALID)
    # A long-lived token is a replay waiting to happen: refuse one that claims (or lacks) a short lifetime.
    lifetime_start = datetime.datetime.fromtimestamp(issued_at, datetime.timezone.utc) if isinstance(
        issued_at, (int, float)) else None
    if lifetime_start is None or expires_at - lifetime_start > MAX_TOKEN_LIFETIME:
        raise TokenRejected(TokenProblem.INVALID)
    return TokenClaims(subject, token_id, expires_at, host_session)
