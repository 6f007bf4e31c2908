"""Issue 17, how answers read in the widget: lists as lists with the legal basis set apart, official names as
links to the addresses the sources give, the time of each message, a "talk to a person" button, and the
"verified as" badge with its warning before the identity check ends."""
import datetime

import pytest
from sqlalchemy import update

from bot.db.models import VerifiedConversation
from bot.identity.sessions import IDLE_TIMEOUT
from bot.knowledge import LEGAL_BASIS_LABEL, load_topics, render_answer
from bot.knowledge.links import NATIONAL_SERVICE_PLATFORM, document_links
from tests.assistant_database import assistant_database, fresh_day, latest_code
from tests.browser.widget import Widget
from tests.conversation.test_policy_answers import QUESTIONS

pytestmark = pytest.mark.browser

TOPICS = {t.id: t for t in load_topics()}


def verified_as_wang_xiuying(page, site, assistant) -> Widget:
    """The identity check done in the chat (ID number and texted code): Wang Xiuying's balance shown."""
    fresh_day(assistant)  # other tests verify her too: the daily limit on codes is not what this tests
    chat = Widget(page, "zh").open_page(site.url).open()
    chat.ask("查询我的医保余额")
    chat.ask("同意")
    chat.ask("身份证号 110105 19491231 002X")
    chat.ask(latest_code(assistant))
    page.locator(".aw-from-bot", has_text="5,120.00 元").wait_for()
    return chat


def idle_for(assistant, conversation_id: str, span: datetime.timedelta) -> None:
    """As if the conversation's records had last been used `span` ago."""
    with assistant_database(assistant) as session:
        session.execute(update(VerifiedConversation).where(VerifiedConversation.conversation_id == conversation_id)
                        .values(last_active_at=datetime.datetime.now(datetime.timezone.utc) - span))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_an_answers_list_is_a_list_and_its_legal_basis_is_set_apart(page, site, language):
    widget = Widget(page, language).open_page(site.url).open()
    question = QUESTIONS["account_types"][0 if language == "zh" else 1]
    answer = render_answer(TOPICS["account_types"], language)
    assert widget.ask(question) == answer  # every line, each "- " line as a list item
    message = page.locator(".aw-from-bot").last
    assert message.locator("ul > li").count() == sum(line.startswith("- ") for line in answer.splitlines())
    basis = message.locator("p.aw-basis")
    assert basis.inner_text().startswith(LEGAL_BASIS_LABEL[language].strip())
    assert basis.evaluate("node => getComputedStyle(node).borderTopStyle") == "solid"


def test_official_names_link_to_the_addresses_the_sources_give(page, site):
    widget = Widget(page, "zh").open_page(site.url).open()
    widget.ask(QUESTIONS["family_mutual_aid"][0])
    links = page.locator(".aw-from-bot").last.locator("a.aw-link")
    shown = dict(zip(links.all_inner_texts(), links.evaluate_all("nodes => nodes.map(n => n.href)")))
    # the app's name, and the policy document that the topic file gives an address for
    assert shown["国家医保服务平台"].rstrip("/") == NATIONAL_SERVICE_PLATFORM
    assert shown["国办发〔2021〕14号"] == document_links(TOPICS.values())["国办发〔2021〕14号"]
    assert links.evaluate_all("nodes => nodes.every(n => n.target === '_blank' && n.rel === 'noopener')")


def test_every_message_shows_its_time_and_keeps_it_after_a_reload(page, site):
    widget = Widget(page, "en").open_page(site.url).open()
    widget.ask("hello")
    times = page.locator(".aw-message time")
    sent = times.evaluate_all("nodes => nodes.map(n => n.getAttribute('datetime'))")
    assert len(sent) == 3  # the greeting, the question, the answer
    now = datetime.datetime.now(datetime.timezone.utc)
    for stamp in sent:
        assert abs(now - datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00"))) < datetime.timedelta(minutes=2)
    assert all(len(shown) == 5 and shown[2] == ":" for shown in times.all_inner_texts())  # 14:05
    page.reload()
    page.locator(".aw-from-bot").first.wait_for()
    assert page.locator(".aw-message time").evaluate_all("nodes => nodes.map(n => n.getAttribute('datetime'))") == sent


@pytest.mark.parametrize("language, label", [("zh", "转人工"), ("en", "Talk to a person")])
def test_talk_to_a_person_says_how_to_reach_one(page, site, language, label):
    widget = Widget(page, language).open_page(site.url).open()
    page.get_by_role("button", name=label).click()
    widget.wait_for_bot_messages(2)
    assert widget.user_texts() == [label]
    reply = widget.bot_texts()[-1]
    assert "12393" in reply and ("窗口" in reply if language == "zh" else "counter" in reply)


def test_the_verified_badge_names_the_person_masked_and_goes_with_a_log_out(page, site, assistant):
    chat = verified_as_wang_xiuying(page, site, assistant)
    badge = page.locator(".aw-verified")
    badge.wait_for()
    assert badge.inner_text() == "已验证身份：王**"
    chat.ask("退出登录")
    badge.wait_for(state="hidden")
    assert page.locator(".aw-notice").inner_text() == ""  # the reply says it; no second notice


def test_the_widget_warns_before_the_identity_check_ends_and_says_when_it_has(page, site, assistant):
    chat = verified_as_wang_xiuying(page, site, assistant)
    conversation_id = assistant.conversation_id(chat.session_id())
    notice = page.locator(".aw-notice")
    assert notice.inner_text() == ""
    # Five seconds before the idle limit; a policy question is not a use of the records, so it stays so.
    idle_for(assistant, conversation_id, IDLE_TIMEOUT - datetime.timedelta(seconds=5))
    chat.ask("统筹账户和个人账户有什么区别")
    page.get_by_text(f"{IDLE_TIMEOUT.seconds // 60} 分钟没有查询会自动退出").wait_for()
    page.get_by_text("身份验证已结束").wait_for(timeout=15_000)
    assert page.locator(".aw-verified").is_hidden()
    assert "验证" in chat.ask("查询我的医保余额")  # and the server agrees: the check starts again


def test_a_long_answer_arrives_with_its_first_line_in_view(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    widget = Widget(page, "zh").open_page(site.url).open()
    for question in ("你好", "怎么用支付宝查医保余额", QUESTIONS["account_types"][0]):
        widget.ask(question)
    view = page.evaluate("""() => { const log = document.querySelector('.aw-log').getBoundingClientRect();
        const answer = Array.from(document.querySelectorAll('.aw-from-bot')).pop().getBoundingClientRect();
        return { logTop: log.top, logBottom: log.bottom, answerTop: answer.top, answerBottom: answer.bottom }; }""")
    assert view["answerBottom"] > view["logBottom"]  # longer than what is left of the screen: it needs scrolling
    assert view["logTop"] <= view["answerTop"] < view["logBottom"] - 40  # and it is read from its first line
    context.close()
