#!/usr/bin/env bash
# Print the path of a working Python 3.11 for the API environment, or explain how to get one.
set -euo pipefail
works() { [ -n "$1" ] && [ -x "$1" ] && "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; }
candidates=("${PYTHON311:-}")
if command -v pyenv >/dev/null 2>&1; then
  for version in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.11(\.[0-9]+)?$' | sort -V -r); do
    candidates+=("$(pyenv root)/versions/$version/bin/python3.11")
  done
fi
candidates+=("$(command -v python3.11 || true)" /usr/bin/python3.11 /usr/local/bin/python3.11)
for candidate in "${candidates[@]}"; do
  if works "$candidate"; then echo "$candidate"; exit 0; fi
done
echo "Python 3.11 was not found: install it (pyenv install 3.11.7) or set PYTHON311=/path/to/python3.11" >&2
exit 1
