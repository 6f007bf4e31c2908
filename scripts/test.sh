#!/usr/bin/env bash
# Runs every test: a vulnerability audit of the pinned packages, data validation, Rasa test stories, then pytest (unit, database on SQLite and a real
# PostgreSQL, held-out NLU accuracy, conversations with a real Rasa server and action server, and the web
# pages in headless chromium).
# `make test` calls this after the set-up (virtualenv, spaCy pipeline, generated data, trained model).
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3

scripts/ensure-postgres.sh
scripts/ensure-chromium.sh
scripts/ensure-rasa-webchat.sh

mkdir -p results
echo "==> Dependency audit (pip-audit on constraints.txt)"
scripts/audit-dependencies.sh

echo "==> Policy topics due for review (bot/knowledge/review.py)"
.venv/bin/python -m bot.knowledge.review

echo "==> rasa data validate"
if ! .venv/bin/rasa data validate --fail-on-warnings > results/validate.log 2>&1; then
  cat results/validate.log
  echo "rasa data validate found errors or warnings (full output above)"
  exit 1
fi
echo "    no errors or warnings"

echo "==> rasa test (test stories in tests/stories)"
.venv/bin/rasa test core --model models/assistant.tar.gz --stories tests/stories \
  --fail-on-prediction-errors --out results/core --quiet

echo "==> pytest"
.venv/bin/python -m pytest "$@"
