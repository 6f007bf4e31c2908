"""`make shell`'s chat fed from a pipe against the real servers: buttons by number, typed text as typed, /stop
and the end of input end it cleanly, long Chinese answers wrap within the terminal's width."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.channels.console import display_width
from bot.knowledge import load_topics, render_answer

pytestmark = pytest.mark.conversation

ROOT = Path(__file__).resolve().parents[2]
TOPICS = {t.id: t for t in load_topics()}
COLUMNS = 40


def run_console(assistant, typed: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": str(COLUMNS), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "bot.channels.console", "--url", assistant.url], input=typed,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=ROOT, env=env)


def unwrapped(output: str) -> str:
    """The text without its line breaks and spaces (wrapping may break a line at any space)."""
    return "".join(output.split())


def test_piped_session_with_a_button_a_typed_question_and_stop(assistant):
    # "3" is the greeting's third button (how to check the balance); the typed question must not become a button
    # of that answer; /stop ends it before the last line is sent.
    done = run_console(assistant, "你好\n3\n统筹账户和个人账户有什么区别\n/stop\n法律依据是什么\n")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    text = unwrapped(done.stdout)
    assert "    3) 怎么查医保余额" in done.stdout.splitlines()
    assert unwrapped(render_answer(TOPICS["balance_channels"], "zh")) in text
    assert unwrapped(render_answer(TOPICS["account_types"], "zh")) in text
    assert unwrapped(render_answer(TOPICS["legal_basis"], "zh")) not in text
    assert all(display_width(line) <= COLUMNS for line in done.stdout.splitlines())


def test_the_end_of_input_ends_the_chat_without_stop(assistant):
    done = run_console(assistant, "how do I check my balance in Alipay")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert unwrapped(render_answer(TOPICS["balance_alipay"], "en")) in unwrapped(done.stdout)


def test_an_unreachable_assistant_is_a_clear_message_not_a_traceback():
    done = subprocess.run([sys.executable, "-m", "bot.channels.console", "--url", "http://127.0.0.1:9"], input="你好\n",
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode != 0 and "make run" in done.stderr and "Traceback" not in done.stderr
