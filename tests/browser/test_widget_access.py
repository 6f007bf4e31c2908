"""Issue 17's first points, in headless chromium: the reply-in-progress line, tap-to-call hotlines, the skip
link to the chat, and focus rings of at least 3:1 computed from the page's own styles."""
import re

import pytest

from bot.knowledge import load_topics, render_answer
from tests.browser.widget import Widget

pytestmark = pytest.mark.browser

TOPICS = {t.id: t for t in load_topics()}

CONTRAST_OF_FOCUS_RING = """element => {
    const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    const rgb = colour => colour.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    // what the ring is drawn on: the nearest ancestor (or the page) with a background that is not transparent
    let around = element.parentElement;
    while (around && /rgba\\(.*, 0\\)|transparent/.test(getComputedStyle(around).backgroundColor)) {
        around = around.parentElement;
    }
    const ring = luminance(rgb(getComputedStyle(element).outlineColor));
    const behind = luminance(rgb(around ? getComputedStyle(around).backgroundColor : "rgb(255, 255, 255)"));
    return { style: getComputedStyle(element).outlineStyle,
             ratio: (Math.max(ring, behind) + 0.05) / (Math.min(ring, behind) + 0.05) };
}"""


def test_a_reply_in_progress_is_shown_until_it_comes(page, site):
    widget = Widget(page, "zh").open_page(site.url).open()
    typing = page.locator(".aw-typing")
    assert typing.is_hidden()
    # A fast answer can hide the line again before a poll sees it: record every time it is shown.
    page.evaluate("""() => { window.typingShown = 0; new MutationObserver(() => {
        if (!document.querySelector('.aw-typing').hidden) { window.typingShown += 1; } })
        .observe(document.querySelector('.aw-typing'), { attributes: true }); }""")
    widget.input.fill("统筹账户和个人账户有什么区别")
    widget.input.press("Enter")
    widget.wait_for_bot_messages(2)
    typing.wait_for(state="hidden")
    assert page.evaluate("window.typingShown") >= 1  # it was shown between sending and the answer


def test_silence_ends_the_reply_in_progress_with_the_alert(page, site_with_silent_assistant):
    widget = Widget(page, "en").open_page(site_with_silent_assistant.url)
    widget.launcher.click()
    page.get_by_text("The assistant is replying…").wait_for()
    widget.alert.get_by_text("The assistant has not answered").wait_for(timeout=10_000)
    assert page.locator(".aw-typing").is_hidden()


def test_hotline_numbers_in_answers_are_tap_to_call_links_and_the_text_is_unchanged(page, site):
    widget = Widget(page, "en").open_page(site.url).open()
    answer = widget.ask("what are the ways to check the medical insurance card balance")
    assert answer == render_answer(TOPICS["balance_channels"], "en")  # the links change no word
    links = page.locator(".aw-from-bot").last.locator("a.aw-tel")
    hrefs = links.evaluate_all("nodes => nodes.map(n => n.getAttribute('href'))")
    assert sorted(hrefs) == sorted(f"tel:{number}" for number in re.findall(r"(?<!\d)(12393|12333)(?!\d)", answer))
    assert set(hrefs) == {"tel:12333", "tel:12393"}


def test_the_first_tab_reaches_the_skip_link_and_it_leads_to_the_chat_button(page, site):
    Widget(page, "zh").open_page(site.url)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="跳到在线咨询")
    assert skip.evaluate("node => node === document.activeElement")
    assert skip.is_visible()  # shown while it has the focus
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "aw-launcher"
    page.keyboard.press("Enter")  # and opens it
    page.locator(".aw-from-bot").first.wait_for()


@pytest.mark.parametrize("target", ["skip", "site link", "launcher", "input", "header button", "answer button"])
def test_every_focus_ring_has_at_least_3_to_1_contrast(page, site, target):
    widget = Widget(page, "zh").open_page(site.url)
    if target not in ("skip", "site link", "launcher"):
        widget.open()
    element = {
        "skip": page.get_by_role("link", name="跳到在线咨询"),
        "site link": page.locator(".site-header nav a").first,
        "launcher": widget.launcher,
        "input": widget.input,
        "header button": page.locator(".aw-header button").first,
        "answer button": page.locator(".aw-buttons button").first,
    }[target]
    element.focus()
    page.keyboard.press("Shift+Tab")  # focus-visible needs keyboard use: away and back
    page.keyboard.press("Tab")
    if not element.evaluate("node => node === document.activeElement"):
        element.focus()
    ring = element.evaluate(CONTRAST_OF_FOCUS_RING)
    assert ring["style"] != "none" and ring["ratio"] >= 3, ring


def test_the_larger_text_control_enlarges_the_chat_and_is_remembered_after_a_reload(page, site):
    widget = Widget(page, "zh").open_page(site.url).open()
    size = lambda selector: page.locator(selector).first.evaluate("node => parseFloat(getComputedStyle(node).fontSize)")
    before = {selector: size(selector) for selector in (".aw-text", ".aw-buttons button", ".aw-input")}
    larger = page.get_by_role("button", name="大字")
    assert larger.get_attribute("aria-pressed") == "false"
    larger.click()
    assert larger.get_attribute("aria-pressed") == "true"
    assert all(size(selector) >= 1.2 * before[selector] for selector in before), before
    page.reload()
    page.locator(".aw-from-bot").first.wait_for()  # the chat stays open with its history
    assert page.get_by_role("button", name="大字").get_attribute("aria-pressed") == "true"
    assert size(".aw-text") >= 1.2 * before[".aw-text"]
    page.get_by_role("button", name="大字").click()  # and back
    assert size(".aw-text") == before[".aw-text"]


def test_new_chat_asks_first_and_cancel_keeps_the_conversation(page, site):
    widget = Widget(page, "en").open_page(site.url).open()
    widget.ask("how do I pay the medical insurance premium")
    shown, session = widget.bot_texts(), widget.session_id()
    page.get_by_role("button", name="New chat").click()
    dialog = page.get_by_role("alertdialog")
    assert "no longer be shown" in dialog.inner_text()
    dialog.get_by_role("button", name="Cancel").click()
    assert dialog.is_hidden() and widget.bot_texts() == shown and widget.session_id() == session


def test_feedback_buttons_stay_under_the_latest_answer_until_one_is_chosen(page, site):
    widget = Widget(page, "en").open_page(site.url).open()
    widget.ask("how do I pay the medical insurance premium")
    widget.ask("thanks")  # typing does not take the helpful / not-helpful buttons away
    helpful = page.get_by_role("button", name="Helpful", exact=True)
    assert helpful.count() == 1 and helpful.is_visible()
    assert page.locator(".aw-buttons button").count() == 2  # only those two: the topic buttons went
    helpful.click()
    widget.wait_for_bot_messages(4)
    assert page.get_by_role("button", name="Helpful", exact=True).count() == 0
