#!/usr/bin/env bash
# Starts the assistant: the action server on 127.0.0.1:5055, the Rasa server on :5005 with the REST
# and socket.io channels (HTTP API off) and the web pages on :8000 (demo site with the chat widget, staff
# reference). `make run` calls this after the set-up; Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."

export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3
# Caps HTTP request bodies (Sanic's default is 100 MB); messages themselves are capped at MAX_MESSAGE_CHARS.
export SANIC_REQUEST_MAX_SIZE="${SANIC_REQUEST_MAX_SIZE:-65536}"
export RASA_PORT="${RASA_PORT:-5005}"  # the web pages' widget connects there
ENDPOINTS="${ENDPOINTS:-endpoints.yml}"
# This script also starts real deployments (README, "Deploying"), so the demo conveniences are on only for a
# local demo, i.e. unless LOAD_DEMO_DATA=false: secrets made once and kept in var/secrets.env (a deployment
# sets its own, the same on every machine; the servers refuse the development keys), and the demo site's
# pretend sign-in (WEB_DEMO_LOGIN=1 unless set; with LOAD_DEMO_DATA=false it is always off).
if .venv/bin/python -c 'import sys; from bot import settings; sys.exit(not settings.load_demo_data())'; then
  local_secrets="$(.venv/bin/python -m bot.local_secrets)"  # a separate step, so that its failure stops here
  eval "$local_secrets"
  export WEB_DEMO_LOGIN="${WEB_DEMO_LOGIN:-1}"
else
  export WEB_DEMO_LOGIN=0
fi

.venv/bin/python -m bot.db.schema

# The action server also deletes old conversations and identity records every few minutes (bot.retention).
.venv/bin/python -m actions.serve &
action_server=$!
.venv/bin/python -m bot.web &
web_server=$!
trap 'kill "$action_server" "$web_server" 2>/dev/null || true' EXIT INT TERM

echo "==> Starting the Rasa server on port $RASA_PORT (about 15 s); chat on http://localhost:${WEB_PORT:-8000} or with: make shell"
.venv/bin/rasa run --model models/assistant.tar.gz --endpoints "$ENDPOINTS" \
  --credentials credentials.yml --port "$RASA_PORT"
