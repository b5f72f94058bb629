#!/usr/bin/env bash
# `make bench`: start a private stack, load it through the gateway and straight at Rasa.
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS="${BENCH_CUSTOMERS:-20}"
workdir="$(mktemp -d)"
.venv/bin/python - "$workdir" "$CUSTOMERS" <<'PY'
import subprocess, sys
from pathlib import Path
sys.path.insert(0, ".")
from scripts.stack import Stack
stack = Stack(Path(sys.argv[1]), api_port=18100, rasa_port=15105, action_port=15155)
print("[bench] starting the stack (API, Rasa, action server)…", flush=True)
stack.start()
try:
    subprocess.run([".venv/bin/python", "-m", "bench.chat_load", "--api", stack.base_url,
                    "--rasa", stack.rasa_url, "--customers", sys.argv[2]], check=True)
finally:
    stack.stop()
PY
