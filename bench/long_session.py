"""A long reading session: memory while 2,000 different articles are opened one after another.

    python bench/long_session.py [--articles 2000] [--every 250] [DIR]

The window (offscreen) loads DIR (thucnews-val by default) copied as many times as needed to
have --articles different articles, waits until the library, the search index and the entities
are ready, then opens the articles one by one, as the reader's Next Article key does: each is
shown, painted and given its highlights before the next. RSS is read from /proc every --every
articles. Growth is reported from the first checkpoint (after warm-up) to the last; figures go to
docs/benchmarks.md and docs/reliability.md.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "corpora" / "thucnews-val"


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--every", type=int, default=250)
    args = ap.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.paths import DataDir
    from reader.ui.prefs import Prefs
    from reader.ui.tasks import TaskRunner
    from reader.ui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    errors: list[BaseException] = []  # an exception in a slot must not pass unnoticed
    sys.excepthook = lambda _t, exc, _tb: errors.append(exc)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        per_copy = sum(1 for _ in args.dir.rglob("*.txt"))
        copies = max(1, -(-args.articles // max(per_copy, 1)))
        roots = []
        for n in range(copies):
            target = base / f"{args.dir.name}-{n + 1}"
            shutil.copytree(args.dir, target)
            roots.append(target)
        data = DataDir(base / "data")
        runner = TaskRunner()
        window = MainWindow(data, Prefs.in_folder(data.path), runner, roots)
        window.show()
        shown: list[str] = []
        window.articleShown.connect(shown.append)
        view = window.reader.article_view
        checkpoints: list[tuple[int, float]] = []
        times: dict[str, float] = {}

        def session():  # run by the event loop, as a user's session is (deleteLater included)
            t0 = time.perf_counter()
            window.start()
            while window.indexing or not window.library.articles:
                yield
            times["ready"] = time.perf_counter() - t0
            articles = window.library.articles[: args.articles]
            gc.collect()
            checkpoints.append((0, rss_mb()))
            t1 = time.perf_counter()
            for i, article in enumerate(articles, 1):
                window.open_article(article.id)
                view.repaint()
                yield
                while (
                    window.entity_control.building or article.id in window.entity_control._pending
                ):
                    yield
                if i % args.every == 0:
                    gc.collect()
                    checkpoints.append((i, rss_mb()))
            times["per_article"] = (time.perf_counter() - t1) / len(articles) * 1000

        steps = session()

        def tick() -> None:
            try:
                next(steps)
            except StopIteration:
                timer.stop()
                app.quit()

        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(0)
        app.exec()
        ready, per_article = times["ready"], times["per_article"]
        window.close()
        runner.shutdown()

    print(
        f"# machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"library: {len(window.library.articles)} articles in {copies} copies of {args.dir.name}; "
        f"ready (loaded, indexed, entities) in {ready:.1f} s"
    )
    print(f"opened {len(shown)} articles, {per_article:.1f} ms each (show, paint, highlights)")
    print("| articles opened | RSS (MB) |\n|---:|---:|")
    for n, mb in checkpoints:
        print(f"| {n} | {mb:.1f} |")
    if errors:
        raise SystemExit(f"{len(errors)} errors in the session, the first: {errors[0]!r}")
    first_after_warmup = checkpoints[1] if len(checkpoints) > 2 else checkpoints[0]
    last = checkpoints[-1]
    growth = last[1] - first_after_warmup[1]
    span = last[0] - first_after_warmup[0]
    print(
        f"growth from {first_after_warmup[0]} to {last[0]} opened: {growth:+.1f} MB "
        f"({growth * 1024 / max(span, 1):+.1f} KB per article)"
    )


if __name__ == "__main__":
    main()
