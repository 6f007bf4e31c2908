#!/usr/bin/env bash
# Creates .venv with Python 3.10 and installs the pinned dependencies. Safe to run again: it only
# reinstalls when requirements.txt or constraints.txt changed since the last successful install.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=.venv/.installed
if [ -f "$stamp" ] && [ "$stamp" -nt requirements.txt ] && [ "$stamp" -nt constraints.txt ]; then
  exit 0
fi

python=$(scripts/find-python310.sh)
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then
  echo "==> Creating virtualenv .venv with $python"
  rm -rf .venv
  "$python" -m venv .venv
fi
echo "==> Installing pinned dependencies (first time: about 2 minutes)"
# The machine-wide pip config may name local mirrors that do not exist; those warnings are noise here.
quiet_pip() { .venv/bin/python -m pip "$@" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2); }
quiet_pip install --quiet --upgrade "pip==24.0"
quiet_pip install --quiet --progress-bar off -r requirements.txt -c constraints.txt
touch "$stamp"
echo "==> Virtualenv ready"
