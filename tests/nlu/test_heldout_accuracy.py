"""Intent accuracy and macro-F1 of the trained model on the held-out examples, per language.

The sets were written apart from the training data and never trained on: heldout.yml with the first
intents, heldout_round2.yml later, by someone who saw neither the data nor the first set, for every intent
including those added since, and heldout_round3.yml for the 20 topics beyond the seeds (issue 13), by a helper
who saw only a one-line description of each intent. Each fails below its floor per language (FAIL_BELOW).
"""
import asyncio
from collections import defaultdict
from pathlib import Path

import pytest
from sklearn.metrics import f1_score

from bot.language import detect_language
from tests.nlu_examples import examples_by_intent

ROOT = Path(__file__).resolve().parents[2]
# A regression floor per set, below what the model scores. The second set was first run when issue 12 closed,
# at 85.1% (zh) and 83.6% (en): it shows gaps the training data has not closed yet, so its floor is 80% until the
# data is improved without looking at it (and a fresh set then measures the result). The first set's floor went
# from 90% to 88% with the change from DIET to logistic regression (issue 14, chosen on a split of the training
# data): zh rose from 91.5% to 96.1%, en fell from 90.6% to 89.4%.
# Issue 13 added 20 intents next to the old ones (the old sets' questions on cross-region treatment, newborns or
# cash-out now have a topic of their own): the first set went from 96.1% / 89.8% to 95.4% / 87.4%, the second
# from 84.1% / 82.6% to 81.8% / 78.1%, and the floors went down with them, to 0.85 and 0.75. The third set
# scored 90.0% / 87.5% (zh / en), once the training examples it shared word for word were taken out.
FAIL_BELOW = {"heldout.yml": 0.85, "heldout_round2.yml": 0.75, "heldout_round3.yml": 0.85}
HELD_OUT_SETS = list(FAIL_BELOW)


def held_out_examples(name):
    for intent, examples in examples_by_intent([ROOT / "tests" / "nlu" / name]).items():
        for text in examples:
            yield text, intent


@pytest.fixture(scope="module")
def agent():
    from rasa.core.agent import Agent

    return Agent.load(str(ROOT / "models" / "assistant.tar.gz"))


@pytest.mark.parametrize("name", HELD_OUT_SETS)
def test_held_out_accuracy_per_language(agent, name, capsys):
    async def predict_all():
        return [(text, intent, (await agent.parse_message(text))["intent"]["name"])
                for text, intent in held_out_examples(name)]

    by_language = defaultdict(list)
    for text, expected, predicted in asyncio.run(predict_all()):
        by_language[detect_language(text)].append((text, expected, predicted))

    report = ["", f"Held-out NLU results (tests/nlu/{name})"]
    scores = {}
    for language in ("zh", "en"):
        rows = by_language[language]
        expected = [e for _, e, _ in rows]
        predicted = [p for _, _, p in rows]
        accuracy = sum(e == p for e, p in zip(expected, predicted)) / len(rows)
        macro_f1 = f1_score(expected, predicted, average="macro", labels=sorted(set(expected)), zero_division=0)
        scores[language] = accuracy
        report.append(f"  {language}: {len(rows)} examples, intent accuracy {accuracy:.1%}, macro-F1 {macro_f1:.3f}")
        report += [f"    miss: {text!r}: expected {e}, got {p}" for text, e, p in rows if e != p]
    with capsys.disabled():  # printed in every run, not only on failure
        print("\n".join(report))
    floor = FAIL_BELOW[name]
    for language, accuracy in scores.items():
        assert accuracy >= floor, f"{language} held-out accuracy {accuracy:.1%} is below {floor:.0%}"
