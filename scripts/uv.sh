#!/usr/bin/env bash
# Run uv, installing it into .tools/ first when the machine has none.
set -euo pipefail
if command -v uv >/dev/null 2>&1; then exec uv "$@"; fi
if [ ! -x .tools/venv/bin/uv ]; then
  echo "[setup] installing uv into .tools/ (once)" >&2
  python3 -m venv .tools/venv
  .tools/venv/bin/pip install --quiet uv
fi
exec .tools/venv/bin/uv "$@"
