"""What the reference page shows of each policy topic: the chat's own answer text (render_answer), so the
page and the assistant cannot disagree, with its legal-basis line set apart for the eye, and for a topic that
asks a clarifying question, the answer of each case too."""
from dataclasses import dataclass
from typing import List

from bot.knowledge import LEGAL_BASIS_LABEL, Case, Texts, Topic, load_topics, render_answer
from bot.language import CHINESE, ENGLISH, LANGUAGES

HTML_LANG = {CHINESE: "zh-CN", ENGLISH: "en"}


@dataclass(frozen=True)
class AnswerView:
    html_lang: str
    body: str  # the answer and what varies by city
    legal_basis_line: str  # the last line of the chat answer, label included


@dataclass(frozen=True)
class CaseView:
    title: Texts
    answers: List[AnswerView]  # Chinese, then English


@dataclass(frozen=True)
class TopicView:
    topic: Topic
    answers: List[AnswerView]  # Chinese, then English
    cases: List[CaseView]  # the cases with an answer of their own, in the topic file's order


def answer_view(topic: Topic, language: str, case: Case | None = None) -> AnswerView:
    body, _, last_line = render_answer(topic, language, case).rpartition("\n")
    if not last_line.startswith(LEGAL_BASIS_LABEL[language]):
        raise ValueError(f"{topic.id}: the chat answer no longer ends with its legal basis")
    return AnswerView(html_lang=HTML_LANG[language], body=body, legal_basis_line=last_line)


def topic_views() -> List[TopicView]:
    """Every topic, from the topic files (the model the chat runs was generated from the same files)."""
    return [TopicView(topic, _answers(topic), [CaseView(case.title, _answers(topic, case)) for case in _cases(topic)])
            for topic in load_topics()]


def _answers(topic: Topic, case: Case | None = None) -> List[AnswerView]:
    return [answer_view(topic, language, case) for language in LANGUAGES]


def _cases(topic: Topic) -> List[Case]:
    return [case for case in topic.clarification.cases if case.answer] if topic.clarification else []
