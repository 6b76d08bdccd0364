#!/usr/bin/env bash
# Print the path of a Python >= 3.12 (Django 6 needs it), or explain what to install.
# Looks at python3.14/3.13/3.12/python3 on PATH, then at pyenv's installed versions.
set -u
is_recent() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }

for candidate in python3.14 python3.13 python3.12 python3; do
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if is_recent "$path"; then echo "$path"; exit 0; fi
done

# pyenv's shims only work with PYENV_VERSION set, so use the interpreters directly.
pyenv_root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for path in $(ls -d "$pyenv_root"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do
  if is_recent "$path"; then echo "$path"; exit 0; fi
done

cat >&2 <<'MSG'
Visie Portal needs Python 3.12 or newer (Django 6), and none was found.
Install one, for example:
  Debian/Ubuntu:  sudo apt-get install python3.12 python3.12-venv
  macOS:          brew install python@3.13
  pyenv:          pyenv install 3.13
then run `make run` again.
MSG
exit 1
