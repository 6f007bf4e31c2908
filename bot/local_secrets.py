"""Secrets of a local run, made at random once and kept in var/secrets.env (mode 0600, git-ignored).

    eval "$(python -m bot.local_secrets)"     # what scripts/run.sh does: prints `export NAME=value` lines

A value the environment sets wins and is neither printed nor stored. Kept, not made anew each run, so
hashes stored under CODE_HASH_KEY and conversations opened under SESSION_SECRET_KEY survive a restart.
A deployment on several machines sets its own values instead, the same on every machine.
"""
import os
import secrets
import shlex
from pathlib import Path

from bot.settings import PROJECT_ROOT

NAMES = ("CODE_HASH_KEY", "SESSION_SECRET_KEY", "ACTION_SERVER_TOKEN", "IDENTITY_TOKEN_SECRET")
SECRETS_FILE = PROJECT_ROOT / "var" / "secrets.env"
_RANDOM_BYTES = 32


def _read(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    lines = (line.strip() for line in path.read_text().splitlines())
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#") and "=" in line)


def _write(path: Path, values: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)  # also when the file existed with a looser mode
    with os.fdopen(descriptor, "w") as file:
        file.write("# Made by python -m bot.local_secrets for local runs. Keep it private.\n")
        file.writelines(f"{name}={value}\n" for name, value in values.items())


def local_secrets(path: Path) -> dict[str, str]:
    """The values the environment does not set: read from path, or made and added to it."""
    stored = _read(path)
    missing = [name for name in NAMES if not os.environ.get(name)]
    made = {name: secrets.token_urlsafe(_RANDOM_BYTES) for name in missing if not stored.get(name)}
    if made:
        _write(path, {**stored, **made})
    return {name: stored.get(name) or made[name] for name in missing}


def main() -> None:
    for name, value in local_secrets(SECRETS_FILE).items():
        print(f"export {name}={shlex.quote(value)}")


if __name__ == "__main__":
    main()
