"""The community's rasa-webchat (1.0.1, from npm: scripts/ensure-rasa-webchat.sh) on another website, against
the assistant's socket.io channel, as the README's "for another widget" describes: the site's origin is allowed
with ALLOWED_ORIGINS. It opens with the greeting, answers typed questions and buttons, and a reload keeps the
conversation."""
import functools
import json
import shutil
import sqlite3
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.knowledge import load_topics, render_answer
from tests.assistant_process import ROOT, RunningAssistant
from tests.postgres import free_port

pytestmark = pytest.mark.browser

WEBCHAT = ROOT / "build" / "rasa-webchat" / "1.0.1" / "lib" / "index.js"
TOPICS = {t.id: t for t in load_topics()}
# rasa-webchat's own set-up, as its README gives it; storage "session" keeps the conversation across reloads.
PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Another website</title></head>
<body><script src="/rasa-webchat.js"></script>
<script>WebChat.default({ socketUrl: "%s", socketPath: "/socket.io/", title: "医保助手",
  customData: { language: "zh" }, params: { storage: "session" } }, null);</script></body></html>"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def other_site(tmp_path_factory):
    """A page on its own origin, served from this machine, embedding rasa-webchat; and an assistant that
    allows that origin."""
    if not WEBCHAT.exists():
        pytest.fail(f"{WEBCHAT} is missing: scripts/ensure-rasa-webchat.sh fetches it (make test runs it)")
    port = free_port()
    assistant = RunningAssistant(tmp_path_factory.mktemp("assistant"),
                                 env={"ALLOWED_ORIGINS": f"http://127.0.0.1:{port}"}).start()
    pages = tmp_path_factory.mktemp("other-site")
    (pages / "index.html").write_text(PAGE % f"http://127.0.0.1:{assistant.rasa_port}", encoding="utf-8")
    shutil.copy(WEBCHAT, pages / "rasa-webchat.js")
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(pages)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}/index.html", assistant
    server.shutdown()
    assistant.stop()


def bot_messages(page) -> list[str]:
    return page.locator(".rw-from-response .rw-message-text").all_inner_texts()


def wait_for_bot_messages(page, count: int) -> None:
    page.wait_for_function("n => document.querySelectorAll('.rw-from-response .rw-message-text').length >= n",
                           arg=count)


def first_line(topic_id: str) -> str:
    return render_answer(TOPICS[topic_id], "zh").splitlines()[0]


def test_rasa_webchat_opens_with_the_greeting_and_answers_buttons_and_questions(page, other_site):
    page.goto(other_site[0])
    page.locator(".rw-launcher").click()
    wait_for_bot_messages(page, 1)
    assert "隐私提示" in bot_messages(page)[0]  # its empty opening message is taken as a greeting
    page.locator(".rw-reply", has_text="怎么查医保余额").click()
    wait_for_bot_messages(page, 2)
    assert first_line("balance_channels") in bot_messages(page)[-1]
    page.locator(".rw-new-message").fill("住院费用怎么结算")
    page.locator(".rw-send").click()
    wait_for_bot_messages(page, 3)
    assert first_line("hospital_settlement") in bot_messages(page)[-1]


def typed_messages(assistant, secret: str) -> list[str]:
    """What the assistant stored as typed in the conversation a secret opens."""
    with sqlite3.connect(assistant.tracker_db) as connection:
        rows = connection.execute("SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
                                  (assistant.conversation_id(secret),)).fetchall()
    return [json.loads(data).get("text") for (data,) in rows]


def test_rasa_webchat_keeps_the_conversation_across_a_reload(page, other_site):
    url, assistant = other_site
    page.goto(url)
    page.locator(".rw-launcher").click()
    wait_for_bot_messages(page, 1)
    page.locator(".rw-new-message").fill("统筹账户和个人账户有什么区别")
    page.locator(".rw-send").click()
    wait_for_bot_messages(page, 2)
    secret = page.evaluate("() => JSON.parse(sessionStorage.getItem('chat_session')).session_id")
    page.reload()
    wait_for_bot_messages(page, 2)
    assert first_line("account_types") in bot_messages(page)[-1]  # the history is shown again
    page.locator(".rw-new-message").fill("住院费用怎么结算")
    page.locator(".rw-send").click()
    wait_for_bot_messages(page, 3)
    # the question after the reload went on in the same conversation, under the secret kept before it
    assert typed_messages(assistant, secret)[-2:] == ["统筹账户和个人账户有什么区别", "住院费用怎么结算"]
