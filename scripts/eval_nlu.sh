#!/usr/bin/env bash
# `make eval-nlu`: intent accuracy per language on the held-out file (never trained on),
# and, with CROSS_VALIDATION=1, 3-fold cross-validation on the training data (slow: 3 trainings).
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2
RASA=(env PYTHONPATH="$PWD" .venv-rasa/bin/rasa)
mkdir -p results && "${RASA[@]}" test nlu --nlu tests/nlu/heldout.yml --out results/nlu-heldout --no-plot > results/nlu-heldout.log 2>&1
.venv/bin/python scripts/eval_nlu.py results/nlu-heldout tests/nlu/heldout.yml bench/results/nlu_heldout.json
if [ "${CROSS_VALIDATION:-0}" = 1 ]; then
  "${RASA[@]}" test nlu --nlu data/nlu --cross-validation --folds 3 --out results/nlu-cv --no-plot
fi
