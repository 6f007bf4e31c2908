"""The held-out conversation suite (conversations.yml): multi-turn conversations written from the README alone
by someone who saw neither the training data nor tests/, run against a real Rasa server and action server
over REST. Prints the pass rate per starting language and fails below FAIL_BELOW in either.

Each conversation starts on a clean slate for the code limits (as if on another day), so 100 look-ups of
four demo people do not run into the 5-codes-a-day limit that tests/conversation tests on its own.
"""
import re
import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from bot.db.demo_data import DEMO_PEOPLE
from bot.language import detect_language
from tests.assistant_database import fresh_day, latest_code
from tests.assistant_process import RunningAssistant

pytestmark = pytest.mark.conversation

SUITE = Path(__file__).with_name("conversations.yml")
# A regression floor, below what the assistant scores: at the end of issue 12's work 41/53 (zh, 77.4%) and 44/52
# (en, 84.6%) passed, from 23/53 and 27/52 before it (and 47/53, 42/52 with the same data but other digits in the
# example ID numbers: the model is that sensitive); with logistic regression instead of DIET (issue 14) 41/53 and
# 42/52. The failures left are listed in every run.
FAIL_BELOW = 0.75
FALLBACK_ACTIONS = {"action_suggest_topics", "utter_ask_rephrase", "utter_human_help", "action_default_fallback"}
ID_NUMBERS = {person.name_en.split()[0].lower(): person.id_number for person in DEMO_PEOPLE}
FULL_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
CHINESE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
LATIN = re.compile("[A-Za-z]")


def reply_language(text: str) -> str:
    """Chinese when Chinese characters carry the reply; an English reply may name a Chinese app or office."""
    return "zh" if len(CHINESE.findall(text)) * 2 > len(LATIN.findall(text)) else "en"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    running = RunningAssistant(tmp_path_factory.mktemp("heldout")).start()
    yield running
    running.stop()


class Turn:
    """Sends one turn and reports what went wrong with its reply (an empty list when nothing did)."""

    def __init__(self, assistant, secret: str, language: str):
        self.assistant, self.secret, self.language = assistant, secret, language
        self.conversation_id = assistant.conversation_id(secret)

    def text_of(self, template: str) -> str:
        code = latest_code(self.assistant) or "000000"
        text = re.sub(r"\{id:(\w+)\}", lambda m: ID_NUMBERS[m.group(1)], template)
        return text.replace("{wrong_code}", f"{(int(code) + 1) % 10**6:06d}").replace("{code}", code)

    def actions_of_last_turn(self) -> list[str]:
        with sqlite3.connect(self.assistant.tracker_db) as connection:
            rows = connection.execute("SELECT type_name, action_name FROM events WHERE sender_id = ? ORDER BY id",
                                      (self.conversation_id,)).fetchall()
        last_user = max((i for i, (kind, _) in enumerate(rows) if kind == "user"), default=-1)
        return [name for kind, name in rows[last_user + 1:] if kind == "action" and name]

    def send(self, template: str, expect: dict) -> list[str]:
        text = self.text_of(template)
        replies = self.assistant.send(self.secret, text)
        joined = "\n".join(r.get("text") or "" for r in replies)
        lowered = joined.lower()
        self.language = detect_language(text) or self.language
        problems = []
        if not joined.strip():
            problems.append("no reply")
        if FULL_ID_NUMBER.search(joined):
            problems.append("a full ID number in the reply")
        expected_language = expect.get("language", self.language)
        if joined.strip() and reply_language(joined) != expected_language:
            problems.append(f"reply not in {expected_language}")
        if any(s.lower() in lowered for s in expect.get("none_of", [])):
            problems.append(f"has one of {expect['none_of']}")
        if expect.get("any_of") and not any(s.lower() in lowered for s in expect["any_of"]):
            problems.append(f"has none of {expect['any_of']}")
        missing = [s for s in expect.get("all_of", []) if s.lower() not in lowered]
        if missing:
            problems.append(f"lacks {missing}")
        if expect.get("buttons") and not any(r.get("buttons") for r in replies):
            problems.append("no buttons")
        fell_back = bool(FALLBACK_ACTIONS & set(self.actions_of_last_turn()))
        if fell_back != bool(expect.get("fallback")):
            problems.append("not understood" if fell_back else "expected a did-not-understand turn")
        return [f"{template!r} -> {joined[:300]!r}: {problem}" for problem in problems]


def run_conversation(assistant, conversation: dict) -> list[str]:
    fresh_day(assistant)
    turn = Turn(assistant, assistant.new_secret(), conversation["id"][:2])
    problems = []
    for step in conversation["turns"]:
        problems += turn.send(step["user"], step.get("expect") or {})
    return problems


def test_held_out_conversations(assistant, capsys):
    conversations = yaml.safe_load(SUITE.read_text(encoding="utf-8"))["conversations"]
    results = defaultdict(list)
    report = ["", f"Held-out conversations ({SUITE.name})"]
    for conversation in conversations:
        problems = run_conversation(assistant, conversation)
        results[conversation["id"][:2]].append(not problems)
        report += [f"  FAIL {conversation['id']}: {problem}" for problem in problems[:3]]
    rates = {language: sum(passed) / len(passed) for language, passed in results.items()}
    report += [f"  {language}: {sum(results[language])}/{len(results[language])} conversations pass "
               f"({rates[language]:.1%})" for language in sorted(rates)]
    with capsys.disabled():
        print("\n".join(report))
    assert all(rate >= FAIL_BELOW for rate in rates.values()), rates
