#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter (Rasa 3.6 needs 3.10; on 3.11 pip silently picks rasa 1.10).
# Looks at $PYTHON310, then pyenv, then python3.10 on PATH.
set -euo pipefail

is_310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }

candidates=()
[ -n "${PYTHON310:-}" ] && candidates+=("$PYTHON310")
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  for dir in $(ls -d "$root"/versions/3.10* 2>/dev/null | sort -rV); do
    candidates+=("$dir/bin/python3.10")
  done
fi
command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")

for python in "${candidates[@]}"; do
  if [ -x "$python" ] && is_310 "$python"; then
    echo "$python"
    exit 0
  fi
done

cat >&2 <<'MSG'
error: no Python 3.10 interpreter found.
Rasa Open Source 3.6 runs on Python 3.10 only. Install one, for example:
  pyenv install 3.10.13        (then run the command again)
  apt-get install python3.10   (where your distribution has it)
or point PYTHON310 at an interpreter: PYTHON310=/path/to/python3.10 make run
MSG
exit 1
