"""scripts/train-model.sh: a model trained from the same inputs is reused, by another clone too; any change to
an input trains again; an empty MODEL_CACHE_DIR turns the cache off. Run in copies of the script with a
stand-in for `rasa train` that records each call."""
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STAND_IN = """#!/usr/bin/env bash
echo trained >> "$TRAININGS"
mkdir -p models && cat data.yml > models/assistant.tar.gz
"""


def clone(path: Path, data: str) -> Path:
    (path / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "train-model.sh", path / "scripts")
    (path / ".venv" / "bin").mkdir(parents=True)
    (path / ".venv" / "bin" / "rasa").write_text(STAND_IN)
    (path / ".venv" / "bin" / "rasa").chmod(0o755)
    (path / "data.yml").write_text(data)
    return path


def make_model(clone_path: Path, cache: str, trainings: Path) -> str:
    result = subprocess.run(["bash", "scripts/train-model.sh", "data.yml"], cwd=clone_path, check=True,
                            capture_output=True, text=True,
                            env=dict(os.environ, MODEL_CACHE_DIR=cache, TRAININGS=str(trainings)))
    return result.stdout


def trainings(path: Path) -> int:
    return len(path.read_text().splitlines()) if path.exists() else 0


def test_the_same_inputs_reuse_the_model_in_another_clone(tmp_path):
    cache, log = str(tmp_path / "cache"), tmp_path / "trainings"
    first, second = clone(tmp_path / "first", "intents: [a]"), clone(tmp_path / "second", "intents: [a]")
    make_model(first, cache, log)
    output = make_model(second, cache, log)
    assert trainings(log) == 1 and "already trained from these inputs" in output
    assert (second / "models" / "assistant.tar.gz").read_text() == "intents: [a]"


def test_a_changed_input_trains_again(tmp_path):
    cache, log = str(tmp_path / "cache"), tmp_path / "trainings"
    path = clone(tmp_path / "clone", "intents: [a]")
    make_model(path, cache, log)
    (path / "data.yml").write_text("intents: [a, b]")
    make_model(path, cache, log)
    assert trainings(log) == 2 and (path / "models" / "assistant.tar.gz").read_text() == "intents: [a, b]"
    assert len(list(Path(cache).glob("assistant-*.tar.gz"))) == 2


def test_an_empty_cache_directory_turns_the_cache_off(tmp_path):
    log = tmp_path / "trainings"
    path = clone(tmp_path / "clone", "intents: [a]")
    make_model(path, "", log)
    make_model(path, "", log)
    assert trainings(log) == 2
