"""Back-channel logout tokens: how a host website's server tells the chat that one of its sign-in sessions ended.

Modelled on OpenID Connect Back-Channel Logout 1.0: a JWT signed with the identity-token keys (HS256 with
IDENTITY_TOKEN_SECRET, or RS256/ES256 with the private half of IDENTITY_TOKEN_PUBLIC_KEY), with the claims
`sid` (the sign-in session its identity tokens named), `iat`, `exp` (at most 5 minutes after `iat`) and
`events` = {"http://schemas.openid.net/event/backchannel-logout": {}}. It carries no `nonce` (so no ID token
can pass for one), and an identity token, which has no `events`, is never a logout token.
"""
import datetime

import jwt

from bot.identity.tokens import verification_key

BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout"
MAX_LOGOUT_TOKEN_LIFETIME = datetime.timedelta(minutes=5)


class LogoutTokenRejected(Exception):
    """Forged, expired, long-lived, not a logout token, or no key configured to check it."""


def issue_logout_token(host_session: str, secret: str,
                       lifetime: datetime.timedelta = MAX_LOGOUT_TOKEN_LIFETIME) -> str:
    """What a host website's server sends when its user signs out (used by the tests and the README's example)."""
    now = datetime.datetime.now(datetime.timezone.utc)
    claims = {"sid": host_session, "iat": now, "exp": now + lifetime, "events": {BACKCHANNEL_LOGOUT_EVENT: {}}}
    return jwt.encode(claims, secret, algorithm="HS256")


def verified_host_session(token: object) -> str:
    """The host sign-in session a genuine, unexpired logout token ends; raises LogoutTokenRejected otherwise."""
    if not isinstance(token, str):
        raise LogoutTokenRejected("not a token")
    configured = verification_key()
    if configured is None:
        raise LogoutTokenRejected("no identity token key is configured")
    key, algorithms = configured
    try:
        claims = jwt.decode(token, key, algorithms=algorithms,
                            options={"require": ["sid", "iat", "exp", "events"]})
    except jwt.PyJWTError as error:
        raise LogoutTokenRejected(type(error).__name__) from None
    host_session, events, issued_at = claims["sid"], claims["events"], claims["iat"]
    if not (isinstance(host_session, str) and host_session):
        raise LogoutTokenRejected("sid is not a sign-in session")
    if not (isinstance(events, dict) and isinstance(events.get(BACKCHANNEL_LOGOUT_EVENT), dict)):
        raise LogoutTokenRejected("not a back-channel logout event")
    if "nonce" in claims:
        raise LogoutTokenRejected("a logout token carries no nonce")
    # As with identity tokens: a token that leaks must not stay usable for long.
    if datetime.timedelta(seconds=claims["exp"] - issued_at) > MAX_LOGOUT_TOKEN_LIFETIME:
        raise LogoutTokenRejected("lives longer than 5 minutes")
    return host_session
