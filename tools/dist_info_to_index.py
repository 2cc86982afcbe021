#!/usr/bin/env python3
"""Write a static Simple index (tools/README.md layout) from real METADATA files and real hashes.

Each project release comes from an installed `*.dist-info/METADATA` (the wheel's own core
metadata, copied verbatim by pip at install time) and the release's real pypi.org filenames and
sha256s from pypi-snapshot's `file-hashes.json`. A release is written only when the snapshot
knows at least one real file of exactly that name and version, so every file on the index has a
real hash; the PEP 658 `.metadata` file is the METADATA itself, and its hash is computed from it.
Upload times and sizes are not known and are left out.

    python3 tools/dist_info_to_index.py --site-packages DIR --snapshot SNAPSHOT --out OUT NAME...
"""
from __future__ import annotations

import argparse
import email.parser
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import snapshot_to_index as tool  # noqa: E402


def parse_filename(filename: str) -> tuple[str, str] | None:
    """(normalised name, version) of a wheel or sdist filename."""
    if filename.endswith(".whl"):
        parts = filename[:-4].split("-")
        return tool.normalize(parts[0]), parts[1]
    for suffix in (".tar.gz", ".zip"):
        if filename.endswith(suffix):
            name, _, version = filename[: -len(suffix)].rpartition("-")
            return tool.normalize(name), version
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-packages", type=Path, required=True)
    parser.add_argument("--snapshot", type=Path, default=Path("/work/shared/pypi-snapshot"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("projects", nargs="+", help="project names to include")
    args = parser.parse_args(argv)
    args.no_metadata = args.html_only = args.json_only = False

    hashes = json.loads((args.snapshot / "file-hashes.json").read_text(encoding="utf-8"))["files"]
    by_release: dict[tuple[str, str], list[str]] = {}
    for filename in sorted(hashes):
        key = parse_filename(filename)
        if key:
            by_release.setdefault(key, []).append(filename)

    installed = {}
    for dist_info in args.site_packages.glob("*.dist-info"):
        raw = (dist_info / "METADATA").read_bytes()
        headers = email.parser.BytesHeaderParser().parsebytes(raw)
        installed[tool.normalize(headers["Name"])] = (headers, raw)

    snapshot = tool.Snapshot(args.snapshot, None)
    names = []
    for project in args.projects:
        name = tool.normalize(project)
        if name not in installed:
            print(f"error: {project} is not installed in {args.site_packages}", file=sys.stderr)
            return 2
        headers, raw = installed[name]
        version = headers["Version"]
        filenames = by_release.get((name, version))
        if not filenames:
            print(f"error: no real file of {name} {version} in file-hashes.json", file=sys.stderr)
            return 2
        records = [{"filename": f, "version": version,
                    "requires-python": headers.get("Requires-Python"),
                    "hashes": hashes[f]["hashes"], "metadata-bytes": raw,
                    "yanked": False} for f in filenames]
        data = {"name": name, "display-names": [headers["Name"]], "versions": [version],
                "files": records}
        tool.write_project(snapshot, data, args.out, args)
        names.append(name)
    tool.write_project_list(sorted(names), args.out, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
