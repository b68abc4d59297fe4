"""Search: index build, query latency, incremental update, and time to the seeds being
searchable after a first launch — next to the plain Whoosh + jieba build and jieba's own time.

    python bench/search.py [DIR] [--copies 7] [--runs 5] [--skip-plain]

The corpus is DIR (thucnews-val by default) copied --copies times with a variation in every
file (about 20 MB for 7 copies), read once with the app's reader. Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.corpus import drain as run  # noqa: E402
from reader.core.corpus import load_library  # noqa: E402
from reader.core.search.index import SearchIndex, writer_processes  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "thucnews-val"

# A fixed set of 30 queries: names, places, topics, phrases, operators, fields, dates.
QUERIES = [
    "比赛",
    "中国",
    "北京",
    "股票",
    "房价",
    "篮球",
    "足球 比赛",
    "新浪体育讯",
    '"北京时间"',
    "姚明",
    "科比",
    "詹姆斯",
    "上海 OR 广州",
    "基金 -股票",
    "title:火箭",
    "title:基金 收益",
    "date:2022-11",
    '"房地产开发商"',
    "美国总统",
    "央行 加息",
    "游戏",
    "手机",
    "电影 票房",
    "教育部",
    "高考",
    "(北京 OR 上海) 房价",
    "球员 受伤",
    "公司 财报",
    "動態",
    "ＮＢＡ",
]


def make_corpus(src: Path, dst: Path, copies: int) -> None:
    files = sorted(src.rglob("*.txt"))
    for c in range(copies):
        for f in files:
            out = dst / f"copy{c}" / f.relative_to(src)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(
                f.read_text(encoding="utf-8") + f"\n第{c}版 编辑 变体{c}号\n", encoding="utf-8"
            )


def texts(lib) -> list[str]:
    return [a.title + "\n" + a.body for a in lib.articles]


def jieba_floor(docs: list[str]) -> tuple[float, float]:
    import jieba
    import rjieba

    jieba.setLogLevel(60)
    jieba.initialize()
    t = time.perf_counter()
    for d in docs:
        jieba.lcut(d)
    py = time.perf_counter() - t
    t = time.perf_counter()
    for d in docs:
        rjieba.cut(d)
    return py, time.perf_counter() - t


def plain_whoosh(lib, folder: Path) -> float:
    """Whoosh with jieba's own ChineseAnalyzer and a default writer (the usual recipe)."""
    from jieba.analyse import ChineseAnalyzer
    from whoosh import fields, index

    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=ChineseAnalyzer(), stored=True),
        body=fields.TEXT(analyzer=ChineseAnalyzer(), stored=True),
    )
    ix = index.create_in(str(folder), schema)
    t = time.perf_counter()
    w = ix.writer()
    for a in lib.articles:
        w.add_document(id=a.id, title=a.title, body=a.body)
    w.commit()
    return time.perf_counter() - t


def seeds_searchable(runs: int) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.time()
            out = subprocess.run(
                [sys.executable, "-m", "reader", "--data-dir", tmp, "--startup-report=searchable"],
                capture_output=True,
                text=True,
                env=env,
                cwd=ROOT,
                timeout=300,
            )
            last = [ln for ln in out.stdout.splitlines() if '"searchable"' in ln]
            import json

            times.append(json.loads(last[0])["t"] - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--copies", type=int, default=7)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--skip-plain", action="store_true")
    args = ap.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"seeds searchable after a first launch: {seeds_searchable(args.runs):.2f} s (median of {args.runs})"
    )
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        make_corpus(args.folder, corpus, args.copies)
        lib = load_library([corpus])
        docs = texts(lib)
        mb = sum(len(d.encode()) for d in docs) / 1e6
        print(f"corpus: {len(lib.articles)} articles, {mb:.1f} MB of text")
        py, rs = jieba_floor(docs)
        print(
            f"segmenting alone: jieba {py:.1f} s ({mb / py:.2f} MB/s), rjieba {rs:.1f} s ({mb / rs:.1f} MB/s)"
        )
        if not args.skip_plain:
            (tmp / "plain").mkdir()
            print(
                f"plain Whoosh + jieba ChineseAnalyzer, default writer: {plain_whoosh(lib, tmp / 'plain'):.1f} s"
            )
        idx = SearchIndex(tmp / "data" / "index")
        t = time.perf_counter()
        procs = writer_processes()
        report = run(idx.sync(lib.pages, procs=procs))
        build = time.perf_counter() - t
        print(
            f"Press Reader full build (bigram index, {procs} writer processes): {build:.1f} s, "
            f"{report.articles} articles"
        )
        size = sum(f.stat().st_size for f in (tmp / "data" / "index").rglob("*") if f.is_file())
        print(f"index size: {size / 1e6:.0f} MB")

        timings: list[float] = []
        per_query = []
        for q in QUERIES:
            qt = []
            for _ in range(args.runs):
                t = time.perf_counter()
                result = idx.search(q, limit=20)
                qt.append(time.perf_counter() - t)
            timings += qt
            per_query.append((statistics.median(qt), q, result.total))
        timings.sort()
        p50 = timings[len(timings) // 2]
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(
            f"search, 30 queries x {args.runs}, top 20 with snippets and facets: p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"
        )
        for med, q, total in sorted(per_query, reverse=True)[:5]:
            print(f"   slowest: {q!r} {med * 1000:.0f} ms ({total} hits)")

        one = next(p for p in lib.pages if p.articles)
        path = Path(one.path)
        changes = []
        for r in range(args.runs):
            path.write_text(path.read_text(encoding="utf-8") + f"\n补充{r}\n", encoding="utf-8")
            lib2 = load_library([corpus])
            t = time.perf_counter()
            rep = run(idx.sync(lib2.pages, procs=writer_processes()))
            changes.append(time.perf_counter() - t)
            assert rep.added == 1, rep
        print(
            f"one changed file re-indexed: {statistics.median(changes) * 1000:.0f} ms (median of {args.runs}; reading the folder again is separate)"
        )
        shutil.rmtree(tmp / "data", ignore_errors=True)


if __name__ == "__main__":
    main()
