"""Signed identity tokens passed by host websites in the message metadata."""
import datetime

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from bot.identity.tokens import TokenProblem, TokenRejected, issue_token, verify_token

SECRET = "a-test-secret-of-reasonable-length-123"
ID_NUMBER = "440304198506121230"


@pytest.fixture(autouse=True)
def shared_secret(monkeypatch):
    monkeypatch.setenv("IDENTITY_TOKEN_SECRET", SECRET)
    monkeypatch.delenv("IDENTITY_TOKEN_PUBLIC_KEY", raising=False)


def rejected(token):
    with pytest.raises(TokenRejected) as caught:
        verify_token(token)
    return caught.value.problem


def test_a_valid_token_names_its_person():
    assert verify_token(issue_token(ID_NUMBER, SECRET)) == ID_NUMBER


def test_an_expired_token_is_refused_as_expired():
    assert rejected(issue_token(ID_NUMBER, SECRET, ttl_seconds=-1)) == TokenProblem.EXPIRED


def test_a_token_signed_with_another_secret_is_refused():
    assert rejected(issue_token(ID_NUMBER, "someone-elses-secret-of-some-length")) == TokenProblem.INVALID


def test_an_unsigned_token_is_refused():
    unsigned = jwt.encode({"sub": ID_NUMBER, "exp": 4102444800}, key=None, algorithm="none")
    assert rejected(unsigned) == TokenProblem.INVALID


def test_a_token_without_expiry_is_refused():
    assert rejected(jwt.encode({"sub": ID_NUMBER}, SECRET, algorithm="HS256")) == TokenProblem.INVALID


def test_garbage_is_refused():
    assert rejected("not.a.token") == TokenProblem.INVALID


def test_without_configuration_no_token_is_accepted(monkeypatch):
    monkeypatch.delenv("IDENTITY_TOKEN_SECRET")
    assert rejected(issue_token(ID_NUMBER, SECRET)) == TokenProblem.NOT_CONFIGURED


def test_a_public_key_verifies_rs256_tokens_and_refuses_hs256_ones(monkeypatch):
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_pem = private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    monkeypatch.setenv("IDENTITY_TOKEN_PUBLIC_KEY", public_pem)
    exp = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=5)
    assert verify_token(jwt.encode({"sub": ID_NUMBER, "exp": exp}, private_key, algorithm="RS256")) == ID_NUMBER
    # The classic confusion attack: an HS256 token "signed" with the public key text must not pass.
    assert rejected(issue_token(ID_NUMBER, SECRET)) == TokenProblem.INVALID
