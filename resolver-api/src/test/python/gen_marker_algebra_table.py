#!/usr/bin/env python3
"""Generates marker-algebra.tsv, the conformance table of org.pylock4j.requirement.MarkerTree.

Usage (from the repository root, with packaging 26.2 installed):

    python3 resolver-api/src/test/python/gen_marker_algebra_table.py \
        resolver-api/src/test/resources/org/pylock4j/requirement

Inputs: the valid markers of marker-evaluation.tsv (same directory) and the hand-written ones
below; pairs of them drawn with a fixed seed. Environments: the space MarkerTree is exact in
(final CPython and PyPy releases X.Y.Z, the five platforms of MarkerEnvironment.Platform),
with and without an extra.

Output (tab-separated, escaped as the other tables; `#` header with this command, then a `#`
line naming the columns): kind (one, and, or, not), A, B, then T/F/E per environment column:
packaging's Marker(A).evaluate(env) for `one`, of `Marker(A) & Marker(B)` / `|` for `and` / `or`,
and the negation of A's result for `not`.
"""

import os
import random
import re
import sys

import packaging
from packaging.markers import Marker

sys.path.insert(0, os.path.dirname(__file__))
from gen_requirement_tables import PLATFORMS, cpython, esc  # noqa: E402

assert packaging.__version__ == "26.2", packaging.__version__

COMMAND = "python3 resolver-api/src/test/python/gen_marker_algebra_table.py " + " ".join(sys.argv[1:])

HAND_WRITTEN = [
    "python_version < '3.10'",
    "python_version >= '3.8' and python_version < '3.12'",
    "python_version != '3.10'",
    "python_version == '3.9.*'",
    "python_version ~= '3.9'",
    "python_version > '3.9.5'",
    "python_version <= '3.10.2'",
    "python_version === '3.10'",
    "python_version in '3.8 3.10'",
    "python_version not in '3.9'",
    "'3.10' > python_version",
    "'3.1' in python_version",
    "python_full_version < '3.9.2'",
    "python_full_version >= '3.8.1' and python_full_version != '3.10.4'",
    "python_full_version == '3.10.*'",
    "python_full_version ~= '3.10.2'",
    "python_full_version > '3.10.2.1'",
    "python_full_version in '3.8.10 3.12.4'",
    "python_version < '3.8' or python_version >= '3.13'",
    "sys_platform == 'linux' and platform_machine == 'aarch64'",
    "sys_platform != 'win32' and sys_platform != 'darwin'",
    "sys_platform < 'linux'",
    "sys_platform >= 'darwin'",
    "'linux' == sys_platform",
    "sys_platform in 'linux darwin'",
    "'arm' in platform_machine",
    "os_name == 'nt' or platform_system == 'Windows'",
    "implementation_name == 'pypy' or platform_python_implementation == 'PyPy'",
    "implementation_name != 'cpython'",
    "platform_release >= '20'",
    "implementation_version >= '7.3'",
    "extra == 'test' and sys_platform == 'linux'",
    "extra == 'test' or python_version < '3.9'",
    "extra != 'test'",
    "platform_machine == 'x86_64' or platform_machine == 'AMD64'",
]


def environments():
    envs = {}
    for minor in range(6, 16):
        for patch in (0, 2, 10):
            envs[f"cpython-3.{minor}.{patch}-LINUX_X86_64"] = cpython(f"3.{minor}.{patch}", "LINUX_X86_64")
    for platform in PLATFORMS:
        for version in ("3.8.1", "3.10.4", "3.12.4", "3.14.0"):
            envs[f"cpython-{version}-{platform}"] = cpython(version, platform)
        for version, impl in (("3.9.19", "7.3.16"), ("3.10.14", "7.3.17"), ("3.11.9", "7.3.19")):
            pypy = cpython(version, platform)
            pypy.update(implementation_name="pypy", implementation_version=impl,
                        platform_python_implementation="PyPy")
            envs[f"pypy-{impl}-{version}-{platform}"] = pypy
    return envs


def columns(envs):
    out = []
    for name in envs:
        for extra in ([None, "test"] if "LINUX_X86_64" in name or "3.12.4" in name else [None]):
            out.append((name, extra))
    return out


def evaluate(text, envs, cols):
    return evaluate_marker(Marker(text), envs, cols)


def evaluate_marker(m, envs, cols):
    results = []
    for env, extra in cols:
        values = dict(envs[env])
        if extra is not None:
            values["extra"] = extra
        try:
            results.append("T" if m.evaluate(values) else "F")
        except Exception:
            results.append("E")
    return results


def unesc(s):
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), s)


def main():
    out = sys.argv[1]
    markers = []
    with open(os.path.join(out, "marker-evaluation.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                markers.append(unesc(line.split("\t", 1)[0]))
    markers = HAND_WRITTEN + markers
    envs = environments()
    cols = columns(envs)
    rows = []
    for a in markers:
        rows.append(["one", a, ""] + evaluate(a, envs, cols))
        rows.append(["not", a, ""] + ["F" if r == "T" else "T" if r == "F" else "E"
                                      for r in evaluate(a, envs, cols)])
    rng = random.Random(15)
    for _ in range(600):
        a, b = rng.choice(markers), rng.choice(markers)
        for kind in ("and", "or"):
            rows.append([kind, a, b] + evaluate_marker(Marker(a) & Marker(b) if kind == "and" else Marker(a) | Marker(b), envs, cols))
    with open(os.path.join(out, "marker-algebra.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# generated by packaging {packaging.__version__}: {COMMAND}\n")
        names = [env if extra is None else f"{env}+extra={extra}" for env, extra in cols]
        f.write("# " + "\t".join(["kind", "a", "b"] + names) + "\n")
        for row in rows:
            f.write("\t".join(esc(str(x)) for x in row) + "\n")


if __name__ == "__main__":
    main()
