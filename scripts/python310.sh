#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter (Rasa 3.6 needs 3.8–3.10), or explain how to get one.
set -euo pipefail
for candidate in "${PYTHON310:-}" "$(command -v python3.10 || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
if command -v pyenv >/dev/null 2>&1; then
  for version in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.[0-9]+)?$' | sort -V -r); do
    path="$(pyenv root)/versions/$version/bin/python3.10"
    if [ -x "$path" ]; then echo "$path"; exit 0; fi
  done
fi
cat >&2 <<'MSG'
Python 3.10 was not found, and Rasa Open Source 3.6 needs it (3.8–3.10).
Install it, then run the command again:
  with pyenv:   pyenv install 3.10.13
  on Debian:    apt-get install python3.10 python3.10-venv   (where the release ships it)
or point PYTHON310=/path/to/python3.10 at an existing interpreter.
MSG
exit 1
