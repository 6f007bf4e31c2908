#!/usr/bin/env bash
# Starts the assistant: the action server on 127.0.0.1:5055 and the Rasa server on :5005 with the REST
# and socket.io channels (HTTP API off). `make run` calls this after the set-up; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3
# Caps HTTP request bodies (Sanic's default is 100 MB); messages themselves are capped at MAX_MESSAGE_CHARS.
export SANIC_REQUEST_MAX_SIZE="${SANIC_REQUEST_MAX_SIZE:-65536}"
RASA_PORT="${RASA_PORT:-5005}"
ENDPOINTS="${ENDPOINTS:-endpoints.yml}"

.venv/bin/python -m bot.db.schema
.venv/bin/python -m bot.retention

.venv/bin/python -m actions.serve &
action_server=$!
trap 'kill "$action_server" 2>/dev/null || true' EXIT INT TERM

echo "==> Starting the Rasa server on port $RASA_PORT (about 30 s); chat with: make shell"
.venv/bin/rasa run --model models/assistant.tar.gz --endpoints "$ENDPOINTS" \
  --credentials credentials.yml --port "$RASA_PORT"
