#!/usr/bin/env python3
"""Writes the CLI tests' loopback index: small made-up projects whose files really exist.

Every wheel and sdist is a real, deterministic archive written here, so every sha256 in the pages
is the hash of a file next to it (no hash is made up). The pages and PEP 658 metadata files are
written by tools/snapshot_to_index.py from snapshot-format records, the same way as the example
index. Two states of the same index:

    index-v1/   the older state: without lib-a 2.1 and lib-c 1.5
    index-v2/   the newer state: every release

Run from the repository root:  python3 resolver-cli/src/test/python/make_test_index.py
Python 3.11, standard library only; output is byte-for-byte deterministic.
"""

import gzip
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
OUT = ROOT / "resolver-cli" / "src" / "test" / "resources" / "cli-index"

# name -> [(version, requires-dist, upload-time, with_sdist)]
PROJECTS = {
    "app-core": [
        ("1.0", ["lib-a>=1"], "2024-01-10T10:00:00Z", False),
        ("1.1", ["lib-a>=1", "lib-b>=1"], "2024-02-10T10:00:00Z", False),
        ("2.0", ["lib-a>=2", "lib-b>=1"], "2024-03-10T10:00:00Z", False),
    ],
    "lib-a": [
        ("1.0", [], "2024-01-01T10:00:00Z", False),
        ("2.0", ["lib-c<2"], "2024-02-01T10:00:00Z", False),
        ("2.1", ["lib-c<2"], "2024-04-01T10:00:00Z", False),
    ],
    "lib-b": [
        ("1.0", ["lib-c>=1", 'colorize>=1; sys_platform == "win32"'], "2024-01-05T10:00:00Z", False),
    ],
    "lib-c": [
        ("1.0", [], "2024-01-02T10:00:00Z", False),
        ("1.5", [], "2024-04-02T10:00:00Z", True),
        ("2.0", [], "2024-05-02T10:00:00Z", True),
    ],
    "colorize": [("1.0", [], "2024-01-03T10:00:00Z", False)],
    "conflict-x": [("1.0", ["lib-c>=2"], "2024-01-04T10:00:00Z", False)],
}
NEWER = {("lib-a", "2.1"), ("lib-c", "1.5")}
EPOCH = (1980, 1, 1, 0, 0, 0)


def metadata(name, version, requires):
    lines = ["Metadata-Version: 2.2", f"Name: {name}", f"Version: {version}",
             "Requires-Python: >=3.8"]
    lines += [f"Requires-Dist: {r}" for r in requires]
    return ("\n".join(lines) + "\n\n").encode()


def wheel(name, version, requires):
    dist = name.replace("-", "_")
    info = f"{dist}-{version}.dist-info"
    entries = {
        f"{dist}/__init__.py": f'__version__ = "{version}"\n'.encode(),
        f"{info}/METADATA": metadata(name, version, requires),
        f"{info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: make_test_index\nRoot-Is-Purelib: true\nTag: py3-none-any\n\n",
    }
    record = "".join(f"{p},,\n" for p in entries) + f"{info}/RECORD,,\n"
    entries[f"{info}/RECORD"] = record.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in entries.items():
            z.writestr(zipfile.ZipInfo(path, EPOCH), data)
    return f"{dist}-{version}-py3-none-any.whl", buffer.getvalue()


def sdist(name, version, requires):
    dist = name.replace("-", "_")
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path, data in {f"{dist}-{version}/PKG-INFO": metadata(name, version, requires),
                           f"{dist}-{version}/{dist}/__init__.py": b""}.items():
            info = tarfile.TarInfo(path)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            tar.addfile(info, io.BytesIO(data))
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as gz:
        gz.write(raw.getvalue())
    return f"{dist}-{version}.tar.gz", out.getvalue()


def build(state, include):
    snapshot = Path(tempfile.mkdtemp())
    (snapshot / "projects").mkdir()
    bodies = {}
    for name, releases in PROJECTS.items():
        files = []
        for version, requires, uploaded, with_sdist in releases:
            if not include(name, version):
                continue
            made = [wheel(name, version, requires)]
            if with_sdist:
                made.append(sdist(name, version, requires))
            for filename, data in made:
                bodies[(name, filename)] = data
                files.append({"filename": filename, "version": version,
                              "hashes": {"sha256": hashlib.sha256(data).hexdigest()},
                              "requires-python": ">=3.8", "yanked": False,
                              "upload-time": uploaded, "size": len(data),
                              "requires-dist": requires, "sources": ["cli-tests"]})
        versions = []
        for f in files:
            if f["version"] not in versions:
                versions.append(f["version"])
        (snapshot / "projects" / f"{name}.json").write_text(
            json.dumps({"name": name, "display-names": [name], "versions": versions,
                        "files": files}, indent=1))
    out = OUT / state
    if out.exists():
        shutil.rmtree(out)
    subprocess.run([sys.executable, str(ROOT / "tools" / "snapshot_to_index.py"),
                    "--snapshot", str(snapshot), "--out", str(out), *PROJECTS], check=True)
    for (name, filename), data in bodies.items():
        (out / name / filename).write_bytes(data)
    shutil.rmtree(snapshot)


if __name__ == "__main__":
    build("index-v1", lambda name, version: (name, version) not in NEWER)
    build("index-v2", lambda name, version: True)
