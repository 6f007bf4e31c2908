"""Conversation secrets: only a secret this server issued opens a conversation, and ids cannot be reversed."""
import pytest

from bot.identity.conversation_keys import conversation_id_for, issue_secret


def test_an_issued_secret_opens_the_same_conversation_every_time():
    secret = issue_secret()
    assert conversation_id_for(secret) == conversation_id_for(secret)
    assert conversation_id_for(secret).startswith("c-") and len(conversation_id_for(secret)) == 34


def test_every_secret_opens_its_own_conversation():
    assert len({conversation_id_for(issue_secret()) for _ in range(200)}) == 200


@pytest.mark.parametrize("client_value", [
    None, "", "default", "alice", "x" * 20_000, 42, {"id": 1}, ["s1."],
    "s1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA",  # the right shape, but not signed here
])
def test_client_chosen_values_open_nothing(client_value):
    assert conversation_id_for(client_value) is None


def test_a_tampered_secret_opens_nothing():
    secret = issue_secret()
    flipped = secret[:5] + ("A" if secret[5] != "A" else "B") + secret[6:]
    assert conversation_id_for(flipped) is None


def test_the_conversation_id_is_not_a_secret_that_opens_it():
    """An id read from the tracker store, the audit log or a log line gives nothing."""
    assert conversation_id_for(conversation_id_for(issue_secret())) is None


def test_secrets_of_another_deployment_open_nothing(monkeypatch):
    secret = issue_secret()
    monkeypatch.setenv("SESSION_SECRET_KEY", "another-deployment's-key")
    assert conversation_id_for(secret) is None
