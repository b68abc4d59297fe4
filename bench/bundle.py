"""The packaged app: its size, and its start-up beside the checkout's, measured in one run.

    python packaging/build.py && python bench/bundle.py [--exe dist/press-reader/press-reader]

First launch (an empty data folder): process start → window shown → first article painted →
index built ("searchable"). Second launch (same folder): → painted, and whether it opened on the
article the first launch closed on. Medians of --runs. Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from window import ENV, launch  # noqa: E402  (bench/window.py: one way to time a launch)


def read_elsewhere(settings: Path, article: str) -> None:
    """As if the user had gone on to another article before closing: the window saves the last
    article in settings.ini ([reading] article=...)."""
    text = settings.read_text(encoding="utf-8")
    settings.write_text(re.sub(r"(?m)^article=.*$", f"article={article}", text), encoding="utf-8")


def measure(name: str, cmd: list[str], runs: int) -> None:
    listing = subprocess.run([*cmd, "articles"], capture_output=True, text=True, env=ENV, cwd=ROOT)
    ids = [line.split()[0] for line in listing.stdout.splitlines() if "  " in line][:-1]
    first, second, same = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            a = launch(Path(tmp), until="searchable", app=cmd)
            later = next(i for i in reversed(ids) if i != a.get("article"))
            read_elsewhere(Path(tmp) / "settings.ini", later)
            b = launch(Path(tmp), until="painted", app=cmd)
            first.append(a)
            second.append(b)
            same.append(b.get("article") == later)

    def med(rows: list[dict[str, object]], key: str) -> float:
        return statistics.median(float(r[key]) for r in rows)  # type: ignore[arg-type]

    print(
        f"{name:9s} first launch: shown {med(first, 'shown'):.2f} s, painted "
        f"{med(first, 'painted'):.2f} s, searchable {med(first, 'searchable'):.2f} s; "
        f"second launch painted {med(second, 'painted'):.2f} s, RSS {med(second, 'rss_mb'):.0f} MB; "
        f"reopened the last article {sum(same)}/{runs}"
    )


def size(path: Path) -> float:
    return (
        sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", type=Path, default=ROOT / "dist" / "press-reader" / "press-reader")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if not args.exe.exists():
        print(f"{args.exe} not found: run python packaging/build.py first", file=sys.stderr)
        return 2
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    folder = args.exe.parent
    print(f"bundle: {folder} {size(folder):.0f} MB")
    for archive in sorted(folder.parent.glob("*.tar.gz")):
        print(f"archive: {archive.name} {archive.stat().st_size / 1e6:.0f} MB")
    measure("bundle", [str(args.exe)], args.runs)
    measure("checkout", [sys.executable, "-m", "reader"], args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
