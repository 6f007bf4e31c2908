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
# The demo site's pretend sign-in signs identity tokens with IDENTITY_TOKEN_SECRET; a local run without one
# gets a random secret for this run only. Set WEB_DEMO_LOGIN=0 on a real deployment.
export WEB_DEMO_LOGIN="${WEB_DEMO_LOGIN:-1}"
if [ "$WEB_DEMO_LOGIN" = 1 ] && [ -z "${IDENTITY_TOKEN_SECRET:-}" ]; then
  IDENTITY_TOKEN_SECRET="$(.venv/bin/python -c 'import secrets; print(secrets.token_hex(32))')"
  export IDENTITY_TOKEN_SECRET
fi

.venv/bin/python -m bot.db.schema
.venv/bin/python -m bot.retention

.venv/bin/python -m actions.serve &
action_server=$!
.venv/bin/python -m bot.web &
web_server=$!
trap 'kill "$action_server" "$web_server" 2>/dev/null || true' EXIT INT TERM

echo "==> Starting the Rasa server on port $RASA_PORT (about 30 s); chat on http://localhost:${WEB_PORT:-8000} or with: make shell"
.venv/bin/rasa run --model models/assistant.tar.gz --endpoints "$ENDPOINTS" \
  --credentials credentials.yml --port "$RASA_PORT"
