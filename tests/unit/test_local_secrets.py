"""Secrets of a local run (bot.local_secrets) and the refusal of development keys (bot.settings)."""
import os
import stat
import subprocess
import sys

import pytest

from bot import local_secrets, settings
from bot.local_secrets import NAMES
from tests.assistant_process import ROOT

PRINT_EXPORTS = "import pathlib, sys; import bot.local_secrets as m; m.SECRETS_FILE = pathlib.Path(sys.argv[1]); m.main()"


@pytest.fixture
def no_secrets_in_environment(monkeypatch):
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)


def exported_by_the_shell(secrets_file, **environment) -> dict[str, str]:
    """What `eval "$(python -m bot.local_secrets)"` leaves in a shell, as scripts/run.sh does it."""
    env = {name: value for name, value in os.environ.items() if name not in NAMES}
    script = (f'eval "$({sys.executable} -c "$0" "$1")"; for name in {" ".join(NAMES)}; do '
              'printf "%s=%s\\n" "$name" "${!name:-}"; done')
    shell = subprocess.run(["bash", "-c", script, PRINT_EXPORTS, str(secrets_file)], cwd=ROOT, check=True,
                           env={**env, **environment}, capture_output=True, text=True)
    return dict(line.split("=", 1) for line in shell.stdout.splitlines())


def test_values_are_random_long_and_kept_in_a_private_file(tmp_path, no_secrets_in_environment):
    first, other = local_secrets.local_secrets(tmp_path / "a.env"), local_secrets.local_secrets(tmp_path / "b.env")
    assert set(first) == set(NAMES) and len(set(first.values())) == len(NAMES)
    assert all(len(value) >= 40 for value in first.values()) and first != other
    assert stat.S_IMODE((tmp_path / "a.env").stat().st_mode) == 0o600


def test_values_are_stable_across_runs(tmp_path):
    secrets_file = tmp_path / "var" / "secrets.env"
    first, second = exported_by_the_shell(secrets_file), exported_by_the_shell(secrets_file)
    assert first == second and all(first[name] for name in NAMES)
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600


def test_the_environment_wins_and_is_not_stored(tmp_path):
    secrets_file = tmp_path / "secrets.env"
    exported = exported_by_the_shell(secrets_file, CODE_HASH_KEY="set-by-the-operator")
    assert exported["CODE_HASH_KEY"] == "set-by-the-operator"
    assert "set-by-the-operator" not in secrets_file.read_text() and "SESSION_SECRET_KEY=" in secrets_file.read_text()


def test_a_file_with_a_looser_mode_is_made_private_when_written(tmp_path, no_secrets_in_environment):
    secrets_file = tmp_path / "secrets.env"
    secrets_file.write_text("CODE_HASH_KEY=kept\n")
    secrets_file.chmod(0o644)
    assert local_secrets.local_secrets(secrets_file)["CODE_HASH_KEY"] == "kept"
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600


@pytest.mark.parametrize("deployment", [{"SMS_BACKEND": "http"}, {"LOAD_DEMO_DATA": "false"}])
@pytest.mark.parametrize("name", ["CODE_HASH_KEY", "SESSION_SECRET_KEY"])
def test_a_deployment_with_a_development_key_is_refused(monkeypatch, deployment, name):
    for variable, value in {"CODE_HASH_KEY": "k" * 43, "SESSION_SECRET_KEY": "s" * 43, **deployment}.items():
        monkeypatch.setenv(variable, value)
    monkeypatch.setenv(name, settings.DEVELOPMENT_KEYS[name])
    with pytest.raises(SystemExit, match=f"^error: {name} must be set") as refused:
        settings.require_production_secrets()
    assert "\n" not in str(refused.value)
    monkeypatch.delenv(name)
    with pytest.raises(SystemExit, match=name):
        settings.require_production_secrets()
    monkeypatch.setenv(name, "a-real-random-value")
    settings.require_production_secrets()


def test_a_local_demo_may_use_the_development_keys(monkeypatch):
    for name in ("CODE_HASH_KEY", "SESSION_SECRET_KEY", "SMS_BACKEND", "LOAD_DEMO_DATA"):
        monkeypatch.delenv(name, raising=False)
    settings.require_production_secrets()


def test_the_schema_is_not_set_up_for_a_deployment_with_a_development_key(tmp_path):
    env = {**{k: v for k, v in os.environ.items() if k not in NAMES}, "LOAD_DEMO_DATA": "false",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}", "SESSION_SECRET_KEY": "s" * 43}
    refused = subprocess.run([sys.executable, "-m", "bot.db.schema"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert refused.returncode != 0 and refused.stderr.strip().startswith("error: CODE_HASH_KEY must be set")
    assert not (tmp_path / "app.db").exists()
