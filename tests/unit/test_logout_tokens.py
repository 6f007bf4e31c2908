"""Back-channel logout tokens from host websites' servers (bot.identity.logout_tokens)."""
import datetime

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from bot.identity.logout_tokens import (BACKCHANNEL_LOGOUT_EVENT, MAX_LOGOUT_TOKEN_LIFETIME, LogoutTokenRejected,
                                        issue_logout_token, verified_host_session)
from bot.identity.tokens import issue_token

SECRET = "a-test-secret-of-reasonable-length-123"
HOST_SESSION = "host-session-7f3a"


def claims(lifetime=datetime.timedelta(minutes=5), **changes):
    """A valid logout token's claims, issued now (not at import: a long test run would let it expire)."""
    now = datetime.datetime.now(datetime.timezone.utc)
    return {"sid": HOST_SESSION, "iat": now, "exp": now + lifetime,
            "events": {BACKCHANNEL_LOGOUT_EVENT: {}}, **changes}


def signed(token_claims, key=SECRET, algorithm="HS256"):
    return jwt.encode(token_claims, key, algorithm=algorithm)


@pytest.fixture(autouse=True)
def shared_secret(monkeypatch):
    monkeypatch.setenv("IDENTITY_TOKEN_SECRET", SECRET)
    monkeypatch.delenv("IDENTITY_TOKEN_PUBLIC_KEY", raising=False)


def test_a_valid_token_names_the_host_session_it_ends():
    assert verified_host_session(issue_logout_token(HOST_SESSION, SECRET)) == HOST_SESSION
    assert verified_host_session(signed(claims())) == HOST_SESSION


def test_a_token_signed_with_the_hosts_private_key_is_accepted(monkeypatch):
    private_key = ec.generate_private_key(ec.SECP256R1())
    public_pem = private_key.public_key().public_bytes(serialization.Encoding.PEM,
                                                       serialization.PublicFormat.SubjectPublicKeyInfo)
    monkeypatch.setenv("IDENTITY_TOKEN_PUBLIC_KEY", public_pem.decode())
    assert verified_host_session(signed(claims(), private_key, "ES256")) == HOST_SESSION
    # With a public key configured, the shared secret no longer signs anything.
    with pytest.raises(LogoutTokenRejected):
        verified_host_session(signed(claims()))


@pytest.mark.parametrize("token", [
    signed(claims(), key="someone-elses-secret-of-some-length"),
    issue_logout_token(HOST_SESSION, SECRET, lifetime=datetime.timedelta(seconds=-1)),
    signed(claims(lifetime=MAX_LOGOUT_TOKEN_LIFETIME + datetime.timedelta(minutes=1))),
    jwt.encode(claims(), key=None, algorithm="none"),
    signed(claims(events={})),
    signed(claims(events={BACKCHANNEL_LOGOUT_EVENT: "yes"})),
    signed(claims(events=[BACKCHANNEL_LOGOUT_EVENT])),
    signed(claims(sid="")),
    signed(claims(sid=42)),
    signed(claims(nonce="n-0S6_WzA2Mj")),
    issue_token("5f0c2a9e41d87b36c1e9a04d27b8f613", SECRET, host_session=HOST_SESSION),  # an identity token
    "not.a.token",
    None,
    42,
], ids=["other secret", "expired", "long-lived", "unsigned", "no event", "event not an object", "events not an object",
        "empty sid", "sid not a string", "nonce", "identity token", "garbage", "none", "a number"])
def test_anything_but_a_genuine_fresh_logout_token_is_refused(token):
    with pytest.raises(LogoutTokenRejected):
        verified_host_session(token)


@pytest.mark.parametrize("missing", ["sid", "iat", "exp", "events"])
def test_a_token_without_a_required_claim_is_refused(missing):
    token_claims = claims()
    del token_claims[missing]
    with pytest.raises(LogoutTokenRejected):
        verified_host_session(signed(token_claims))


def test_without_configuration_no_token_is_accepted(monkeypatch):
    monkeypatch.delenv("IDENTITY_TOKEN_SECRET")
    with pytest.raises(LogoutTokenRejected):
        verified_host_session(issue_logout_token(HOST_SESSION, SECRET))
