"""Reads the examples of Rasa NLU YAML files, for the tests that count and score them."""
from pathlib import Path
from typing import Dict, Iterable, List

import yaml


def examples_by_intent(paths: Iterable[Path]) -> Dict[str, List[str]]:
    found: Dict[str, List[str]] = {}
    for path in paths:
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            lines = [line.strip()[2:].strip() for line in block["examples"].splitlines() if line.strip().startswith("- ")]
            found.setdefault(block["intent"], []).extend(lines)
    return found
