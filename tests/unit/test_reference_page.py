"""The reference page's review dates: an overdue topic is flagged for the staff, the others are not."""
import re

from bot.web.app import page_templates
from bot.web.labels import EN, LABELS, ZH
from bot.web.reference import topic_views

VIEWS = topic_views()
WIDGET = {"socket_url": "", "max_message_chars": 1, "reply_timeout_seconds": 1, "auth_token": ""}


def render(overdue, language=ZH):
    return page_templates().get_template("reference.html").render(
        lang=language, labels=LABELS[language], path="/reference", widget=WIDGET, signed_in=None, demo_people={},
        topics=VIEWS, overdue=overdue)


def article(page, topic_id):
    return re.search(rf'<article class="topic" id="topic-{topic_id}".*?</article>', page, re.S).group(0)


def test_an_overdue_topic_is_flagged_and_the_others_are_not():
    page = render({"hospital_settlement"})
    assert LABELS[ZH]["review_overdue"] in article(page, "hospital_settlement")
    assert 'class="review-by overdue"' in article(page, "hospital_settlement")
    others = [view.topic.id for view in VIEWS if view.topic.id != "hospital_settlement"]
    assert all(LABELS[ZH]["review_overdue"] not in article(page, topic_id) for topic_id in others)


def test_the_flag_is_in_the_page_language():
    assert LABELS[EN]["review_overdue"] in article(render({"e_voucher"}, EN), "e_voucher")
