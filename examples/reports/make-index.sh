#!/usr/bin/env bash
# Regenerates examples/reports/index: a static Simple index (PEP 503/691/658) in which every file
# is a real pypi.org file with its real sha256 (from pypi-snapshot's file-hashes.json) and every
# PEP 658 metadata file is that release's real METADATA (as installed on the machine that generated
# it, from the same release). Needs python3, the snapshot and those releases installed; never run
# by the build.
set -euo pipefail
cd "$(dirname "$0")/../.."
SNAPSHOT=${SNAPSHOT:-/work/shared/pypi-snapshot}
SITE=${SITE:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')}
rm -rf examples/reports/index
python3 tools/dist_info_to_index.py --site-packages "$SITE" --snapshot "$SNAPSHOT" \
  --out examples/reports/index \
  blinker colorama itsdangerous jinja2 markupsafe mpmath mypy-extensions python-dateutil pyyaml \
  six sympy typing-extensions typing-inspect
