#!/usr/bin/env python3
"""Write a static Simple index (PEP 503 HTML + PEP 691 JSON + PEP 658 metadata files) from
pypi-snapshot data.

Layout written under --out (see tools/README.md):

    <out>/index.html, <out>/index.json                    the project list
    <out>/<normalized-name>/index.html                    PEP 503 page
    <out>/<normalized-name>/index.json                    PEP 691 page (api-version 1.1)
    <out>/<normalized-name>/<filename>.metadata           PEP 658 file (wheels only)
    <out>/<normalized-name>/<filename>.provenance         PEP 740 provenance object, copied from
                                                          --provenance-dir when it holds one

File URLs are relative to the page: just "<filename>", i.e. the file lives next to its page at
<out>/<normalized-name>/<filename> (the distributions themselves are not written: the snapshot
has none). A sha256 is written only when it is real: from the record's "hashes" or from
file-hashes.json keyed by filename; never invented. Generated .metadata files get the sha256 of
their own bytes.

Python 3.11, standard library only. Output is deterministic.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
from pathlib import Path

API_VERSION = "1.1"
NAME_RE = re.compile(r"^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)")


def normalize(name: str) -> str:
    """PEP 503 normalisation."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(line: str) -> str | None:
    """The project name a PEP 508 (or legacy 'name (spec)') requirement starts with."""
    line = line.split("#", 1)[0].strip()
    if not line or line.startswith("-"):
        return None
    m = NAME_RE.match(line)
    return normalize(m.group(1)) if m else None


class Snapshot:
    def __init__(self, root: Path, source: str | None):
        self.root = root
        self.source = source
        self.hashes = {}
        hashes_file = root / "file-hashes.json"
        if hashes_file.exists():
            data = json.loads(hashes_file.read_text(encoding="utf-8"))
            self.hashes = {name: rec["hashes"] for name, rec in data["files"].items()}
        self._cache: dict[str, dict | None] = {}

    def project(self, name: str) -> dict | None:
        """The project record with files filtered by --source and duplicates removed."""
        name = normalize(name)
        if name in self._cache:
            return self._cache[name]
        path = self.root / "projects" / f"{name}.json"
        if not path.exists():
            self._cache[name] = None
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        files: dict[str, dict] = {}
        for record in data["files"]:
            if self.source and self.source not in record["sources"]:
                continue
            filename = record["filename"]
            previous = files.get(filename)
            if previous is None:
                files[filename] = record
                continue
            # Same filename from two sources: a real record wins over a synthetic one.
            keep = previous
            if previous.get("filename-synthetic") and not record.get("filename-synthetic"):
                keep = record
            files[filename] = keep
            print(f"warning: {name}: {filename} listed twice, kept the "
                  f"{'synthetic' if keep.get('filename-synthetic') else 'real'} record",
                  file=sys.stderr)
        data["files"] = list(files.values())
        self._cache[name] = data
        return data

    def sha256(self, record: dict) -> str | None:
        """A real sha256 for the file, or None: never invented."""
        digest = (record.get("hashes") or {}).get("sha256")
        if digest:
            return digest
        return (self.hashes.get(record["filename"]) or {}).get("sha256")


EXTRA_MARKER = re.compile(r";.*\bextra\s*==")


def reachable(snapshot: Snapshot, roots: list[str], skip_extras: bool = False,
              roots_with_extras: frozenset[str] = frozenset()) -> list[str]:
    """Every project reachable from roots through requires-dist (markers ignored: over-approximate).

    With skip_extras, dependencies under an 'extra == ...' marker are not followed, except those
    of the roots in roots_with_extras (requested with [extras])."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = normalize(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        data = snapshot.project(name)
        if data is None:
            continue
        for record in data["files"]:
            for req in record.get("requires-dist") or []:
                if skip_extras and name not in roots_with_extras and EXTRA_MARKER.search(req):
                    continue
                dep = requirement_name(req)
                if dep and dep not in seen:
                    todo.append(dep)
    return sorted(seen)


def metadata_bytes(data: dict, record: dict) -> bytes:
    """The record's real METADATA when it carries one ("metadata-bytes"), else a
    Metadata-Version 2.1 file from the record's fields, in a fixed order."""
    if record.get("metadata-bytes") is not None:
        return record["metadata-bytes"]
    display = (data.get("display-names") or [data["name"]])[0]
    lines = ["Metadata-Version: 2.1", f"Name: {display}", f"Version: {record['version']}"]
    requires_python = record.get("requires-python") or record.get("requires-python-metadata")
    if requires_python:
        lines.append(f"Requires-Python: {requires_python}")
    for extra in record.get("provides-extra") or []:
        lines.append(f"Provides-Extra: {extra}")
    for req in record.get("requires-dist") or []:
        lines.append(f"Requires-Dist: {req}")
    return ("\n".join(lines) + "\n\n").encode("utf-8")


