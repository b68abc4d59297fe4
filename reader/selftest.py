"""`press-reader --self-test`: the whole app exercised once, offscreen, in a temporary data
folder — the check a packaged build must pass. Prints one summary line; exit 0 when every step
worked, 1 with the failing step and its reason otherwise."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

TIMEOUT_S = 180


class SelfTestError(Exception):
    pass


def run() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    t0 = time.perf_counter()
    _set("start")
    try:
        with tempfile.TemporaryDirectory(prefix="press-reader-self-test-") as tmp:
            facts = _run(Path(tmp))
    except Exception as exc:  # the reason is the product of this command
        where = _current[0]
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        print(f"self-test FAILED at {where}: {detail}", flush=True)
        return 1
    facts["seconds"] = round(time.perf_counter() - t0, 1)
    print("self-test ok: " + json.dumps(facts, ensure_ascii=False), flush=True)
    return 0


_current = ["start"]  # the step under way, named in the failure line


def _set(step: str) -> None:
    _current[0] = step


def _wait(done: Callable[[], object], what: str, timeout: float = TIMEOUT_S) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    end = time.monotonic() + timeout
    loop = QEventLoop()
    while not done():
        if time.monotonic() > end:
            raise SelfTestError(f"timed out waiting for {what}")
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def _run(tmp: Path) -> dict[str, object]:
    _set("qt")
    from PySide6.QtWidgets import QApplication, QLabel

    from reader import __version__
    from reader.core.corpus import drain
    from reader.core.export import export, read_marks_file
    from reader.paths import DataDir, seeds_dir
    from reader.ui import theme
    from reader.ui.prefs import Prefs
    from reader.ui.tasks import TaskRunner
    from reader.ui.window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    data = DataDir(tmp / "data")
    prefs = Prefs.in_folder(data.path)
    runner = TaskRunner(app)
    window = MainWindow(data, prefs, runner, [seeds_dir()])
    window.show()
    try:
        _set("load the seeds")
        loaded: list[bool] = []
        window.libraryLoaded.connect(lambda: loaded.append(True))
        window.start()
        _wait(lambda: bool(loaded) and not window.loading, "the seeds")
        articles = len(window.library.articles)
        if articles == 0:
            raise SelfTestError(f"no articles in {seeds_dir()}")

        _set("build the index")
        _wait(lambda: not window.indexing, "the index and entities")
        status = window.search_index.status()
        if status != "ok":
            raise SelfTestError(f"index status {status!r}")

        _set("search")
        result = window.search_index.search("疫情 防控", limit=5)
        if not result.hits:
            raise SelfTestError("no hits for 疫情 防控")
        hit = result.hits[0]

        _set("open an article")
        window.open_article(hit.id)
        view = window.reader.article_view
        if window.current is None or window.current.id != hit.id or not view.headline():
            raise SelfTestError("the article did not open")

        _set("entities")
        _wait(lambda: bool(view.entities()), "the article's entities", 60)
        entities = len(view.entities())

        _set("mark")
        article = window.current
        start = next(i for i, ch in enumerate(article.body) if not ch.isspace())
        view.setTextCursor(view.body_cursor(start, min(start + 12, len(article.body))))
        mark = window.mark_control.mark_selection("green")
        if mark is None or window.mark_control.store.get(mark.id) is None:
            raise SelfTestError(f"no mark was saved ({window.status_label.text()})")

        _set("export")
        marks = window.mark_control.store.all()
        sizes = {}
        for fmt in ("json", "docx"):
            path = tmp / f"marks.{fmt}"
            drain(export(marks, path, fmt, app_version=__version__))
            sizes[fmt] = path.stat().st_size
        back = read_marks_file(tmp / "marks.json")
        if [m.id for m in back] != [mark.id]:
            raise SelfTestError("the exported marks did not read back")

        return {
            "version": __version__,
            "articles": articles,
            "search_hits": result.total,
            "article": hit.id,
            "entities": entities,
            "marks_exported": len(back),
            "docx_bytes": sizes["docx"],
            "chinese_font": theme.has_chinese_font(),
            # without one, the user is told (a message and a lasting status-bar mark)
            "no_font_warning": window.findChild(QLabel, "noChineseFont") is not None,
            "frozen": bool(getattr(sys, "frozen", False)),
        }
    finally:
        window.close()
        runner.shutdown()
