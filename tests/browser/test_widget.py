"""The chat widget on the demo site, in headless chromium, talking to a real assistant over socket.io."""
import json
import sqlite3
import time

import pytest

from bot.knowledge import load_topics, render_answer
from tests.browser.conftest import screenshot_path
from tests.browser.widget import SEND, Widget
from tests.conversation.test_policy_answers import QUESTIONS

pytestmark = pytest.mark.browser

TOPICS = {t.id: t for t in load_topics()}


def user_events(assistant, session_id: str) -> list[dict]:
    """The user messages the assistant stored for a widget session (the tracker store is SQLite here)."""
    with sqlite3.connect(assistant.tracker_db) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id", (session_id,)
        ).fetchall()
    return [json.loads(data) for (data,) in rows]


def test_english_question_is_answered_with_the_topics_text(page, site):
    widget = Widget(page, "en").open_page(site.url).open()
    assert "Privacy" in widget.bot_texts()[0]  # the greeting follows the page's language
    answer = widget.ask(QUESTIONS["balance_alipay"][1])
    assert answer == render_answer(TOPICS["balance_alipay"], "en")
    page.screenshot(path=screenshot_path("widget-en.png"))


def test_chinese_question_is_answered_with_the_topics_text(page, site):
    widget = Widget(page, "zh").open_page(site.url).open()
    assert "隐私" in widget.bot_texts()[0]
    assert page.get_by_role("button", name=SEND["zh"]).is_visible()  # labelled in the page's language
    answer = widget.ask(QUESTIONS["hospital_settlement"][0])
    assert answer == render_answer(TOPICS["hospital_settlement"], "zh")
    page.screenshot(path=screenshot_path("widget-zh.png"))


def test_clicking_a_button_sends_its_payload_and_shows_its_title(page, site):
    widget = Widget(page, "en").open_page(site.url).open()
    page.get_by_role("button", name="How to check my balance").click()
    widget.wait_for_bot_messages(2)
    assert widget.user_texts() == ["How to check my balance"]
    assert widget.bot_texts()[-1] == render_answer(TOPICS["balance_channels"], "en")
    # the greeting's buttons are gone; the answer offers its own
    assert page.get_by_role("button", name="How to check my balance").count() == 0
    assert page.get_by_role("button", name="Helpful", exact=True).is_visible()


def test_reload_keeps_the_conversation(page, site, assistant):
    widget = Widget(page, "zh").open_page(site.url).open()
    widget.ask(QUESTIONS["card_misuse"][0])
    shown_before, session_before = widget.bot_texts(), widget.session_id()

    page.reload()
    assert widget.input.is_visible()  # still open
    assert widget.bot_texts() == shown_before
    assert widget.session_id() == session_before
    page.get_by_role("button", name="有帮助").wait_for()  # the last answer's buttons are offered again

    widget.ask(QUESTIONS["premium_payment"][0])
    stored = [event["text"] for event in user_events(assistant, session_before)]
    assert stored[1:] == [QUESTIONS["card_misuse"][0], QUESTIONS["premium_payment"][0]]  # after the greeting


def test_new_conversation_starts_a_new_session(page, site):
    widget = Widget(page, "en").open_page(site.url).open()
    widget.ask(QUESTIONS["insurance_card"][1])
    old_session = widget.session_id()
    page.get_by_role("button", name="New chat").click()
    widget.wait_for_bot_messages(1)
    assert len(widget.bot_texts()) == 1 and "Privacy" in widget.bot_texts()[0]
    assert widget.session_id() != old_session


def test_message_length_is_capped_at_the_servers_limit(page, site):
    widget = Widget(page, "en").open_page(site.url)
    widget.launcher.click()
    assert widget.input.get_attribute("maxlength") == "1000"
    widget.input.focus()
    page.keyboard.insert_text("x" * 1200)
    assert len(widget.input.input_value()) == 1000
    assert page.locator("#aw-counter").inner_text() == "1000 / 1000 characters"


def test_keyboard_alone_opens_asks_and_closes(page, site):
    widget = Widget(page, "en").open_page(site.url)
    widget.launcher.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "aw-input"
    widget.wait_for_bot_messages(1)
    page.keyboard.type(QUESTIONS["consumption_details"][1])
    page.keyboard.press("Enter")
    widget.wait_for_bot_messages(2)
    assert widget.bot_texts()[-1] == render_answer(TOPICS["consumption_details"], "en")
    assert page.get_by_role("log").get_attribute("aria-live") == "polite"
    page.keyboard.press("Escape")
    assert not widget.input.is_visible()
    assert page.evaluate("document.activeElement.className") == "aw-launcher"


def test_unreachable_assistant_is_announced(page, site_without_assistant):
    widget = Widget(page, "zh").open_page(site_without_assistant.url)
    widget.launcher.click()
    widget.alert.get_by_text("暂时无法连接医保助手").wait_for()
    assert "12393" in widget.alert.inner_text()
    assert page.get_by_role("button", name=SEND["zh"]).is_disabled()


def test_silence_from_the_assistant_is_announced(page, site_with_silent_assistant):
    widget = Widget(page, "en").open_page(site_with_silent_assistant.url)
    widget.launcher.click()  # the greeting is requested and never comes
    widget.alert.get_by_text("The assistant has not answered").wait_for(timeout=10_000)


def test_a_page_on_another_origin_cannot_chat(page, site_on_foreign_origin):
    widget = Widget(page, "en").open_page(site_on_foreign_origin.url)
    widget.launcher.click()
    widget.alert.get_by_text("cannot be reached").wait_for()
    assert widget.bot_texts() == []


def test_demo_sign_in_lets_the_assistant_know_who_is_asking(page, site):
    """The page's signed token travels with the message, so the balance comes without an identity check."""
    widget = Widget(page, "zh").open_page(site.url)
    page.get_by_role("button", name="以演示用户 张伟 的身份登录").click()
    page.get_by_text("已登录（演示）：张伟").wait_for()
    answer = widget.open().ask("查询我的医保余额")
    assert answer.startswith("张*，") and "个人账户余额为" in answer


def test_page_loads_only_from_this_machine_and_reports_timings(page, site, console_errors, capsys):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    widget = Widget(page, "en").open_page(site.url)
    load_ms = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    started = time.monotonic()
    widget.open()
    greeting_ms = (time.monotonic() - started) * 1000
    started = time.monotonic()
    widget.ask(QUESTIONS["pooling_fund_uses"][1])
    answer_ms = (time.monotonic() - started) * 1000
    assert all(url.startswith("http://127.0.0.1:") for url in requested), requested
    assert console_errors == []
    with capsys.disabled():
        print(f"\nwidget page: loaded in {load_ms:.0f} ms; greeting shown {greeting_ms:.0f} ms after opening the "
              f"chat; a typed question answered on the page in {answer_ms:.0f} ms")
