#!/usr/bin/env bash
# Print the path of a working Python X.Y (scripts/find_python.sh 3.10), or explain how to get it.
# Each candidate must actually run as X.Y: a pyenv shim on PATH may exist and still fail.
# Rasa Open Source 3.6 needs 3.8–3.10 (.venv-rasa); the API uses 3.11 (.venv).
set -euo pipefail
version="${1:?usage: find_python.sh X.Y}"
major="${version%%.*}" minor="${version#*.}"
override_var="PYTHON${major}${minor}"
works() { [ -n "$1" ] && [ -x "$1" ] && "$1" -c "import sys; sys.exit(sys.version_info[:2] != ($major, $minor))" 2>/dev/null; }
candidates=("${!override_var:-}")
if command -v pyenv >/dev/null 2>&1; then
  for found in $(pyenv versions --bare 2>/dev/null | grep -E "^${major}\.${minor}(\.[0-9]+)?$" | sort -V -r); do
    candidates+=("$(pyenv root)/versions/$found/bin/python$version")
  done
fi
candidates+=("$(command -v "python$version" || true)" "/usr/bin/python$version" "/usr/local/bin/python$version")
for candidate in "${candidates[@]}"; do
  if works "$candidate"; then echo "$candidate"; exit 0; fi
done
cat >&2 <<MSG
Python $version was not found, and this project needs it.
Install it, then run the command again:
  with pyenv:   pyenv install $version   (e.g. 3.10.13 / 3.11.7)
  on Debian:    apt-get install python$version python$version-venv   (where the release ships it)
or point $override_var=/path/to/python$version at an existing interpreter.
MSG
exit 1
