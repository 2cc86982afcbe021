#!/usr/bin/env python3
"""Generate the bench's static Simple indexes from pypi-snapshot data (about 0.5 GB on disk, so
they are made at bench time, never committed).

    python3 bench/make_indexes.py --snapshot /work/shared/pypi-snapshot --out /tmp/pylock4j-bench

One directory per index under --out, each in the layout of tools/README.md (written by
tools/snapshot_to_index.py, with PEP 658 .metadata files), plus a *stub wheel* next to every
.metadata file: a tiny zip holding only <name>-<version>.dist-info/METADATA (the same bytes as the
.metadata file), WHEEL and RECORD. pylock4j never downloads a wheel to resolve; pip 23.2 does,
even with --dry-run (after resolving, it completes each chosen requirement by downloading it), so
without the stubs pip stops on a 404. A file whose page advertises a real sha256 gets no stub (the
stub's hash could not match); only the union index has such files (4 poetry records).

Indexes:
  cheroot, chalice, dask, pandas, pyrax, virtualenv-six
      one per resolvelib snapshot id (e.g. resolvelib:pypi-2020-11-17-cheroot), every project:
      a consistent point-in-time index. cheroot (2020-11-17, 629 projects, 13,275 files) is the
      big one the real root sets are resolved against.
  union      every record of the snapshot (all sources).
  examples   a copy of the repo's examples/index (made by examples/make-index.sh), plus stubs.

Python 3.11, standard library only; deterministic output.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SNAPSHOT_IDS = {
    "cheroot": "resolvelib:pypi-2020-11-17-cheroot",
    "chalice": "resolvelib:pypi-2020-02-13-chalice",
    "dask": "resolvelib:pypi-2020-02-13-dask",
    "pandas": "resolvelib:pypi-2020-02-15-pandas",
    "pyrax": "resolvelib:pypi-2020-02-15-pyrax",
    "virtualenv-six": "resolvelib:pypi-2020-02-19-virtualenv-six",
}
ALL = [*SNAPSHOT_IDS, "union", "examples"]
FIXED_DATE = (2020, 1, 1, 0, 0, 0)


def stub_wheel(filename: str, metadata: bytes) -> bytes:
    """A minimal wheel whose METADATA is `metadata`; deterministic bytes."""
    parts = filename[: -len(".whl")].split("-")
    dist_info = f"{parts[0]}-{parts[1]}.dist-info"
    wheel = b"Wheel-Version: 1.0\nGenerator: pylock4j-bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    record = f"{dist_info}/METADATA,,\n{dist_info}/WHEEL,,\n{dist_info}/RECORD,,\n".encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in ((f"{dist_info}/METADATA", metadata), (f"{dist_info}/WHEEL", wheel),
                           (f"{dist_info}/RECORD", record)):
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


def add_stubs(index: Path) -> tuple[int, int]:
    """Writes a stub wheel for every wheel with a .metadata file; returns (written, skipped)."""
    written = skipped = 0
    for page in sorted(index.glob("*/index.json")):
        files = json.loads(page.read_text(encoding="utf-8"))["files"]
        for f in files:
            name = f["filename"]
            meta = page.parent / (name + ".metadata")
            if not name.endswith(".whl") or not meta.exists():
                continue
            if f.get("hashes", {}).get("sha256"):
                skipped += 1
                continue
            (page.parent / name).write_bytes(stub_wheel(name, meta.read_bytes()))
            written += 1
    return written, skipped


def make(name: str, snapshot: Path, out: Path) -> None:
    target = out / name
    if target.exists():
        shutil.rmtree(target)
    if name == "examples":
        shutil.copytree(REPO / "examples/index", target)  # as committed (examples/make-index.sh)
    else:
        cmd = [sys.executable, str(REPO / "tools/snapshot_to_index.py"), "--snapshot",
               str(snapshot), "--out", str(target), "--all"]
        if name in SNAPSHOT_IDS:
            cmd += ["--source", SNAPSHOT_IDS[name]]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    written, skipped = add_stubs(target)
    print(f"{name}: {target} ({written} stub wheels, {skipped} files with a real hash left without)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--snapshot", type=Path, default=Path("/work/shared/pypi-snapshot"))
    p.add_argument("--out", type=Path, default=Path("/tmp/pylock4j-bench"))
    p.add_argument("indexes", nargs="*", default=ALL, help="which indexes (default: all)")
    args = p.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.indexes:
        if name not in ALL:
            p.error(f"unknown index {name!r} (known: {', '.join(ALL)})")
        make(name, args.snapshot, args.out)


if __name__ == "__main__":
    main()
