import pytest

from bot.input_guard import InputProblem, find_problem
from bot.service_messages import input_problem_reply, nothing_to_say_reply


@pytest.mark.parametrize(
    "text, problem",
    [
        ("", InputProblem.EMPTY),
        ("   \n\t", InputProblem.EMPTY),
        (None, InputProblem.EMPTY),
        ("👍", InputProblem.NO_WORDS),
        ("🙏🏻🙏🏻", InputProblem.NO_WORDS),  # skin-tone modifiers are not words
        ("？！…", InputProblem.NO_WORDS),
        ("x" * 1001, InputProblem.TOO_LONG),
        ("医" * 1001, InputProblem.TOO_LONG),
        ("x" * 1000, None),
        ("余额😀", None),
        ("12393", None),
        ("how do I check my balance", None),
    ],
)
def test_find_problem(text, problem):
    assert find_problem(text) == problem


def test_limit_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("MAX_MESSAGE_CHARS", "10")
    assert find_problem("x" * 11) == InputProblem.TOO_LONG
    assert "10" in input_problem_reply(InputProblem.TOO_LONG, "en")


def test_reply_in_the_users_language_or_both_when_unknown():
    assert "太长" in input_problem_reply(InputProblem.TOO_LONG, "zh")
    assert "too long" in input_problem_reply(InputProblem.TOO_LONG, "en")
    both = input_problem_reply(InputProblem.NO_WORDS, None)
    assert "文字" in both and "words" in both


def test_nothing_to_say_reply_names_the_hotlines():
    for language in ("zh", "en", None):
        reply = nothing_to_say_reply(language)
        assert "12393" in reply and "12333" in reply
