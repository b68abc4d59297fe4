"""The window: time to appear and to paint the first article, memory with a big library, and
the library tree's cost at 10,000 articles.

    python bench/window.py [--runs 5] [--repeat 10] [DIR]

Start-up is measured from outside: the time from launching `python -m reader` to the window
shown and to the first article painted (the app prints wall-clock marks with --startup-report),
on a fresh data folder (first launch) and on the same folder again (second launch). Memory: RSS
after the library of DIR copied --repeat times (thucnews-val × 10 by default) has loaded.
Runs offscreen (QT_QPA_PLATFORM=offscreen); figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "thucnews-val"
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")


def launch(
    data_dir: Path,
    corpus: Path | None = None,
    until: str = "loaded",
    app: list[str] | None = None,
) -> dict[str, Any]:
    """Start the app (`app`: the command, by default this checkout's), return seconds from launch
    to each event, RSS (MB), article count and the article shown."""
    app = app or [sys.executable, "-m", "reader"]
    cmd = [*app, "--data-dir", str(data_dir), f"--startup-report={until}"]
    if corpus is not None:
        cmd += ["--corpus", str(corpus)]
    t0 = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=ENV, cwd=ROOT, timeout=600)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    result: dict[str, Any] = {}
    for line in out.stdout.strip().splitlines():
        mark = json.loads(line)
        result[mark["event"]] = mark["t"] - t0
        result["rss_mb"] = mark["rss_mb"]
        if "articles" in mark:
            result["articles"] = mark["articles"]
        if "article" in mark:
            result["article"] = mark["article"]
    return result


def startup(runs: int) -> None:
    first, second = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            first.append(launch(Path(tmp)))
            second.append(launch(Path(tmp)))
    for name, rows in (("first launch", first), ("second launch", second)):
        med = {k: statistics.median(r[k] for r in rows) for k in ("shown", "painted", "rss_mb")}
        print(
            f"{name:14s} window shown {med['shown'] * 1000:5.0f} ms   first article painted "
            f"{med['painted'] * 1000:5.0f} ms   RSS {med['rss_mb']:.0f} MB   (median of {runs})"
        )


def big_library(folder: Path, repeat: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / f"{folder.name}-x{repeat}"
        for i in range(repeat):
            shutil.copytree(folder, big / f"copy{i:02d}")
        rows = [launch(Path(tmp) / f"data{r}", big) for r in range(runs)]
    med = {k: statistics.median(r[k] for r in rows) for k in ("shown", "loaded", "rss_mb")}
    print(
        f"{folder.name} x{repeat} ({int(rows[0]['articles'])} articles): window shown "
        f"{med['shown'] * 1000:.0f} ms, library loaded {med['loaded']:.1f} s, "
        f"RSS {med['rss_mb']:.0f} MB (median of {runs})"
    )


def tree_model(runs: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication, QTreeView

    from reader.core.models import Article
    from reader.ui.tree_model import LibraryTreeModel

    app = QApplication.instance() or QApplication([])
    articles = [
        Article(
            id=f"a{i}",
            file=f"{i}.txt",
            corpus="c",
            source=f"报纸{i % 12}",
            date=f"20{18 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            page=1 + i % 8,
            title=f"第{i}篇 疫情防控工作会议召开" if i % 3 else f"第{i}篇 经济社会发展",
            title_derived=False,
            subtitles=[],
            byline=None,
            body="",
            captions=[],
        )
        for i in range(10_000)
    ]
    model = LibraryTreeModel()
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setModel(model)
    build, filt, clear = [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        model.set_articles(articles)
        build.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        model.set_query("经济")
        view.expandAll()
        filt.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        model.set_query("")
        clear.append(time.perf_counter() - t0)
    print(
        f"tree, 10,000 articles: build {statistics.median(build) * 1000:.0f} ms, "
        f"filter as you type (3,334 matches, expanded) {statistics.median(filt) * 1000:.0f} ms, "
        f"clear filter {statistics.median(clear) * 1000:.0f} ms (median of {runs})"
    )
    del app


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    startup(args.runs)
    if args.folder.is_dir():
        big_library(args.folder, args.repeat, max(1, args.runs // 2))
    tree_model(args.runs)


if __name__ == "__main__":
    main()
