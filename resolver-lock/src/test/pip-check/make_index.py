"""Builds tiny wheels and a PEP 503 index of them in DIR; prints filename, project, version, sha256.

Development check only (see check.sh); the project's tests never run Python.
Usage: python3 make_index.py DIR
"""
import hashlib
import os
import sys
import zipfile

WHEELS = [
    ("demo_a", "1.0", "py3-none-any"),
    ("demo_b", "2.0", "py3-none-any"),
    ("demo_b", "2.0", "cp312-cp312-win_amd64"),  # not installable here: its hash is listed too
    ("Demo.C", "0.3.post1", "py2.py3-none-any"),
]


def wheel(directory, name, version, tag):
    dist = name.replace("-", "_").replace(".", "_")
    filename = f"{dist}-{version}-{tag}.whl"
    info = f"{dist}-{version}.dist-info"
    files = {
        f"{dist}/__init__.py": "",
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        f"{info}/WHEEL": f"Wheel-Version: 1.0\nGenerator: make_index\nRoot-Is-Purelib: true\nTag: {tag}\n",
    }
    record = "".join(f"{p},,\n" for p in files) + f"{info}/RECORD,,\n"
    files[f"{info}/RECORD"] = record
    path = os.path.join(directory, filename)
    with zipfile.ZipFile(path, "w") as z:
        for p, text in files.items():
            info_ = zipfile.ZipInfo(p, date_time=(2020, 1, 1, 0, 0, 0))
            z.writestr(info_, text)
    with open(path, "rb") as f:
        return filename, hashlib.sha256(f.read()).hexdigest()


def main(directory):
    files_dir = os.path.join(directory, "files")
    os.makedirs(files_dir, exist_ok=True)
    pages = {}
    for name, version, tag in WHEELS:
        filename, digest = wheel(files_dir, name, version, tag)
        project = name.lower().replace("_", "-").replace(".", "-")
        pages.setdefault(project, []).append((filename, digest))
        print(f"{filename}\t{project}\t{version}\t{digest}")
    for project, links in pages.items():
        page_dir = os.path.join(directory, "simple", project)
        os.makedirs(page_dir, exist_ok=True)
        with open(os.path.join(page_dir, "index.html"), "w") as f:
            f.write("<!DOCTYPE html><html><body>\n")
            for filename, digest in links:
                f.write(f'<a href="../../files/{filename}#sha256={digest}">{filename}</a>\n')
            f.write("</body></html>\n")


if __name__ == "__main__":
    main(sys.argv[1])
