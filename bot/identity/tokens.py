"""Signed identity tokens from host websites that already authenticate their users (JWT in message metadata).

The token's `sub` is the ID number and `exp` is required. HS256 with IDENTITY_TOKEN_SECRET, or RS256/ES256
with IDENTITY_TOKEN_PUBLIC_KEY; no other algorithm is accepted (in particular never "none").
"""
import datetime
import enum

import jwt

from bot import settings

METADATA_KEY = "auth_token"


class TokenProblem(str, enum.Enum):
    NOT_CONFIGURED = "not_configured"
    EXPIRED = "expired"
    INVALID = "invalid"


class TokenRejected(Exception):
    def __init__(self, problem: TokenProblem):
        super().__init__(problem.value)
        self.problem = problem


def issue_token(id_number: str, secret: str, ttl_seconds: int = 600) -> str:
    """What a host website does after its own login (used by the demo page and the tests)."""
    now = datetime.datetime.now(datetime.timezone.utc)
    claims = {"sub": id_number, "iat": now, "exp": now + datetime.timedelta(seconds=ttl_seconds)}
    return jwt.encode(claims, secret, algorithm="HS256")


def verify_token(token: str) -> str:
    """The ID number the token vouches for; raises TokenRejected when it is forged, expired or unusable."""
    secret, public_key = settings.identity_token_secret(), settings.identity_token_public_key()
    if public_key:
        key, algorithms = public_key, ["RS256", "ES256"]
    elif secret:
        key, algorithms = secret, ["HS256"]
    else:
        raise TokenRejected(TokenProblem.NOT_CONFIGURED)
    try:
        claims = jwt.decode(token, key, algorithms=algorithms, options={"require": ["exp", "sub"]})
    except jwt.ExpiredSignatureError:
        raise TokenRejected(TokenProblem.EXPIRED) from None
    except jwt.PyJWTError:
        raise TokenRejected(TokenProblem.INVALID) from None
    subject = claims["sub"]
    if not isinstance(subject, str):
        raise TokenRejected(TokenProblem.INVALID)
    return subject
