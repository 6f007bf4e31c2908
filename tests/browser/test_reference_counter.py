"""Issue 17, the reference page as a counter clerk uses it: a pasted question shows the topic the chat answers
with (the chat's own model, through the Rasa server's topic_lookup channel, storing nothing); on a phone the
search's first result is on the first screen and the chat button covers nothing; printed topics carry their
contents number and every page its page number."""
import sqlite3

import pytest
import requests

from bot.knowledge import load_topics, render_answer
from bot.settings import max_message_chars
from tests.browser.conftest import screenshot_path

pytestmark = pytest.mark.browser

TOPICS = {t.id: t for t in load_topics()}
PHONE = {"width": 390, "height": 844}
PASTE_LABEL = "粘贴市民的问题，看聊天会用哪个主题回答"


def stored_events(assistant) -> int:
    with sqlite3.connect(assistant.tracker_db) as connection:
        return connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]


def overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def paste(page, question: str) -> str:
    page.get_by_label(PASTE_LABEL).fill(question)
    page.get_by_role("button", name="查找主题").click()
    result = page.locator(".topic-match-result")
    result.wait_for()
    return result.inner_text()


def test_a_pasted_question_shows_the_topic_the_chat_answers_with(page, site, assistant):
    question = "住院的钱是怎么跟医院结算的"
    page.goto(f"{site.url}/reference")
    page.get_by_label("搜索（中文或英文）").fill("缴费")  # a search on: the match is shown all the same
    shown = paste(page, question)
    matched = page.locator("article.topic.matched")
    topic_id = matched.get_attribute("id").removeprefix("topic-")
    assert TOPICS[topic_id].title["zh"] in shown and "模型把握" in shown
    assert matched.is_visible() and matched.evaluate("node => node.getBoundingClientRect().top < innerHeight")
    # the chat, asked the same question, answers with that topic
    assert assistant.send(None, question)[0]["text"] == render_answer(TOPICS[topic_id], "zh")
    page.screenshot(path=screenshot_path("reference-topic-match.png"))


def test_a_question_that_is_no_policy_topic_says_so(page, site):
    page.goto(f"{site.url}/reference")
    assert paste(page, "你好").startswith("聊天不会用某个政策主题回答")
    assert page.locator("article.topic.matched").count() == 0


def test_the_look_up_stores_nothing_and_checks_the_question_as_the_chat_does(assistant):
    url = f"{assistant.url}/webhooks/topic_lookup/"
    before = stored_events(assistant)
    reply = requests.post(url, json={"question": "怎么用支付宝查医保余额"}, timeout=30)
    assert reply.status_code == 200 and reply.json()["topic"] == "balance_alipay"
    assert 0 < reply.json()["confidence"] <= 1
    assert stored_events(assistant) == before  # no conversation, no tracker
    for question in ("", "   ", "字" * (max_message_chars() + 1), None, 42):
        assert requests.post(url, json={"question": question}, timeout=30).status_code == 400
    assert requests.post(url, data=b"not json", timeout=30).status_code == 400


def test_the_look_up_says_when_the_assistant_cannot_be_reached(page, site_without_assistant):
    page.goto(f"{site_without_assistant.url}/reference")
    assert paste(page, "住院怎么结算") == "暂时无法连接医保助手，请稍后再试。"


@pytest.mark.parametrize("language, term", [("zh", "起付线"), ("en", "deductible")])
def test_on_a_phone_the_first_result_is_on_the_first_screen_and_the_chat_button_covers_nothing(
        browser, site_without_assistant, language, term):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_without_assistant.url}/reference" + ("?lang=en" if language == "en" else ""))
    search = "搜索（中文或英文）" if language == "zh" else "Search (Chinese or English)"
    page.get_by_label(search).fill(term)
    box = "node => { const r = node.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }"
    launcher = page.locator("#aw-launcher").evaluate(box)
    first = page.locator("article.topic:visible").first.evaluate(box)
    assert first["top"] < PHONE["height"] - 100  # its title and first lines, not just its border
    assert not overlaps(page.locator(".search-count").evaluate(box), launcher)
    page.screenshot(path=screenshot_path(f"reference-phone-{language}.png"))
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    last = page.locator("article.topic:visible").last.evaluate(box)
    assert last["bottom"] <= page.locator("#aw-launcher").evaluate(box)["top"]  # the end scrolls clear of it
    context.close()


def test_printed_topics_carry_their_contents_number_and_pages_their_page_number(page, site_without_assistant):
    page.goto(f"{site_without_assistant.url}/reference")
    page.emulate_media(media="print")
    numbers = page.eval_on_selector_all(
        "article.topic h2", "titles => titles.map(t => getComputedStyle(t, '::before').content)")
    assert set(numbers) == {'counter(topic) ". "'}
    assert set(page.eval_on_selector_all("article.topic", "ts => ts.map(t => getComputedStyle(t).counterIncrement)")) \
        == {"topic 1"}
    # the headings count in the contents' order, so a printed "7." is the contents' 7th entry
    contents = page.eval_on_selector_all(".contents li", "entries => entries.map(e => 'topic-' + e.dataset.topic)")
    assert contents == page.eval_on_selector_all("article.topic", "topics => topics.map(t => t.id)")
    footer = page.evaluate("""() => Array.from(document.styleSheets).flatMap(sheet => Array.from(sheet.cssRules))
        .filter(rule => rule instanceof CSSPageRule).flatMap(rule => Array.from(rule.cssRules || []))
        .map(margin => [margin.name, margin.style.content])""")
    assert ["bottom-center", 'counter(page) " / " counter(pages)'] in footer
    page.pdf(path=str(screenshot_path("reference.pdf")), format="A4")
