"""Where one Rasa server's CPU goes: py-spy samples the assistant's Rasa server while Locust keeps 16
conversations of mixed traffic going (bench/locustfile.py), then the samples are counted by component.

    .venv/bin/python -m bench.profile [--users 16] [--seconds 30] [--rate 50]

A sample is counted for the first component found in its stack, in the order of COMPONENTS; one with
none of them is the web server and event loop (Sanic, asyncio) or "other". Only samples where the
process was on the CPU are taken, so waiting for the action server or the database costs nothing here.
"""
import argparse
import collections
import subprocess
import tempfile
from pathlib import Path

from bench.load import ensure_bench_venv, load_on_assistant, start_assistant

# (component, a piece of a frame that marks it), in the order they are looked for in a stack.
COMPONENTS = [
    # Rasa checks each action server reply with jsonschema; py-spy cuts its deep stacks, so it comes first.
    ("checking action server replies (jsonschema)", "jsonschema"),
    ("tracker store: reading", "retrieve"),
    ("tracker store: writing", "tracker_store.py"),
    ("DIETClassifier", "diet_classifier.py"),
    ("LogisticRegressionClassifier", "logistic_regression_classifier.py"),
    ("CountVectorsFeaturizer", "count_vectors_featurizer.py"),
    ("TEDPolicy", "ted_policy.py"),
    ("RulePolicy", "rule_policy.py"),
    ("MemoizationPolicy", "memoization.py"),
    ("other policy and featurizing code", "rasa/core/policies"),
    ("spaCy and jieba", "spacy"),
    ("project components (bot/nlp)", "bot/nlp"),
    ("rest of the NLU pipeline (graph runner, other components)", "_parse_message_with_graph"),
    ("action server round trip", "rasa/core/actions"),
    ("rest of Rasa's message processing", "rasa/core/processor.py"),
    ("project channels (bot/channels)", "bot/channels"),
    ("web server and event loop", "sanic"),
    ("web server and event loop", "asyncio"),
]


def share_by_component(collapsed: str) -> dict[str, int]:
    """collapsed: py-spy's raw output, one "frame;frame;... count" line per distinct stack."""
    samples = collections.Counter()
    for line in collapsed.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        component = next((name for name, marker in COMPONENTS if marker in stack), "other")
        samples[component] += int(count)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--rate", type=int, default=50, help="samples per second")
    parser.add_argument("--raw", type=Path, help="also keep py-spy's stacks here (for a flame graph)")
    args = parser.parse_args()
    locust = ensure_bench_venv()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        assistant, _ = start_assistant(workdir, runs=1)
        try:
            output = workdir / "profile.txt"
            spy = subprocess.Popen([str(locust.with_name("py-spy")), "record", "--pid", str(assistant.rasa_server.pid),
                                    "--rate", str(args.rate), "--duration", str(args.seconds), "--format", "raw",
                                    "--output", str(output), "--nonblocking"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            load = load_on_assistant(locust, assistant, args.users, args.seconds, workdir)
            spy.wait(timeout=120)
            samples = share_by_component(output.read_text())
            if args.raw:
                args.raw.write_text(output.read_text())
        finally:
            assistant.stop()
    total = sum(samples.values())
    print(f"{args.users} users for {args.seconds} s: {load.row()}")
    print(f"{total} samples on the CPU ({total / args.rate / args.seconds:.0%} of one core), "
          f"{1000 * total / args.rate / max(load.messages, 1):.0f} ms of CPU per message:")
    for component, count in samples.most_common():
        print(f"  {count / total:6.1%}  {component}")


if __name__ == "__main__":
    main()
