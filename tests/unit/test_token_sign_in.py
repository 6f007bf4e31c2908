"""A host website's identity token presented in a conversation, on SQLite and PostgreSQL: used once, never
replayed elsewhere, refused after log out, and the host's sign-out ends what it verified."""
import datetime

import pytest
from sqlalchemy import select

from bot.db.demo_data import DEMO_PEOPLE
from bot.db.engine import session_scope
from bot.db.models import UsedIdentityToken, VerifiedConversation
from bot.identity import sessions
from bot.identity.token_sign_in import TokenOutcome, present_token
from bot.identity.tokens import issue_token

SECRET = "token-sign-in-test-secret"
WANG = next(person for person in DEMO_PEOPLE if person.name_en == "Wang Xiuying")
NOW = datetime.datetime.now(datetime.timezone.utc)


@pytest.fixture(autouse=True)
def configured(monkeypatch):
    monkeypatch.setenv("IDENTITY_TOKEN_SECRET", SECRET)
    monkeypatch.delenv("IDENTITY_TOKEN_PUBLIC_KEY", raising=False)


def present(engine, conversation_id, token, now=NOW):
    with session_scope(engine) as session:
        return present_token(session, conversation_id, token, now)


def verified_as(engine, conversation_id, now=NOW):
    with session_scope(engine) as session:
        person = sessions.verified_person(session, conversation_id, now)
        return person.id_number if person else None


def test_a_token_verifies_its_conversation_once(demo_engine):
    token = issue_token(WANG.subject_ref, SECRET)
    assert present(demo_engine, "c-owner", token) == TokenOutcome.VERIFIED
    assert verified_as(demo_engine, "c-owner") == WANG.id_number
    # The widget sends its token with every message: nothing new happens.
    assert present(demo_engine, "c-owner", token) == TokenOutcome.ALREADY_USED_HERE


def test_a_token_replayed_from_another_conversation_verifies_nothing(demo_engine):
    token = issue_token(WANG.subject_ref, SECRET)
    present(demo_engine, "c-owner", token)
    assert present(demo_engine, "c-attacker", token) == TokenOutcome.USED_ELSEWHERE
    assert verified_as(demo_engine, "c-attacker") is None


def test_a_token_refused_once_is_spent_everywhere(demo_engine):
    token = issue_token(WANG.subject_ref, SECRET)
    with session_scope(demo_engine) as session:
        sessions.sign_out(session, "c-owner", NOW)
    assert present(demo_engine, "c-owner", token) == TokenOutcome.SIGNED_OUT_HERE
    assert present(demo_engine, "c-attacker", token) == TokenOutcome.USED_ELSEWHERE


def test_after_log_out_no_token_verifies_the_conversation_again(demo_engine):
    present(demo_engine, "c-owner", issue_token(WANG.subject_ref, SECRET))
    with session_scope(demo_engine) as session:
        assert sessions.sign_out(session, "c-owner", NOW) is True
    assert present(demo_engine, "c-owner", issue_token(WANG.subject_ref, SECRET)) == TokenOutcome.SIGNED_OUT_HERE
    assert verified_as(demo_engine, "c-owner") is None


def test_a_token_for_nobody_on_file_verifies_nothing(demo_engine):
    assert present(demo_engine, "c1", issue_token("0" * 32, SECRET)) == TokenOutcome.NOT_REGISTERED
    assert verified_as(demo_engine, "c1") is None


@pytest.mark.parametrize("token, outcome", [
    (issue_token(WANG.subject_ref, "another-secret"), TokenOutcome.INVALID),
    (issue_token(WANG.subject_ref, SECRET, lifetime=datetime.timedelta(seconds=-1)), TokenOutcome.EXPIRED),
    ({"not": "a token"}, TokenOutcome.INVALID),
])
def test_bad_tokens_are_refused_and_not_recorded(demo_engine, token, outcome):
    assert present(demo_engine, "c1", token) == outcome
    with session_scope(demo_engine) as session:
        assert session.scalars(select(UsedIdentityToken)).all() == []


def test_nothing_stored_names_the_token_or_its_id(demo_engine):
    token = issue_token(WANG.subject_ref, SECRET, host_session="host-session-42")
    present(demo_engine, "c1", token)
    with session_scope(demo_engine) as session:
        used = session.scalars(select(UsedIdentityToken)).one()
        stored = f"{used.token_key} {used.conversation_id} {session.get(VerifiedConversation, 'c1').host_session_key}"
        assert len(used.token_key) == 64
    assert token not in stored and "host-session-42" not in stored


def test_the_host_websites_sign_out_ends_every_chat_it_verified(demo_engine):
    present(demo_engine, "c-tab-1", issue_token(WANG.subject_ref, SECRET, host_session="host-1"))
    present(demo_engine, "c-tab-2", issue_token(WANG.subject_ref, SECRET, host_session="host-1"))
    present(demo_engine, "c-other", issue_token(WANG.subject_ref, SECRET, host_session="host-2"))
    with session_scope(demo_engine) as session:
        assert sorted(sessions.end_host_session(session, "host-1")) == ["c-tab-1", "c-tab-2"]
    assert verified_as(demo_engine, "c-tab-1") is None and verified_as(demo_engine, "c-tab-2") is None
    assert verified_as(demo_engine, "c-other") == WANG.id_number


def test_a_verification_ends_after_its_absolute_lifetime_however_active(demo_engine):
    present(demo_engine, "c1", issue_token(WANG.subject_ref, SECRET))
    step = sessions.IDLE_TIMEOUT / 2
    moment = NOW
    while moment + step < NOW + sessions.ABSOLUTE_LIFETIME:
        moment += step
        assert verified_as(demo_engine, "c1", moment) == WANG.id_number  # active all along
    assert verified_as(demo_engine, "c1", NOW + sessions.ABSOLUTE_LIFETIME) is None
