"""The counter staff's reference page: every answer word for word as the chat gives it, search, print."""
import datetime

import pytest

from bot.knowledge import VARIES_BY_CITY, load_topics, render_answer
from bot.knowledge.review import is_overdue
from tests.browser.conftest import screenshot_path

pytestmark = pytest.mark.browser

TOPICS = load_topics()
HTML_LANG = {"zh": "zh-CN", "en": "en"}


def visible_topic_ids(page) -> set[str]:
    return {element.get_attribute("id").removeprefix("topic-") for element in page.locator("article.topic:visible").all()}


@pytest.fixture
def reference(page, site_without_assistant):
    """The reference page needs no assistant (only its chat widget would)."""
    page.goto(f"{site_without_assistant.url}/reference")
    return page


def test_every_answer_reads_exactly_as_the_chat_says_it(reference):
    for topic in TOPICS:
        for language in ("zh", "en"):
            shown = reference.locator(f"#topic-{topic.id} .answer[lang={HTML_LANG[language]}]").inner_text()
            assert shown == render_answer(topic, language), (topic.id, language)


def test_a_topic_that_asks_first_shows_its_question_and_each_cases_answer(reference):
    asking = [topic for topic in TOPICS if topic.clarification]
    assert asking
    for topic in asking:
        article = reference.locator(f"#topic-{topic.id}")
        assert topic.clarification.question["zh"] in article.locator(".clarifying").inner_text()
        cases = [case for case in topic.clarification.cases if case.answer]
        assert article.locator(".case").count() == len(cases)
        for index, case in enumerate(cases):
            for language in ("zh", "en"):
                shown = article.locator(".case").nth(index).locator(f".case-answer[lang={HTML_LANG[language]}]")
                assert shown.inner_text() == render_answer(topic, language, case), (topic.id, case.id, language)


def test_each_topic_shows_its_legal_basis_scope_review_dates_and_sources(reference):
    for topic in TOPICS:
        article = reference.locator(f"#topic-{topic.id}")
        legal_basis = article.locator(".answer-block .legal-basis").all_inner_texts()
        assert legal_basis == [f"法律依据：{topic.legal_basis['zh']}", f"Legal basis: {topic.legal_basis['en']}"]
        assert article.locator(".scope").inner_text() == ("各地不同" if topic.scope == VARIES_BY_CITY else "全国统一")
        assert article.locator(".last-reviewed").inner_text() == topic.last_reviewed.isoformat()
        assert article.locator(".review-by time").inner_text() == topic.review_by.isoformat()
        assert article.locator(".sources li").all_inner_texts() == [source.cite for source in topic.sources]
        links = article.locator(".sources a")
        assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
            source.url for source in topic.sources if source.url]
        assert article.locator(".overdue-flag").count() == int(is_overdue(topic, datetime.date.today()))


def test_each_topic_has_an_anchor_the_contents_link_to(reference):
    reference.get_by_role("link", name="住院费用如何结算").first.click()
    assert reference.url.endswith("#topic-hospital_settlement")
    assert reference.locator("#topic-hospital_settlement").is_visible()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}])
def test_a_jump_lands_below_the_sticky_search_bar_and_every_topic_leads_back_to_the_contents(reference, viewport):
    reference.set_viewport_size(viewport)
    reference.get_by_role("link", name="医保电子凭证").first.click()
    title = reference.locator("#topic-e_voucher-title")
    reference.wait_for_function("() => Math.abs(document.querySelector('#topic-e_voucher').getBoundingClientRect().top"
                                " - document.querySelector('.topic-search').getBoundingClientRect().bottom) < 40")
    bar_bottom = reference.locator(".topic-search").evaluate("node => node.getBoundingClientRect().bottom")
    assert title.evaluate("node => node.getBoundingClientRect().top") >= bar_bottom  # not hidden under the bar
    reference.locator("#topic-e_voucher").get_by_role("link", name="返回目录").click()
    assert reference.url.endswith("#contents")
    contents_top = reference.locator("#contents-title").evaluate("node => node.getBoundingClientRect().top")
    assert bar_bottom <= contents_top < viewport["height"]
    assert reference.locator("article.topic .to-contents").count() == len(TOPICS)


def test_search_in_chinese_and_in_english(reference):
    search = reference.get_by_label("搜索（中文或英文）")
    search.fill("起付线")
    chinese_hits = visible_topic_ids(reference)
    assert "hospital_settlement" in chinese_hits and "balance_alipay" not in chinese_hits
    assert reference.get_by_role("status").inner_text() == f"显示 {len(chinese_hits)} / {len(TOPICS)} 个主题"
    reference.screenshot(path=screenshot_path("reference.png"))

    search.fill("alipay")  # any case
    english_hits = visible_topic_ids(reference)
    assert "balance_alipay" in english_hits and "hospital_settlement" not in english_hits

    search.fill("Alipay 支付宝 10.1.18")  # every word must match, in either language
    assert visible_topic_ids(reference) == {"balance_alipay"}

    search.fill("no such thing")
    assert visible_topic_ids(reference) == set()
    assert reference.get_by_role("status").inner_text() == "没有找到匹配的主题。"


def test_search_puts_the_best_match_first_and_highlights_the_words(reference):
    search = reference.get_by_label("搜索（中文或英文）")
    search.fill("起付线")
    shown = [node.get_attribute("id") for node in reference.locator("article.topic:visible").all()]
    assert shown[0] == "topic-hospital_settlement"
    contents = [n.get_attribute("data-topic") for n in reference.locator(".contents li:visible").all()]
    assert contents == [topic_id.removeprefix("topic-") for topic_id in shown]  # the contents follow
    marks = reference.locator("#topic-hospital_settlement mark").all_inner_texts()
    assert marks and set(marks) == {"起付线"}
    settlement = next(t for t in TOPICS if t.id == "hospital_settlement")
    answer = reference.locator("#topic-hospital_settlement .answer[lang=zh-CN]").inner_text()
    assert answer == render_answer(settlement, "zh")  # highlighting changes no word
    search.fill("")
    assert reference.locator("article.topic mark").count() == 0
    in_order = [node.get_attribute("id") for node in reference.locator("article.topic").all()]
    assert in_order == [f"topic-{t.id}" for t in TOPICS]  # back to the order of the contents


def test_without_javascript_every_topic_is_shown_and_no_search_box(browser, site_without_assistant):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_without_assistant.url}/reference?lang=en")
    assert len(visible_topic_ids(page)) == len(TOPICS)
    assert not page.get_by_label("Search (Chinese or English)").is_visible()
    context.close()


def test_print_leaves_out_the_search_box_and_the_chat_and_starts_each_topic_on_a_new_page(reference):
    reference.locator(".aw-launcher").wait_for()
    reference.emulate_media(media="print")
    assert not reference.get_by_label("搜索（中文或英文）").is_visible()
    assert not reference.locator(".aw-launcher").is_visible()
    breaks = reference.eval_on_selector_all("article.topic", "topics => topics.map(t => getComputedStyle(t).breakBefore)")
    assert set(breaks) == {"page"}
