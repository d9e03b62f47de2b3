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

.PHONY: help setup venv venv-rasa browser widget-themes index dialogue prepare run test test-checks ruff \
	validate-dialogue test-dialogue lint eval bench mutation clean

# The slow steps that do not need each other run side by side (a sub-make with -j3): the two venvs are created
# at once (pip mostly downloads and unpacks), the index is built as soon as .venv is ready while .venv-rasa is
# still installing, and the dialogue model is trained as soon as .venv-rasa is. Make waits for the running
# steps and exits non-zero if any failed. Nothing else changes: each step is the same command as before.
PARALLEL := $(MAKE) --no-print-directory -j3

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

setup:
	@$(PARALLEL) venv venv-rasa

index: venv
	@$(PY) -m retrieval index build

dialogue: venv-rasa
	@scripts/train-dialogue

# The index and the dialogue model (and the venvs they need), side by side.
prepare:
	@$(PARALLEL) index dialogue

run: prepare
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

# Everything pytest needs, and the checks that do not need pytest, side by side: ruff once .venv exists,
# Rasa's data validation once .venv-rasa exists (it no longer waits for the index or the training), the
# dialogue test stories once the model is trained; the browser is installed meanwhile. Then pytest, alone
# (its end-to-end tests start Rasa and time its startup, so they get both cores).
test:
	@$(PARALLEL) test-checks
	@$(PY) -m pytest

test-checks: ruff validate-dialogue test-dialogue index browser

ruff: venv
	@$(VENV)/bin/ruff check .

validate-dialogue: venv-rasa
	@$(VENV_RASA)/bin/rasa data validate --domain domain.yml --data data/nlu data/rules data/stories --config config.yml --fail-on-warnings --quiet

test-dialogue: dialogue
	@$(VENV_RASA)/bin/rasa test core --model models/dialogue --stories tests/stories --endpoints endpoints.yml --fail-on-prediction-errors --out var/rasa-test-results --quiet

eval: venv venv-rasa index
	@$(PY) -m retrieval eval --write docs/retrieval.md
	@$(PY) -m retrieval answers --write docs/answers.md
	@$(PY) -m retrieval language-eval --write docs/answers.md
	@$(PY) -m services eval --write docs/services.md
	@$(PY) -m places report --write docs/places.md
	@$(PY) -m privacy eval --write docs/privacy.md
	@scripts/eval-nlu

bench: browser prepare
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
