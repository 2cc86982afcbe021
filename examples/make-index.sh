#!/usr/bin/env bash
# Regenerates examples/index: the static Simple index (PEP 503/691/658) the README's example
# locks against, from the real PyPI metadata recorded in pypi-snapshot (resolvelib's snapshot of
# 2020-11-17). The project list is every project reachable from examples/webapp (dependencies,
# the postgres extra and both dependency groups) under any common target (CPython 3.8-3.13 on
# Linux, macOS and Windows). Needs python3 and the snapshot; never run by the build.
set -euo pipefail
cd "$(dirname "$0")/.."
SNAPSHOT=${SNAPSHOT:-/work/shared/pypi-snapshot}
rm -rf examples/index
python3 tools/snapshot_to_index.py --snapshot "$SNAPSHOT" --out examples/index \
  --source resolvelib:pypi-2020-11-17-cheroot \
  appdirs atomicwrites attrs certifi chardet click colorama coverage distribute flask \
  future-fstrings greenlet idna importlib-metadata iniconfig itsdangerous jinja2 markerlib \
  markupsafe more-itertools ordereddict packaging pluggy psycopg2 py pyparsing pytest pytest-cov \
  python-dotenv pyyaml requests setuptools six sqlalchemy toml urllib3 wcwidth werkzeug wheel zipp
