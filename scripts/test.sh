#!/usr/bin/env bash
# `make test`: every check the project has, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 PYTHONDONTWRITEBYTECODE=1
RASA=(env PYTHONPATH="$PWD" .venv-rasa/bin/rasa)
step() { printf '\n== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }

source scripts/services.sh

step "lint: ruff + mypy"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy

step "API unit + integration tests (SQLite and PostgreSQL, real Redis)"
.venv/bin/python -m pytest tests/api -q

step "Rasa-side unit tests (NLU components, actions)"
.venv-rasa/bin/python -m pytest -q -p no:cacheprovider -c /dev/null --rootdir . tests/bot tests/actions

step "rasa data validate"
"${RASA[@]}" data validate

step "rasa train (reuses the model when nothing changed)"
"${RASA[@]}" train --num-threads 2

step "conversation tests (rasa test, failing on any prediction error)"
"${RASA[@]}" test core --stories tests/stories --fail-on-prediction-errors --out results/core

step "end-to-end: the whole stack through POST /api/chat and the page"
.venv/bin/python -m pytest tests/e2e -q -p no:cacheprovider
