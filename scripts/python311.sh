#!/usr/bin/env bash
# Print the path of a Python 3.11 interpreter for the API environment, or explain how to get one.
set -euo pipefail
for candidate in "${PYTHON311:-}" "$(command -v python3.11 || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
if command -v pyenv >/dev/null 2>&1; then
  for version in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.11(\.[0-9]+)?$' | sort -V -r); do
    path="$(pyenv root)/versions/$version/bin/python3.11"
    if [ -x "$path" ]; then echo "$path"; exit 0; fi
  done
fi
echo "Python 3.11 was not found: install it (pyenv install 3.11.7) or set PYTHON311=/path/to/python3.11" >&2
exit 1
