"""Lays out and packs tct's archives (see scripts/package, which builds first).

Python's zipfile and tarfile rather than the zip and tar programs: a fresh machine
has Python, the archives come out the same on every run (fixed times, sorted names),
and the zip marks its Vietnamese file names as UTF-8.
"""

import argparse
import gzip
import hashlib
import io
import json
import os
import stat
import subprocess
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ROOT / "scripts" / "package-files"
SAMPLES = [
    "mau-phu-luc-bao-cao.xlsx",
    "mau-nhiem-vu.xlsx",
    "mau-chi-tieu.xlsx",
    "mau-don-vi.csv",
]
# 1 January 2026: every file's time in the archives, so two runs give the same bytes.
EPOCH = (2026, 1, 1, 0, 0, 0)
EPOCH_TS = 1767225600


def metadata(target):
    raw = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked",
         "--filter-platform", target],
        cwd=ROOT, check=True, capture_output=True,
    ).stdout
    return json.loads(raw)


def linked_packages(meta):
    """The packages built into the program: tct's normal dependencies, transitively
    (not those only tests or build scripts use)."""
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = meta["resolve"]["root"]
    seen, todo = set(), [root]
    while todo:
        pid = todo.pop()
        for dep in nodes[pid]["deps"]:
            kinds = {k["kind"] for k in dep["dep_kinds"]}
            if None in kinds and dep["pkg"] not in seen:
                seen.add(dep["pkg"])
                todo.append(dep["pkg"])
    pkgs = {p["id"]: p for p in meta["packages"]}
    return sorted((pkgs[i] for i in seen), key=lambda p: (p["name"], p["version"]))


def third_party(meta, newline):
    """Each package built into tct with its licence, and the licence texts its source
    carries (as cargo keeps them in its registry)."""
    out = io.StringIO()
    out.write("Phần mềm bên thứ ba trong tct / Third-party software in tct\n\n")
    out.write("SQLite (bundled by rusqlite): public domain, https://sqlite.org/copyright.html\n\n")
    for p in linked_packages(meta):
        out.write("=" * 72 + "\n")
        out.write(f"{p['name']} {p['version']}: {p.get('license') or 'see below'}\n")
        if p.get("repository"):
            out.write(f"{p['repository']}\n")
        src = Path(p["manifest_path"]).parent
        for f in sorted(src.iterdir()):
            name = f.name.upper()
            if f.is_file() and name.startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE")):
                out.write(f"\n--- {f.name} ---\n")
                out.write(f.read_text(encoding="utf-8", errors="replace").strip() + "\n")
        out.write("\n")
    return out.getvalue().replace("\n", newline)


def sums(files):
    return "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())
    )


def contents(version, program, exe_name, target, windows):
    """The archive's files: name → bytes (text in CRLF for Windows' Notepad)."""
    nl = "\r\n" if windows else "\n"

    def text(s):
        return s.replace("\r\n", "\n").replace("\n", nl).encode("utf-8")

    files = {exe_name: Path(program).read_bytes()}
    guide = (FILES / "HUONG-DAN.txt").read_text(encoding="utf-8").replace("{version}", version)
    files["HUONG-DAN.txt"] = (b"\xef\xbb\xbf" if windows else b"") + text(guide)
    files["LICENSE.txt"] = text((ROOT / "LICENSE").read_text(encoding="utf-8"))
    files["THIRD-PARTY-LICENSES.txt"] = text(third_party(metadata(target), "\n"))
    for s in SAMPLES:
        files[f"mau/{s}"] = (ROOT / "assets" / s).read_bytes()
    if windows:
        for launcher in ["Mở tct.cmd", "Xem dữ liệu mẫu.cmd"]:
            files[launcher] = text((FILES / launcher).read_text(encoding="utf-8"))
    files["SHA256SUMS.txt"] = text(sums(files))
    return files


def write_zip(path, top, files, executable):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in sorted(files.items()):
            info = zipfile.ZipInfo(f"{top}/{name}", EPOCH)
            mode = 0o755 if name == executable else 0o644
            info.external_attr = (stat.S_IFREG | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def write_tar(path, top, files, executable):
    with open(path, "wb") as raw, gzip.GzipFile(
        filename="", mode="wb", fileobj=raw, mtime=EPOCH_TS
    ) as gz, tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as t:
        for name, data in sorted(files.items()):
            info = tarfile.TarInfo(f"{top}/{name}")
            info.size, info.mtime = len(data), EPOCH_TS
            info.mode = 0o755 if name == executable else 0o644
            t.addfile(info, io.BytesIO(data))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--linux", required=True)
    ap.add_argument("--windows", required=True)
    a = ap.parse_args()
    version = metadata("x86_64-unknown-linux-gnu")["packages"]
    version = next(p["version"] for p in version if p["name"] == "tct")
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    made = {}
    top = f"tct-{version}-windows-x64"
    files = contents(version, a.windows, "tct.exe", "x86_64-pc-windows-gnu", True)
    write_zip(out / f"{top}.zip", top, files, "tct.exe")
    made[f"{top}.zip"] = (out / f"{top}.zip").read_bytes()
    top = f"tct-{version}-linux-x86_64"
    files = contents(version, a.linux, "tct", "x86_64-unknown-linux-gnu", False)
    write_tar(out / f"{top}.tar.gz", top, files, "tct")
    made[f"{top}.tar.gz"] = (out / f"{top}.tar.gz").read_bytes()
    (out / "SHA256SUMS").write_text(sums(made), encoding="utf-8")
    for name in sorted(made):
        print(out / name)


if __name__ == "__main__":
    main()
