# The project's vocabulary: run, test, train, bench, lint. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV  := .venv
RVENV := .venv-rasa
PY    := $(VENV)/bin/python
UV    := scripts/uv.sh
RASA  := PYTHONPATH=$(CURDIR) $(RVENV)/bin/rasa

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help run test envs db train bench lint format eval-compliance eval-nlu lock clean

help:
	@echo "make run    - set everything up and start the assistant (prints the URLs)"
	@echo "make run-scaled - the same with two Rasa replicas (needs PostgreSQL and Redis)"
	@echo "make test   - lint, unit/integration tests, Rasa validation/training/tests, end-to-end"
	@echo "make bench  - load benchmark through the gateway and straight at Rasa"
	@echo "make train  - train the Rasa model (skipped when data/config/domain are unchanged)"
	@echo "make eval-compliance / eval-nlu - evaluation reports"

envs: $(VENV)/.stamp $(RVENV)/.stamp

$(VENV)/.stamp: requirements/api.txt requirements/dev.txt
	@echo "[setup] building the API environment (.venv, Python 3.11)"
	@[ -x $(VENV)/bin/python ] || $(UV) venv -q -p "$$(scripts/find_python.sh 3.11)" $(VENV)
	$(UV) pip sync -q -p $(VENV)/bin/python requirements/api.txt requirements/dev.txt
	@touch $@

$(RVENV)/.stamp: requirements/rasa.txt
	@echo "[setup] building the Rasa environment (.venv-rasa, Python 3.10)"
	@[ -x $(RVENV)/bin/python ] || $(UV) venv -q -p "$$(scripts/find_python.sh 3.10)" $(RVENV)
	$(UV) pip sync -q -p $(RVENV)/bin/python requirements/rasa.txt
	@touch $@

lock:
	$(UV) pip compile -q requirements/api.in -o requirements/api.txt --python-version 3.11
	$(UV) pip compile -q requirements/dev.in -o requirements/dev.txt --python-version 3.11
	$(UV) pip compile -q requirements/rasa.in -o requirements/rasa.txt --python-version 3.10

db: envs
	$(PY) -m api.prestart

train: envs
	@echo "[train] rasa train (reuses the last model when nothing changed)"
	$(RASA) train --num-threads 2

run: envs db train
	$(VENV)/bin/honcho start -f Procfile

# Two Rasa replicas (Procfile.scaled) need the stores they share: PostgreSQL and Redis.
define SCALED_PREREQUISITES
import sys, redis
from api.settings import get_settings
settings = get_settings()
if not settings.database_url.startswith("postgres"):
    sys.exit("run-scaled: set DATABASE_URL=postgresql://... (the replicas share the tracker store)")
try:
    redis.Redis.from_url(settings.redis_url, socket_timeout=2).ping()
except (redis.RedisError, ValueError):
    sys.exit(f"run-scaled: Redis must answer at REDIS_URL={settings.redis_url!r} (the lock store)")
endef
export SCALED_PREREQUISITES

.PHONY: run-scaled
run-scaled: envs train
	@$(PY) -c "$$SCALED_PREREQUISITES"
	$(PY) -m api.prestart
	$(VENV)/bin/honcho start -f Procfile.scaled

test: envs
	bash scripts/test.sh

lint: envs
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: envs
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: envs db train
	bash scripts/bench.sh

eval-compliance: envs
	$(PY) scripts/eval_compliance.py

eval-nlu: envs train
	bash scripts/eval_nlu.sh

clean:
	rm -rf var/*.db var/*.db-* var/endpoints*.yml results .rasa
