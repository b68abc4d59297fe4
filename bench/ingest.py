"""Read + repair + split throughput over a folder of pages (and the same folder repeated).

    python bench/ingest.py [DIR] [--repeat N] [--runs R]

Prints pages/s and MB/s (median of R runs) for the folder as is and for a corpus made by copying
it N times; also the seeds. Run on an otherwise idle machine; figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.core.corpus import load_library  # noqa: E402
from reader.paths import seeds_dir  # noqa: E402

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "thucnews-val"


def size_of(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.suffix in (".txt", ".md")]
    return len(files), sum(p.stat().st_size for p in files)


def measure(folder: Path, runs: int) -> tuple[float, float, int, int]:
    n, size = size_of(folder)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        lib = load_library([folder])
        times.append(time.perf_counter() - t0)
        assert len(lib.pages) + len(lib.problems) >= n
    t = statistics.median(times)
    return n / t, size / t / 1e6, n, size


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    rows = [("seeds", seeds_dir())]
    if args.folder.is_dir():
        rows.append((args.folder.name, args.folder))
    with tempfile.TemporaryDirectory() as tmp:
        if args.folder.is_dir():
            big = Path(tmp) / f"{args.folder.name}x{args.repeat}"
            for i in range(args.repeat):
                shutil.copytree(args.folder, big / f"copy{i}")
            rows.append((big.name, big))
        for name, folder in rows:
            pps, mbs, n, size = measure(folder, args.runs)
            print(
                f"{name:24s} {n:6d} pages {size / 1e6:7.2f} MB  {pps:8.0f} pages/s  {mbs:6.2f} MB/s"
            )


if __name__ == "__main__":
    main()
