# No Wrong Door: one command to run, one to test. Everything is created from
# pinned requirement files; nothing is installed by hand.
SHELL := /bin/bash
VENV := .venv
VENV_RASA := .venv-rasa
PY := $(VENV)/bin/python
# Two cores are shared by the encoder, FAISS, TensorFlow and torch: keep each to one thread.
export OMP_NUM_THREADS ?= 1
export TOKENIZERS_PARALLELISM := false
export HF_HUB_OFFLINE := 1
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TRANSFORMERS_OFFLINE := 1
# Rasa's usage telemetry and crash reports would leave the machine: never for this service's users.
export RASA_TELEMETRY_ENABLED := false
# The secret Rasa sends to the action server (endpoints.yml); production sets its own (scripts/run-rasa checks).
export NWD_BOT_ACTIONS_TOKEN ?= nwd-local-actions-token

.PHONY: help setup venv venv-rasa browser widget-themes index dialogue run test lint eval bench mutation clean

help:
	@echo "make run    - set up, build the index if stale, start the services"
	@echo "make test   - set up, then the whole test suite"
	@echo "make eval   - retrieval, answer, language, routing, NLU and redaction quality tables (data/eval)"
	@echo "make bench  - latency and build-time benchmarks"
	@echo "make mutation - mutation scores of the modules that decide what a person reads (docs/testing.md)"

venv:
	@scripts/ensure-venv 3.11 $(VENV) requirements.txt

venv-rasa:
	@scripts/ensure-venv 3.10 $(VENV_RASA) requirements-rasa.txt

# The widget's browser tests drive Debian's chromium (Playwright never downloads a browser here).
browser:
	@command -v chromium >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

# Rebuild widget/themes/*.css from the GC and Ontario design tokens (pinned in widget/build/package-lock.json).
widget-themes:
	@cd widget/build && npm ci --no-audit --no-fund && node build-themes.mjs

setup: venv venv-rasa

index: venv
	@$(PY) -m retrieval index build

dialogue: venv-rasa
	@scripts/train-dialogue

run: setup index dialogue
	@mkdir -p var
	@echo ""
	@echo "No Wrong Door chat page: http://$${NWD_API_HOST:-127.0.0.1}:$${NWD_API_PORT:-8000}/  (API docs: /docs)"
	@echo ""
	@$(VENV)/bin/honcho start -f Procfile

lint: venv
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(VENV)/bin/mypy
	@$(PY) -m tests.assertion_lint

test: setup browser index dialogue
	@$(VENV)/bin/ruff check .
	@$(VENV_RASA)/bin/rasa data validate --domain domain.yml --data data/nlu data/rules data/stories --config config.yml --fail-on-warnings --quiet
	@$(VENV_RASA)/bin/rasa test core --model models/dialogue --stories tests/stories --endpoints endpoints.yml --fail-on-prediction-errors --out var/rasa-test-results --quiet
	@$(PY) -m pytest

eval: venv venv-rasa index
	@$(PY) -m retrieval eval --write docs/retrieval.md
	@$(PY) -m retrieval answers --write docs/answers.md
	@$(PY) -m retrieval language-eval --write docs/answers.md
	@$(PY) -m services eval --write docs/services.md
	@$(PY) -m places report --write docs/places.md
	@$(PY) -m privacy eval --write docs/privacy.md
	@scripts/eval-nlu

bench: setup browser index dialogue
	@$(PY) -m bench
	@$(PY) -m bench.chat
	@$(PY) -m bench.widget
	@$(PY) -m bench.privacy

# How well the tests notice a change in the code (docs/testing.md); a benchmark of the tests, not a test:
# about 11 minutes on two cores, so not part of `make test`. One module: `$(PY) scripts/mutation.py router`.
mutation: venv
	@$(PY) scripts/mutation.py

clean:
	rm -rf models/index models/cache var/*.db
