# The two commands a newcomer needs:
#   make run    set everything up, then start the action server, the Rasa server and the web pages
#   make test   set everything up, then run every test
# Both are safe to run again: each step below only reruns when its inputs changed.

VENV   := .venv
PYTHON := $(VENV)/bin/python
RASA   := $(VENV)/bin/rasa
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3

SPACY_PIPELINE := build/spacy-pipeline/meta.json
POLICY_DATA    := data/generated/policy.yml
MODEL          := models/assistant.tar.gz
WEB_PACKAGES   := web/node_modules/.installed
# What the trained model is made from, and the key of the cache of trained models (scripts/train-model.sh);
# the spaCy pipeline is built from bot/nlp/, so its sources stand for it in the key.
MODEL_INPUTS := config.yml domain.yml $(POLICY_DATA) $(wildcard bot/nlp/*.py) requirements.txt constraints.txt \
                $(shell find data/nlu data/rules data/stories -name '*.yml')

.PHONY: help run test shell setup venv model web validate clean sms-outbox screenshots
.DEFAULT_GOAL := help

help:
	@echo "make run     start the assistant (action server 127.0.0.1:5055, Rasa server :5005, web pages :8000)"
	@echo "make test    run every test"
	@echo "make shell   chat on the command line with the running assistant"
	@echo "make model   train the model if the data changed"
	@echo "make sms-outbox  print the latest development text messages (verification codes)"

venv: $(VENV)/.installed
$(VENV)/.installed: requirements.txt constraints.txt
	@scripts/bootstrap-venv.sh

$(SPACY_PIPELINE): bot/nlp/spacy_pipeline.py bot/nlp/entity_patterns.py | $(VENV)/.installed
	@echo "==> Building the spaCy pipeline"
	@$(PYTHON) -m bot.nlp.spacy_pipeline build/spacy-pipeline

$(POLICY_DATA): $(wildcard bot/knowledge/topics/*.yml) bot/knowledge/__init__.py bot/knowledge/export_training_data.py | $(VENV)/.installed
	@echo "==> Generating policy responses and rules from bot/knowledge/topics"
	@$(PYTHON) -m bot.knowledge.export_training_data $@

model: $(MODEL)
$(MODEL): $(MODEL_INPUTS) $(SPACY_PIPELINE) | $(VENV)/.installed
	@scripts/train-model.sh $(MODEL_INPUTS)
	@touch $@

web: $(WEB_PACKAGES)
$(WEB_PACKAGES): web/package.json web/package-lock.json
	@command -v npm >/dev/null || { echo "error: npm (Node.js) is needed for the web pages: apt-get install npm"; exit 1; }
	@echo "==> Installing the web pages' packages (npm ci in web/)"
	@cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(MODEL) $(WEB_PACKAGES)

validate: $(POLICY_DATA) | $(VENV)/.installed
	@$(RASA) data validate --fail-on-warnings

run: setup
	@scripts/run.sh

test: setup
	@scripts/test.sh

shell: | $(VENV)/.installed
	@$(PYTHON) -m bot.channels.console

# The browser tests write screenshots to results/screenshots; the README shows the ones copied here on purpose.
screenshots:
	@test -n "$$(ls results/screenshots/*.png 2>/dev/null)" || { echo "error: no screenshots yet: run make test first"; exit 1; }
	@cp results/screenshots/*.png docs/screenshots/ && echo "Copied $$(ls results/screenshots/*.png | wc -l) screenshots to docs/screenshots"

sms-outbox: | $(VENV)/.installed
	@$(PYTHON) -m bot.identity.outbox $(or $(COUNT),5)

clean:
	rm -rf build models data/generated results .pytest_cache
