"""Build the double-clickable app with PyInstaller (onedir) and, on Linux, its tar.gz archive.

    pip install -e '.[package]'
    python packaging/build.py [--dist DIR] [--no-archive]

Output: DIR/press-reader/ (the executable `press-reader` with `_internal/`, the seeds and
resources) and DIR/press-reader-VERSION-linux-ARCH.tar.gz. DIR defaults to dist/ in the checkout.
The build prints the folder's and the archive's sizes."""

from __future__ import annotations

import argparse
import platform
import shutil
import sys
import tarfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "press-reader.spec"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dist", type=Path, default=ROOT / "dist")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    ap.add_argument("--no-archive", action="store_true")
    args = ap.parse_args()
    try:
        import PyInstaller.__main__
    except ImportError:
        print("PyInstaller is not installed: pip install -e '.[package]'", file=sys.stderr)
        return 2
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name, version = project["name"], project["version"]
    dist = args.dist.resolve()
    PyInstaller.__main__.run(
        [
            str(SPEC),
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(args.work.resolve()),
        ]  # fmt: skip
    )
    bundle = dist / name
    if sys.platform.startswith("linux"):
        for item in ("press-reader.desktop", "press-reader.png"):
            shutil.copy2(ROOT / "resources" / item, bundle / item)
        shutil.copy2(ROOT / "packaging" / "install-desktop-entry.sh", bundle)
    print(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.0f} MB)")
    if sys.platform.startswith("linux") and not args.no_archive:
        archive = dist / f"{name}-{version}-linux-{platform.machine()}.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(bundle, arcname=f"{name}-{version}")
        print(f"archive: {archive} ({archive.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
