"""Topics whose answer depends on the person (employee or resident, long-term or temporary stay elsewhere...).

A question that already says which case it is gets that case's answer at once; one that does not gets one
short clarifying question with a button per case and one for the general answer. A case is recognised from
the words listed for it in the topic file, tried in the file's order, so "退休职工" finds "retired" before
"employee" when retired is listed first.
"""
import json
import re

from bot.knowledge import Case, Topic, answer_buttons, render_answer
from bot.language import CHINESE, ENGLISH, LANGUAGES
from bot.reply import Reply

CASE_ENTITY = "policy_case"  # set by the clarifying question's buttons
GENERAL = "general"  # the button that asks for the answer for everyone
GENERAL_TITLE = {CHINESE: "看通用说明", ENGLISH: "General answer"}


def named_case(topic: Topic, text: str) -> Case | None:
    """The first case of the topic whose words occur in the text (English as whole words, any case)."""
    lowered = text.lower()
    for case in topic.clarification.cases:
        if any(_occurs(word, lowered, language) for language in LANGUAGES for word in case.words[language]):
            return case
    return None


def _occurs(word: str, lowered_text: str, language: str) -> bool:
    if language == ENGLISH:
        return re.search(rf"(?<![a-z]){re.escape(word.lower())}(?![a-z])", lowered_text) is not None
    return word in lowered_text


def case_button(topic: Topic, case_id: str, title: str) -> dict:
    return {"title": title, "payload": f"/{topic.intent}{json.dumps({CASE_ENTITY: case_id})}"}


def clarifying_question(topic: Topic, language: str) -> Reply:
    buttons = [case_button(topic, case.id, case.title[language]) for case in topic.clarification.cases]
    return Reply(topic.clarification.question[language],
                 [*buttons, case_button(topic, GENERAL, GENERAL_TITLE[language])])


def answer(topic: Topic, language: str, case: Case | None = None) -> Reply:
    """The answer (for one case, or the general one) with the buttons every policy answer has."""
    return Reply(render_answer(topic, language, case), answer_buttons(topic, language))


def reply_to(topic: Topic, language: str, text: str, chosen: str | None, may_ask: bool = True) -> tuple[Reply, bool]:
    """The reply to a question on the topic, and whether it is the clarifying question.

    `chosen` is the case a button sent (or GENERAL); without one, the words of the question decide. When the
    question names no case and `may_ask` is false, the general answer."""
    if topic.clarification is None or chosen == GENERAL:
        return answer(topic, language), False
    case = topic.case(chosen) if chosen else named_case(topic, text)
    if case is None and may_ask:
        return clarifying_question(topic, language), True
    return answer(topic, language, case), False
