#!/usr/bin/env bash
# The database tests run on a real PostgreSQL server that they start themselves; this installs it when missing.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "error: PostgreSQL is not installed. Install it (e.g. sudo apt-get install postgresql) and run again." >&2
  exit 1
fi
echo "==> Installing PostgreSQL (apt-get)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
