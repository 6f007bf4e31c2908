"""What the reference page shows of each policy topic: the chat's own answer text (render_answer), so the
page and the assistant cannot disagree, with its legal-basis line set apart for the eye."""
from dataclasses import dataclass
from typing import List

from bot.knowledge import LEGAL_BASIS_LABEL, Topic, load_topics, render_answer
from bot.language import CHINESE, ENGLISH

HTML_LANG = {CHINESE: "zh-CN", ENGLISH: "en"}


@dataclass(frozen=True)
class AnswerView:
    html_lang: str
    body: str  # the answer and what varies by city
    legal_basis_line: str  # the last line of the chat answer, label included


@dataclass(frozen=True)
class TopicView:
    topic: Topic
    answers: List[AnswerView]  # Chinese, then English


def answer_view(topic: Topic, language: str) -> AnswerView:
    body, _, last_line = render_answer(topic, language).rpartition("\n")
    if not last_line.startswith(LEGAL_BASIS_LABEL[language]):
        raise ValueError(f"{topic.id}: the chat answer no longer ends with its legal basis")
    return AnswerView(html_lang=HTML_LANG[language], body=body, legal_basis_line=last_line)


def topic_views() -> List[TopicView]:
    """Every topic, from the topic files (the model the chat runs was generated from the same files)."""
    return [TopicView(topic, [answer_view(topic, CHINESE), answer_view(topic, ENGLISH)]) for topic in load_topics()]
