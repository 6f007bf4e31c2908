#!/usr/bin/env bash
# Makes models/assistant.tar.gz. A model is kept in MODEL_CACHE_DIR (default ~/.cache/medical-insurance-assistant)
# under the hash of everything that goes into it (training data, config, domain, the spaCy pipeline, the project's
# NLU components, the pinned packages), so another clone on the same machine, `make test` after `make run`, or
# CI reuses it instead of training again, while any change to the data or config trains a new one.
# Training is reproducible (every model has a random_seed), so a cached model is the one training would make.
# MODEL_CACHE_DIR= (empty) turns the cache off.
set -euo pipefail
cd "$(dirname "$0")/.."

cache_dir="${MODEL_CACHE_DIR-${HOME:+$HOME/.cache/medical-insurance-assistant}}"  # no HOME: no cache
inputs="$(printf '%s\n' "$@" | sort)"
key="$(  # file names and contents, in a fixed order
  for file in $inputs; do printf '%s\n' "$file"; sha256sum < "$file"; done | sha256sum | cut -c1-32)"
cached="$cache_dir/assistant-$key.tar.gz"

if [ -n "$cache_dir" ] && [ -f "$cached" ]; then
  echo "==> Using the model already trained from these inputs ($cached)"
  mkdir -p models
  cp "$cached" models/assistant.tar.gz.partial && mv models/assistant.tar.gz.partial models/assistant.tar.gz
  exit 0
fi

echo "==> Training the model (under a minute on 2 cores)"
started=$(date +%s)
.venv/bin/rasa train --fixed-model-name assistant --out models
echo "    trained in $(( $(date +%s) - started )) s"
if [ -n "$cache_dir" ]; then
  mkdir -p "$cache_dir"
  cp models/assistant.tar.gz "$cached.partial" && mv "$cached.partial" "$cached"
  # Keep the three newest models: enough for switching branches, not a growing pile.
  ls -1t "$cache_dir"/assistant-*.tar.gz | tail -n +4 | xargs -r rm --
fi
