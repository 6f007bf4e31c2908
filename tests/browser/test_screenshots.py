"""The screenshots the README links (issue 17): the widget in both languages, on a desktop (1280×900) and a phone
(390×844), with a policy answer, a look-up of one's own records (the demo sign-in) and a finished estimate.
Each also checks what it shows; `make screenshots` copies them from results/ to docs/ on purpose."""
import pytest

from bot.knowledge import load_topics, render_answer
from tests.browser.conftest import screenshot_path
from tests.browser.widget import Widget

pytestmark = pytest.mark.browser

TOPICS = {t.id: t for t in load_topics()}
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
SIGN_IN = {"zh": "以演示用户 张伟 的身份登录", "en": "Sign in as demo person Zhang Wei"}
STEPS = {
    "zh": {"answer": ("统筹账户和个人账户有什么区别", "account_types"),
           "lookup": "查询我的医保余额",
           # each step and what its reply asks or shows
           "estimate": [("我在上海参加职工医保，在职，三级医院住院花了三万元，能报多少？", "第几次住院"),
                        ("第一次住院", "自费部分"), ("没有自费", "统筹基金支付：约 22,400 元")]},
    "en": {"answer": ("what is the difference between the pooling account and the personal account", "account_types"),
           "lookup": "what is my medical insurance balance",
           "estimate": [("I am a working employee in Shanghai, I spent 30,000 yuan in a tertiary hospital, how "
                         "much will insurance pay?", "Which hospital stay"),
                        ("first time this year", "self-funded"), ("none", "The pooling fund pays: about 22,400 yuan")]},
}
LOOKUP_SHOWS = {"zh": "3,268.40 元", "en": "3,268.40 yuan"}


@pytest.fixture(params=list(VIEWPORTS))
def device(request, browser):
    context = browser.new_context(viewport=VIEWPORTS[request.param], is_mobile=request.param == "phone",
                                  has_touch=request.param == "phone")
    context.set_default_timeout(30_000)
    yield request.param, context.new_page()
    context.close()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_screenshots_of_an_answer_a_look_up_and_an_estimate(device, site, language):
    name, page = device
    steps = STEPS[language]
    chat = Widget(page, language).open_page(site.url)
    page.get_by_role("button", name=SIGN_IN[language]).click()
    chat.open()

    question, topic_id = steps["answer"]
    assert chat.ask(question) == render_answer(TOPICS[topic_id], language)
    page.screenshot(path=screenshot_path(f"widget-{language}-{name}-answer.png"))

    assert LOOKUP_SHOWS[language] in chat.ask(steps["lookup"])
    page.locator(".aw-verified").wait_for()
    page.screenshot(path=screenshot_path(f"widget-{language}-{name}-lookup.png"))

    for message, reply in steps["estimate"]:
        chat.ask(message)
        # a step may answer in more than one bubble: wait for the one that asks the next thing
        page.locator(".aw-from-bot").last.filter(has_text=reply).wait_for()
    page.screenshot(path=screenshot_path(f"widget-{language}-{name}-estimate.png"))
