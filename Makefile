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
export TRANSFORMERS_OFFLINE := 1

.PHONY: help setup venv venv-rasa index run test lint eval bench clean

help:
	@echo "make run    - set up, build the index if stale, start the services"
	@echo "make test   - set up, then the whole test suite"
	@echo "make eval   - retrieval quality tables (data/eval)"
	@echo "make bench  - latency and build-time benchmarks"

venv:
	@scripts/ensure-venv 3.11 $(VENV) requirements.txt

venv-rasa:
	@scripts/ensure-venv 3.10 $(VENV_RASA) requirements-rasa.txt

setup: venv venv-rasa

index: venv
	@$(PY) -m retrieval index build

run: setup index
	@echo ""
	@echo "No Wrong Door API: http://$${NWD_API_HOST:-127.0.0.1}:$${NWD_API_PORT:-8000}/docs  (search: /api/search?q=...)"
	@echo ""
	@$(VENV)/bin/honcho start -f Procfile

lint: venv
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(VENV)/bin/mypy

test: setup index
	@$(VENV_RASA)/bin/rasa --version | grep -q 'Rasa Version *: *3.6.21' || { echo "error: .venv-rasa does not hold rasa 3.6.21"; exit 1; }
	@$(VENV)/bin/ruff check .
	@$(PY) -m pytest

eval: venv
	@$(PY) -m retrieval eval --write docs/retrieval.md

bench: venv index
	@$(PY) -m bench

clean:
	rm -rf models/index models/cache var/*.db
