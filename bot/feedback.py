"""Stores "was this helpful?" answers."""
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Feedback


def record_feedback(session: Session, helpful: bool, topic: str | None, language: str | None) -> Feedback:
    feedback = Feedback(helpful=helpful, topic=topic, language=language)
    session.add(feedback)
    return feedback


def helpful_share_by_topic(session: Session) -> dict[str | None, tuple[int, int]]:
    """topic -> (helpful answers, all answers): what an operator reads to find weak answers."""
    totals: dict[str | None, tuple[int, int]] = {}
    for topic, helpful in session.execute(select(Feedback.topic, Feedback.helpful)):
        good, count = totals.get(topic, (0, 0))
        totals[topic] = (good + int(helpful), count + 1)
    return totals


_REPLIES = {
    ("zh", True): "谢谢您的反馈！很高兴能帮到您。",
    ("en", True): "Thank you for your feedback! I am glad it helped.",
    ("zh", False): "谢谢您的反馈，我们会改进这条回答。您可以换个说法再问，或拨打医保服务热线 12393（社保卡事务可拨 12333）咨询人工。",
    ("en", False): "Thank you for your feedback; we will improve this answer. You can ask in other words, or call the "
    "medical-insurance hotline 12393 (12333 for social-security-card matters) to talk to a person.",
}
_NOT_SAVED = {
    "zh": "（抱歉，反馈暂时未能保存。）",
    "en": "(Sorry, your feedback could not be saved just now.)",
}


def feedback_reply(helpful: bool, saved: bool, language: str) -> str:
    reply = _REPLIES[(language, helpful)]
    return reply if saved else f"{reply}\n{_NOT_SAVED[language]}"
