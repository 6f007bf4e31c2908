"""Signed identity tokens passed by host websites in the message metadata."""
import base64
import datetime
import hashlib
import hmac
import json

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from bot.identity.tokens import MAX_TOKEN_LIFETIME, TokenProblem, TokenRejected, issue_token, verify_token

SECRET = "a-test-secret-of-reasonable-length-123"
SUBJECT = "5f0c2a9e41d87b36c1e9a04d27b8f613"  # an opaque person reference, never the ID number


def claims(lifetime=datetime.timedelta(minutes=5), **changes):
    """A valid token's claims, issued now (not at import: a long test run would let it expire)."""
    now = datetime.datetime.now(datetime.timezone.utc)
    return {"sub": SUBJECT, "jti": "b1946ac92492d2347c6235b4d2611184", "iat": now, "exp": now + lifetime, **changes}


@pytest.fixture(autouse=True)
def shared_secret(monkeypatch):
    monkeypatch.setenv("IDENTITY_TOKEN_SECRET", SECRET)
    monkeypatch.delenv("IDENTITY_TOKEN_PUBLIC_KEY", raising=False)


def rejected(token):
    with pytest.raises(TokenRejected) as caught:
        verify_token(token)
    return caught.value.problem


def test_a_valid_token_names_its_person_its_id_and_its_host_session():
    verified = verify_token(issue_token(SUBJECT, SECRET, host_session="host-session-1"))
    assert verified.subject_ref == SUBJECT and verified.host_session == "host-session-1"
    assert len(verified.token_id) == 32 and verified.expires_at > datetime.datetime.now(datetime.timezone.utc)


def test_every_token_has_its_own_id():
    assert verify_token(issue_token(SUBJECT, SECRET)).token_id != verify_token(issue_token(SUBJECT, SECRET)).token_id


def test_an_expired_token_is_refused_as_expired():
    assert rejected(issue_token(SUBJECT, SECRET, lifetime=datetime.timedelta(seconds=-1))) == TokenProblem.EXPIRED


def test_a_token_signed_with_another_secret_is_refused():
    assert rejected(issue_token(SUBJECT, "someone-elses-secret-of-some-length")) == TokenProblem.INVALID


def test_an_unsigned_token_is_refused():
    assert rejected(jwt.encode(claims(), key=None, algorithm="none")) == TokenProblem.INVALID


@pytest.mark.parametrize("missing", ["exp", "jti", "sub", "iat"])
def test_a_token_without_a_required_claim_is_refused(missing):
    token_claims = claims()
    del token_claims[missing]
    assert rejected(jwt.encode(token_claims, SECRET, algorithm="HS256")) == TokenProblem.INVALID


def test_a_long_lived_token_is_refused():
    too_long = claims(lifetime=MAX_TOKEN_LIFETIME + datetime.timedelta(minutes=1))
    assert rejected(jwt.encode(too_long, SECRET, algorithm="HS256")) == TokenProblem.INVALID


def test_garbage_is_refused():
    assert rejected("not.a.token") == TokenProblem.INVALID


def test_without_configuration_no_token_is_accepted(monkeypatch):
    monkeypatch.delenv("IDENTITY_TOKEN_SECRET")
    assert rejected(issue_token(SUBJECT, SECRET)) == TokenProblem.NOT_CONFIGURED


def test_a_public_key_verifies_rs256_tokens_and_refuses_hs256_ones(monkeypatch):
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_pem = private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    monkeypatch.setenv("IDENTITY_TOKEN_PUBLIC_KEY", public_pem)
    assert verify_token(jwt.encode(claims(), private_key, algorithm="RS256")).subject_ref == SUBJECT
    # The classic confusion attack: an HS256 token "signed" with the public key text must not pass.
    assert rejected(hs256_signed_with(public_pem.encode())) == TokenProblem.INVALID


def hs256_signed_with(key: bytes) -> str:
    """An HS256 token made by hand: PyJWT itself refuses to use a PEM key as an HMAC secret."""
    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).decode().rstrip("=")
    now = int(datetime.datetime.now(datetime.timezone.utc).timestamp())
    body = claims(iat=now, exp=now + 300)
    signing_input = f"{part(json.dumps({'alg': 'HS256', 'typ': 'JWT'}).encode())}.{part(json.dumps(body).encode())}"
    return f"{signing_input}.{part(hmac.new(key, signing_input.encode(), hashlib.sha256).digest())}"
