#!/usr/bin/env bash
# Dev check (never run by the build or the tests): a universal lock of a set from the machine's
# local mirror, limited to Linux, is accepted by pip 26 (`pip install --dry-run -r pylock.toml`).
#
#   REQUIRES_PYTHON='>=3.10' tools/universal_pip_check.sh [REQUIREMENT...]   (default: requests rich click)
#
# (The mirror holds recent releases only: click 8.5 needs Python >=3.10, so a lock for >=3.8
# is unsatisfiable below 3.10, and pylock4j says so: "on python_version < "3.10": …".)
#
# Uses the first mirror pip is configured for (python3 -m pip config get global.extra-index-url),
# installs pip 26.2.1 from it into a throwaway venv, locks with ./pylock4j lock --universal
# --environment-marker "sys_platform == 'linux'", and asks that pip to install the lock (dry run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MIRROR="$(python3 -m pip config get global.extra-index-url | awk '{print $1}')"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
[[ $# -gt 0 ]] || set -- requests rich click

python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q --no-cache-dir --index-url "$MIRROR" 'pip==26.2.1'
"$WORK/venv/bin/python" -m pip --version

"$ROOT/pylock4j" lock "$@" --requires-python "${REQUIRES_PYTHON:->=3.10}" \
    --environment-marker "sys_platform == 'linux'" \
    --index-url "$MIRROR" --cache-dir "$WORK/cache" -o "$WORK/pylock.toml"
grep -E '^(name|version|marker|requires-python|environments) = ' "$WORK/pylock.toml"

"$WORK/venv/bin/python" -m pip install --dry-run --no-cache-dir --index-url "$MIRROR" \
    -r "$WORK/pylock.toml"
