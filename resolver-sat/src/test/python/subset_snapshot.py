"""Copies the part of ../shared/pypi-snapshot that resolver-sat's tests use.

Usage: python3 subset_snapshot.py /work/shared/pypi-snapshot resolver-sat/src/test/resources/snapshot

Keeps the projects reachable (any version, any marker) from the chosen root sets, and of each file
record only what a resolver reads: filename, version, requires-python (page, or the metadata's when
the page has none), yanked, upload-time, size, hashes, requires-dist, and the snapshot ids of
resolvelib records (so a case can see its point-in-time index). Writes one JSON file,
projects.json.gz (gzip, fixed mtime), with records sorted by project name, and copies the root and expected files.
"""
import glob
import gzip
import json
import os
import shutil
import sys

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

CASES = [
    "resolvelib-chalice", "resolvelib-cheroot", "resolvelib-conflict-with-dependency",
    "resolvelib-different-extras", "resolvelib-pyrex-1.9.8", "resolvelib-with-without-extras",
    "uv-boto3", "uv-black", "uv-jupyter",
    "pip-scenarios-problematic-pandas-aws-boto3", "pip-scenarios-big-packages-dask-complete",
]


def main(src, out):
    projects = {}
    for f in glob.glob(os.path.join(src, "projects", "*.json")):
        with open(f) as fh:
            d = json.load(fh)
        projects[d["name"]] = d
    roots = []
    for case in CASES:
        with open(os.path.join(src, "roots", case + ".txt")) as fh:
            for line in fh:
                line = line.strip()
                if line and not line.startswith("#"):
                    roots.append(canonicalize_name(Requirement(line).name))
    seen, stack = set(), list(roots)
    while stack:
        n = stack.pop()
        if n in seen:
            continue
        seen.add(n)
        for f in projects.get(n, {}).get("files", []):
            for rd in f.get("requires-dist", []):
                try:
                    stack.append(canonicalize_name(Requirement(rd).name))
                except InvalidRequirement:
                    pass
    result = []
    for name in sorted(seen):
        d = projects.get(name)
        if d is None:
            continue
        files = []
        for f in d["files"]:
            rec = {"filename": f["filename"], "version": f["version"]}
            rp = f.get("requires-python") or f.get("requires-python-metadata")
            if rp:
                rec["requires-python"] = rp
            if f.get("yanked"):
                rec["yanked"] = f["yanked"]
            if f.get("upload-time"):
                rec["upload-time"] = f["upload-time"]
            if f.get("size") is not None:
                rec["size"] = f["size"]
            if f.get("hashes"):
                rec["hashes"] = f["hashes"]
            rec["requires-dist"] = f.get("requires-dist", [])
            if f.get("provides-extra"):
                rec["provides-extra"] = f["provides-extra"]
            rec["sources"] = [s.split(":", 1)[1] for s in f["sources"] if s.startswith("resolvelib:")]
            files.append(rec)
        result.append({"name": name, "files": files})
    os.makedirs(out, exist_ok=True)
    with gzip.GzipFile(os.path.join(out, "projects.json.gz"), "wb", mtime=0) as gz:
        fh = __import__("io").TextIOWrapper(gz, encoding="utf-8")
        fh.write('{"generated-by": "python3 resolver-sat/src/test/python/subset_snapshot.py '
                 '/work/shared/pypi-snapshot resolver-sat/src/test/resources/snapshot",\n')
        fh.write('"projects": [\n')
        fh.write(",\n".join(json.dumps(p, separators=(",", ":")) for p in result))
        fh.write("\n]}\n")
        fh.flush()
        fh.detach()
    for case in CASES:
        for ext in (".txt", ".expected.json"):
            p = os.path.join(src, "roots", case + ext)
            if os.path.exists(p):
                shutil.copy(p, os.path.join(out, case + ext))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
