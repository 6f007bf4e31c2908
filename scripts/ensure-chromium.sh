#!/usr/bin/env bash
# The browser tests drive Debian's chromium (never a downloaded browser) and need a Chinese font, since the
# pages use system fonts only; this installs both when missing.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-zenhei)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "error: ${missing[*]} not installed. Install (e.g. sudo apt-get install ${missing[*]}) and run again." >&2
  exit 1
fi
echo "==> Installing ${missing[*]} for the browser tests (apt-get)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