def write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def write_project(snapshot: Snapshot, data: dict, out: Path, args) -> int:
    name = data["name"]
    directory = out / name
    json_files = []
    anchors = []
    versions = []
    for record in data["files"]:
        filename = record["filename"]
        sha = snapshot.sha256(record)
        hashes = {"sha256": sha} if sha else {}
        meta_hash = None
        if not args.no_metadata and filename.endswith(".whl"):
            content = metadata_bytes(data, record)
            meta_hash = hashlib.sha256(content).hexdigest()
            write(directory / f"{filename}.metadata", content)
        provenance = None
        if args.provenance_dir and (args.provenance_dir / f"{filename}.provenance").is_file():
            provenance = f"{filename}.provenance"
            write(directory / provenance, (args.provenance_dir / provenance).read_bytes())
        yanked = record.get("yanked", False)
        entry = {"filename": filename, "url": filename, "hashes": hashes}
        if record.get("requires-python"):
            entry["requires-python"] = record["requires-python"]
        entry["yanked"] = yanked
        if record.get("upload-time"):
            entry["upload-time"] = record["upload-time"]
        if record.get("size") is not None:
            entry["size"] = record["size"]
        if meta_hash:
            entry["core-metadata"] = {"sha256": meta_hash}
            entry["dist-info-metadata"] = {"sha256": meta_hash}
        if provenance:
            entry["provenance"] = provenance
        json_files.append(entry)
        if record["version"] not in versions:
            versions.append(record["version"])

        href = filename + (f"#sha256={sha}" if sha else "")
        attrs = [f'href="{html.escape(href)}"']
        if record.get("requires-python"):
            attrs.append(f'data-requires-python="{html.escape(record["requires-python"])}"')
        if yanked is not False:
            reason = yanked if isinstance(yanked, str) else ""
            attrs.append(f'data-yanked="{html.escape(reason)}"')
        if meta_hash:
            attrs.append(f'data-core-metadata="sha256={meta_hash}"')
            attrs.append(f'data-dist-info-metadata="sha256={meta_hash}"')
        if provenance:
            attrs.append(f'data-provenance="{html.escape(provenance)}"')
        anchors.append(f"    <a {' '.join(attrs)}>{html.escape(filename)}</a><br/>")

    ordered_versions = [v for v in data.get("versions", []) if v in versions]
    ordered_versions += [v for v in versions if v not in ordered_versions]
    if not args.html_only:
        page = {"meta": {"api-version": API_VERSION}, "name": name,
                "versions": ordered_versions, "files": json_files}
        write(directory / "index.json", (json.dumps(page, indent=1) + "\n").encode("utf-8"))
    if not args.json_only:
        page = ("<!DOCTYPE html>\n<html>\n  <head>\n"
                f'    <meta name="pypi:repository-version" content="{API_VERSION}">\n'
                f"    <title>Links for {html.escape(name)}</title>\n  </head>\n  <body>\n"
                f"    <h1>Links for {html.escape(name)}</h1>\n"
                + "".join(a + "\n" for a in anchors)
                + "  </body>\n</html>\n")
        write(directory / "index.html", page.encode("utf-8"))
    return len(json_files)


def write_project_list(names: list[str], out: Path, args) -> None:
    if not args.html_only:
        page = {"meta": {"api-version": API_VERSION}, "projects": [{"name": n} for n in names]}
        write(out / "index.json", (json.dumps(page, indent=1) + "\n").encode("utf-8"))
    if not args.json_only:
        body = "".join(f'    <a href="{html.escape(n)}/">{html.escape(n)}</a><br/>\n' for n in names)
        page = ("<!DOCTYPE html>\n<html>\n  <head>\n"
                f'    <meta name="pypi:repository-version" content="{API_VERSION}">\n'
                "    <title>Simple index</title>\n  </head>\n  <body>\n" + body
                + "  </body>\n</html>\n")
        write(out / "index.html", page.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--snapshot", type=Path, default=Path("/work/shared/pypi-snapshot"),
                        help="pypi-snapshot directory (default: %(default)s)")
    parser.add_argument("--out", type=Path, required=True, help="directory to write the index to")
    parser.add_argument("--source", help="keep only files whose 'sources' contain this id, "
                        "e.g. resolvelib:pypi-2020-11-17-cheroot")
    parser.add_argument("--roots", nargs="*", type=Path, default=[],
                        help="requirement files: add every project reachable from their lines")
    parser.add_argument("--reachable", action="store_true",
                        help="also add every project reachable from the named projects")
    parser.add_argument("--skip-extras", action="store_true",
                        help="while walking, do not follow dependencies under an 'extra' marker "
                        "(except for roots requested with [extras])")
    parser.add_argument("--all", action="store_true", help="every project of the snapshot")
    parser.add_argument("--no-metadata", action="store_true", help="write no PEP 658 files")
    parser.add_argument("--provenance-dir", type=Path,
                        help="directory of <filename>.provenance PEP 740 objects: each one found "
                        "is copied next to its file and advertised (provenance / data-provenance)")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--html-only", action="store_true", help="write only index.html pages")
    form.add_argument("--json-only", action="store_true", help="write only index.json pages")
    parser.add_argument("projects", nargs="*", help="project names to include")
    args = parser.parse_args(argv)

    snapshot = Snapshot(args.snapshot, args.source)
    if args.all:
        names = sorted(p.stem for p in (args.snapshot / "projects").glob("*.json"))
    else:
        roots = list(args.projects)
        with_extras = {requirement_name(p) for p in args.projects if "[" in p}
        for path in args.roots:
            for line in path.read_text(encoding="utf-8").splitlines():
                name = requirement_name(line)
                if name:
                    roots.append(name)
                    if "[" in line.split(";")[0]:
                        with_extras.add(name)
        if args.roots or args.reachable:
            names = reachable(snapshot, roots, args.skip_extras, frozenset(with_extras))
        else:
            names = sorted({normalize(requirement_name(n) or n) for n in roots})
    if not names:
        parser.error("no projects: name some, or give --roots or --all")

    written = []
    files = 0
    for name in names:
        data = snapshot.project(name)
        if data is None:
            print(f"warning: {name}: not in the snapshot, skipped", file=sys.stderr)
            continue
        if args.source and not data["files"]:
            continue
        files += write_project(snapshot, data, args.out, args)
        written.append(name)
    write_project_list(written, args.out, args)
    print(f"{len(written)} projects, {files} files written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
