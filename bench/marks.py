"""Marks: what a change costs on disk, how long exports of many marks take, and placing every
mark again after all articles' text moved — measured in one run.

    python bench/marks.py [DIR] [--marks 5000] [--adds 300] [--runs 3]

DIR (thucnews-val by default) gives the articles; --marks passages of 40 characters are marked
across them. Medians of --runs; figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.corpus import drain, load_library  # noqa: E402
from reader.core.export import FORMATS, export  # noqa: E402
from reader.core.marks import MarkStore, new_mark  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "thucnews-val"


def median_of(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--marks", type=int, default=5000)
    ap.add_argument("--adds", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    lib = load_library([args.folder])
    articles = [a for a in lib.articles if len(a.body) > 200]
    rng = random.Random(7)
    marks = []
    for i in range(args.marks):
        a = articles[i % len(articles)]
        start = rng.randrange(0, len(a.body) - 60)
        if not a.body[start : start + 40].strip():
            continue
        marks.append(new_mark(a, start, start + 40, tags=[f"t{i % 9}"], note="备注" * (i % 3)))
    print(f"{len(marks)} marks over {len(articles)} articles of {args.folder.name}")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = MarkStore(folder / "marks.sqlite", folder / "backups")
        t0 = time.perf_counter()
        per = []
        for m in marks[: args.adds]:
            t = time.perf_counter()
            store.put(m)
            per.append(time.perf_counter() - t)
        print(
            f"add one mark (own committed transaction, WAL, synchronous=FULL): median "
            f"{statistics.median(per) * 1000:.2f} ms, p95 "
            f"{sorted(per)[int(len(per) * 0.95)] * 1000:.2f} ms ({args.adds} adds, "
            f"{time.perf_counter() - t0:.2f} s)"
        )
        store.put_many(marks[args.adds :])
        t = median_of(store.all, args.runs)
        print(f"read all {len(store)} marks: {t * 1000:.0f} ms")
        everything = store.all()
        for fmt in FORMATS:
            path = folder / f"out.{fmt}"
            t = median_of(lambda p=path, f=fmt: drain(export(everything, p, f)), args.runs)
            size = path.stat().st_size / 1e6
            print(f"export {len(everything)} marks to {fmt:<4}: {t:.2f} s ({size:.1f} MB)")

        # every article's text shifted by a new first line, and one in ten quotes reworded
        shifted = {}
        for a in articles:
            body = "【更正】本文有改动。\n" + a.body
            shifted[a.id] = replace(a, body=body)
        gone = {m.id for m in everything[::10]}
        for m in everything:
            if m.id in gone:
                a = shifted[m.article_id]
                shifted[m.article_id] = replace(a, body=a.body.replace(m.quote, "（删去）"))
        pages: dict[str, list] = {}
        for a in shifted.values():
            pages.setdefault(f"{Path(a.corpus).name}/{a.file}", []).append(a)
        # what a reader would expect: a mark detaches when its words are no longer in the article
        # (removing one quote also breaks the marks that overlap it)
        expected = sum(
            1
            for m in everything
            if "".join(m.quote.split()) not in "".join(shifted[m.article_id].body.split())
        )
        t0 = time.perf_counter()
        moved = store.reanchor(shifted.get, lambda key: pages.get(key, []))
        t = time.perf_counter() - t0
        detached = sum(1 for m in moved if m.detached)
        print(
            f"re-anchor {len(everything)} marks after every article changed: {t:.2f} s "
            f"({len(moved) - detached} placed again, {detached} detached; {len(gone)} quotes "
            f"removed, {expected} marks no longer have their words in the article)"
        )
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
