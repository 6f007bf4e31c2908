"""The chat widget on the demo site, in headless chromium, talking to a real assistant over socket.io."""
import json
import re
import sqlite3
import time

import pytest

from bot.knowledge import load_topics, render_answer
from tests.assistant_database import latest_code
from tests.browser.assistant_state import is_verified
from tests.browser.conftest import screenshot_path
from tests.browser.widget import SEND, STORAGE_KEY, SentSocketEvents, Widget
from tests.conversation.test_policy_answers import QUESTIONS

pytestmark = pytest.mark.browser

TOPICS = {t.id: t for t in load_topics()}
BALANCE_QUESTION = "查询我的医保余额"
ZHANG_WEI_BALANCE = "3,268.40 元"
CONSENT_QUESTION = "个人信息保护法"  # the identity check begins by asking for consent under PIPL


def user_events(assistant, secret: str) -> list[dict]:
    """The user messages the assistant stored for the conversation a widget's secret opens (SQLite here)."""
    with sqlite3.connect(assistant.tracker_db) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
            (assistant.conversation_id(secret),)
        ).fetchall()
    return [json.loads(data) for (data,) in rows]


def sign_in_as_zhang_wei(page) -> None:
    page.get_by_role("button", name="以演示用户 张伟 的身份登录").click()
    page.get_by_text("已登录（演示）：张伟").wait_for()


def signed_in_chat_with_the_balance_shown(page, site) -> Widget:
    """Zhang Wei signed in to the demo site; his page's token verified the chat, which shows his balance."""
    chat = Widget(page, "zh").open_page(site.url)
    sign_in_as_zhang_wei(page)
    assert ZHANG_WEI_BALANCE in chat.open().ask(BALANCE_QUESTION)
    return chat


def asks_for_consent_instead_of_the_balance(chat: Widget) -> bool:
    answer = chat.ask(BALANCE_QUESTION)
    return CONSENT_QUESTION in answer and ZHANG_WEI_BALANCE not in answer


def sign_out(page) -> None:
    """The site's sign-out (the chat may offer a button of the same name, to log out of the chat only)."""
    page.locator(".demo-login").get_by_role("button", name="退出登录").click()
    page.get_by_role("button", name="以演示用户 张伟 的身份登录").wait_for()


def wait_until(condition, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not within the time allowed"
        time.sleep(0.2)


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
    sent = SentSocketEvents(page)
    widget = Widget(page, "en").open_page(site.url).open()
    widget.ask(QUESTIONS["insurance_card"][1])
    old_session = widget.session_id()
    page.get_by_role("button", name="New chat").click()
    page.get_by_role("button", name="Start a new chat").click()  # it asks first
    widget.wait_for_bot_messages(1)
    assert len(widget.bot_texts()) == 1 and "Privacy" in widget.bot_texts()[0]
    assert widget.session_id() != old_session
    assert sent.data_of("session_request") == [{}, {}]  # a new visitor, then "New chat": no secret sent
    assert sent.data_of("user_uttered")[-1]["session_id"] == widget.session_id()


def test_the_widget_keeps_the_secret_the_server_confirms(page, site_with_silent_assistant):
    """The server issues secrets: the widget keeps the confirmed one, and takes a new one when it is given one."""
    sent = SentSocketEvents(page)
    widget = Widget(page, "en").open_page(site_with_silent_assistant.url)
    widget.launcher.click()
    issued = widget.wait_for_session()
    assert sent.data_of("session_request") == [{}]
    assert sent.wait_for(page, "user_uttered", 1)[0]["session_id"] == issued  # the greeting, in that conversation

    page.reload()  # the chat stays open and asks to go on with its conversation
    assert sent.wait_for(page, "session_request", 2)[-1] == {"session_id": issued}
    assert widget.session_id() == issued

    page.evaluate("""key => { const state = JSON.parse(sessionStorage.getItem(key));
        sessionStorage.setItem(key, JSON.stringify({ ...state, sessionId: "s1.made-up" })); }""", STORAGE_KEY)
    page.reload()
    assert sent.wait_for(page, "session_request", 3)[-1] == {"session_id": "s1.made-up"}
    replaced = widget.wait_for_session(not_this="s1.made-up")
    assert replaced != issued
    # A conversation the server does not continue is started over, with a greeting.
    greeting = sent.wait_for(page, "user_uttered", 2)[-1]
    assert greeting["session_id"] == replaced and greeting["message"].startswith("/greet")


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
    sign_in_as_zhang_wei(page)
    answer = widget.open().ask(BALANCE_QUESTION)
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


def test_host_sign_out_ends_the_chats_verification_in_every_tab(page, site, assistant):
    """Signing out in one tab: the chat in another tab, whose page still holds its (used) token, is signed out."""
    chat = signed_in_chat_with_the_balance_shown(page, site)
    conversation_id = assistant.conversation_id(chat.session_id())
    assert is_verified(assistant, conversation_id)

    other_tab = page.context.new_page()
    other_tab.goto(site.url)
    sign_out(other_tab)
    assert not is_verified(assistant, conversation_id)
    assert asks_for_consent_instead_of_the_balance(chat)


def test_signing_out_leaves_nothing_of_the_chat_for_the_next_visitor(page, site):
    chat = signed_in_chat_with_the_balance_shown(page, site)
    secret = chat.session_id()

    sign_out(page)
    assert chat.bot_texts() == [] and "3,268.40" not in chat.stored()
    chat.open()  # a new conversation
    assert chat.session_id() != secret
    assert asks_for_consent_instead_of_the_balance(chat)


def test_closing_the_page_ends_the_chats_verification(page, site, assistant):
    chat = signed_in_chat_with_the_balance_shown(page, site)
    conversation_id = assistant.conversation_id(chat.session_id())
    assert is_verified(assistant, conversation_id)
    page.close(run_before_unload=True)
    wait_until(lambda: not is_verified(assistant, conversation_id))


def test_a_reload_ends_the_verification_and_the_signed_in_page_verifies_again(page, site, assistant):
    chat = signed_in_chat_with_the_balance_shown(page, site)
    conversation_id = assistant.conversation_id(chat.session_id())

    page.reload()
    wait_until(lambda: not is_verified(assistant, conversation_id))
    assert ZHANG_WEI_BALANCE in chat.bot_texts()[-1]  # the history stays
    assert ZHANG_WEI_BALANCE in chat.ask(BALANCE_QUESTION)  # the fresh page's token verifies it again


def test_typed_personal_numbers_are_shown_and_kept_masked(page, site, assistant):
    """The assistant gets the numbers as typed; the bubbles and the tab's storage only ever hold them masked."""
    chat = Widget(page, "zh").open_page(site.url).open()
    chat.ask(BALANCE_QUESTION)
    chat.ask("同意")
    chat.ask("身份证号 110105 19491231 002X")
    code = latest_code(assistant)
    chat.ask(code)
    page.locator(".aw-from-bot", has_text="5,120.00 元").wait_for()  # Wang Xiuying's balance: both numbers read
    chat.ask("我的手机号是 139-0000-1111")

    shown = [BALANCE_QUESTION, "同意", "身份证号 110***********002X", "******", "我的手机号是 139****1111"]
    assert chat.user_texts() == shown
    stored = chat.stored()
    assert not re.search(r"\d{17}[\dXx]", stored) and "19491231" not in stored
    assert code not in stored and "0000-1111" not in stored
    page.reload()
    assert chat.user_texts() == shown
