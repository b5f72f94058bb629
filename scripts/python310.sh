#!/usr/bin/env bash
# Print the path of a working Python 3.10 (Rasa 3.6 needs 3.8–3.10), or explain how to get one.
# Each candidate must actually run as 3.10: a pyenv shim on PATH may exist and still fail.
set -euo pipefail
works() { [ -n "$1" ] && [ -x "$1" ] && "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }
candidates=("${PYTHON310:-}")
if command -v pyenv >/dev/null 2>&1; then
  for version in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.[0-9]+)?$' | sort -V -r); do
    candidates+=("$(pyenv root)/versions/$version/bin/python3.10")
  done
fi
candidates+=("$(command -v python3.10 || true)" /usr/bin/python3.10 /usr/local/bin/python3.10)
for candidate in "${candidates[@]}"; do
  if works "$candidate"; then echo "$candidate"; exit 0; fi
done
cat >&2 <<'MSG'
Python 3.10 was not found, and Rasa Open Source 3.6 needs it (3.8–3.10).
Install it, then run the command again:
  with pyenv:   pyenv install 3.10.13
  on Debian:    apt-get install python3.10 python3.10-venv   (where the release ships it)
or point PYTHON310=/path/to/python3.10 at an existing interpreter.
MSG
exit 1
