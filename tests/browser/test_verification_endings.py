"""The web server's ways of ending a chat's verified state, over HTTP against the assistant's database:
the demo site's sign-out, the widget's beacon when its page goes away (/chat/end) and a host website's
back-channel logout (/identity/logout)."""
import datetime
import secrets

import jwt
import pytest
import requests

from bot.identity.logout_tokens import BACKCHANNEL_LOGOUT_EVENT, issue_logout_token
from bot.web import demo_login
from tests.browser.assistant_state import is_verified, issue_secret, verify_conversation
from tests.browser.conftest import TOKEN_SECRET
from tests.browser.demo_site import page_token_claims, signed_in_client

pytestmark = pytest.mark.browser

NOW = datetime.datetime.now(datetime.timezone.utc)


def new_conversation_id() -> str:
    return f"c-test-{secrets.token_hex(8)}"


def post_logout(site, body: str, content_type: str = "application/json") -> requests.Response:
    return requests.post(f"{site.url}/identity/logout", data=body, headers={"Content-Type": content_type},
                         timeout=10)


def post_logout_token(site, token: str) -> requests.Response:
    return post_logout(site, f'{{"logout_token": "{token}"}}')


def test_demo_sign_out_ends_the_chats_its_host_session_verified(site, assistant):
    client = signed_in_client(site)
    host_session = page_token_claims(client.get(site.url, timeout=10).text)["sid"]
    this_sign_in, another_sign_in = new_conversation_id(), new_conversation_id()
    verify_conversation(assistant, this_sign_in, "Zhang Wei", host_session=host_session)
    verify_conversation(assistant, another_sign_in, "Zhang Wei", host_session="another-host-session")

    response = client.post(f"{site.url}/demo/logout", allow_redirects=False, timeout=10)
    assert response.status_code == 303 and demo_login.COOKIE not in client.cookies
    assert not is_verified(assistant, this_sign_in)
    assert is_verified(assistant, another_sign_in)


def test_chat_end_ends_the_verification_of_the_conversation_its_secret_opens(site, assistant):
    secret = issue_secret(assistant)
    conversation_id, bystander = assistant.conversation_id(secret), new_conversation_id()
    verify_conversation(assistant, conversation_id, "Wang Xiuying")
    verify_conversation(assistant, bystander, "Wang Xiuying")

    # What navigator.sendBeacon sends for a string.
    response = requests.post(f"{site.url}/chat/end", data=secret.encode(),
                             headers={"Content-Type": "text/plain;charset=UTF-8"}, timeout=10)
    assert response.status_code == 204
    assert not is_verified(assistant, conversation_id)
    assert is_verified(assistant, bystander)


@pytest.mark.parametrize("body", ["", "s1.made-up.value", "c-test-0123", "\u00ff" * 100])
def test_chat_end_answers_the_same_to_anything_else(site, body):
    assert requests.post(f"{site.url}/chat/end", data=body.encode(), timeout=10).status_code == 204


def test_chat_end_refuses_a_large_body(site):
    assert requests.post(f"{site.url}/chat/end", data=b"s" * 257, timeout=10).status_code == 413


def test_back_channel_logout_ends_the_chats_of_the_host_session(site, assistant):
    host_session, conversation_id, bystander = secrets.token_urlsafe(16), new_conversation_id(), new_conversation_id()
    verify_conversation(assistant, conversation_id, "Liu Fang", host_session=host_session)
    verify_conversation(assistant, bystander, "Liu Fang", host_session="another-host-session")

    response = post_logout_token(site, issue_logout_token(host_session, TOKEN_SECRET))
    assert response.status_code == 200 and response.json() == {"ended": 1}
    assert response.headers["Content-Type"] == "application/json"
    assert not is_verified(assistant, conversation_id)
    assert is_verified(assistant, bystander)
    assert post_logout_token(site, issue_logout_token(host_session, TOKEN_SECRET)).json() == {"ended": 0}


def logout_claims(host_session: str, **changes) -> dict:
    return {"sid": host_session, "iat": NOW, "exp": NOW + datetime.timedelta(minutes=5),
            "events": {BACKCHANNEL_LOGOUT_EVENT: {}}, **changes}


@pytest.mark.parametrize("forge", [
    lambda sid: jwt.encode(logout_claims(sid), "someone-elses-secret-of-some-length", algorithm="HS256"),
    lambda sid: issue_logout_token(sid, TOKEN_SECRET, lifetime=datetime.timedelta(seconds=-1)),
    lambda sid: jwt.encode(logout_claims(sid, events={}), TOKEN_SECRET, algorithm="HS256"),
    lambda sid: jwt.encode(logout_claims(sid), key=None, algorithm="none"),
    lambda sid: "not.a.token",
], ids=["bad signature", "expired", "no logout event", "unsigned", "garbage"])
def test_back_channel_logout_refuses_a_bad_token_and_ends_nothing(site, assistant, forge):
    host_session, conversation_id = secrets.token_urlsafe(16), new_conversation_id()
    verify_conversation(assistant, conversation_id, "Chen Hao", host_session=host_session)
    response = post_logout_token(site, forge(host_session))
    assert response.status_code == 400 and response.json() == {"error": "invalid logout_token"}
    assert is_verified(assistant, conversation_id)


@pytest.mark.parametrize("body, content_type, status", [
    ('{"logout_token": "%s"}', "application/x-www-form-urlencoded", 415),
    ('{"logout_token": "%s"}', "text/plain", 415),
    ("logout_token=%s", "application/json", 400),
    ('["%s"]', "application/json", 400),
])
def test_back_channel_logout_takes_only_a_json_object(site, assistant, body, content_type, status):
    host_session, conversation_id = secrets.token_urlsafe(16), new_conversation_id()
    verify_conversation(assistant, conversation_id, "Chen Hao", host_session=host_session)
    response = post_logout(site, body % issue_logout_token(host_session, TOKEN_SECRET), content_type)
    assert response.status_code == status
    assert is_verified(assistant, conversation_id)
