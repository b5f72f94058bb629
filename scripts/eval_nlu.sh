#!/usr/bin/env bash
# `make eval-nlu`: intent accuracy per language on each held-out file (never trained on):
#   tests/nlu/heldout.yml  - written in session 1 (used as a development set since: its errors were studied)
#   tests/nlu/heldout2.yml - written independently in session 2 by someone who never saw data/nlu (the test set)
# With CROSS_VALIDATION=1 also 3-fold cross-validation on the training data (slow: 3 trainings).
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2
RASA=(env PYTHONPATH="$PWD" .venv-rasa/bin/rasa)
mkdir -p results
for file in ${HELDOUT:-tests/nlu/heldout.yml tests/nlu/heldout2.yml}; do
  name=$(basename "$file" .yml)
  echo "[eval-nlu] $file"
  "${RASA[@]}" test nlu --nlu "$file" --out "results/nlu-$name" --no-plot > "results/nlu-$name.log" 2>&1
  .venv/bin/python scripts/eval_nlu.py "results/nlu-$name" "$file" "bench/results/nlu_$name.json"
done
if [ "${CROSS_VALIDATION:-0}" = 1 ]; then
  echo "[eval-nlu] 3-fold cross-validation on data/nlu (3 trainings)"
  "${RASA[@]}" test nlu --nlu data/nlu --cross-validation --folds 3 --out results/nlu-cv --no-plot > results/nlu-cv.log 2>&1
  .venv/bin/python scripts/eval_nlu.py results/nlu-cv data/nlu bench/results/nlu_cv.json
fi
