"""Start the window: wire the services (data folder, preferences, theme, translations, task
runner) into the main window, and nothing else."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.instance import DataLock, writable
from reader.paths import DataDir, resources_dir, seeds_dir

if TYPE_CHECKING:
    from reader.ui.prefs import Prefs


def _no_display() -> bool:
    """On Linux without a display Qt aborts the process; say so in words instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run(data_dir: Path | None, extra: list[Path], startup_report: str | None = None) -> int:
    if _no_display():
        print(
            "press-reader: no display found (DISPLAY/WAYLAND_DISPLAY unset). "
            "Run it on a desktop, or use `press-reader articles` on a terminal.",
            file=sys.stderr,
        )
        return 2
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from reader import APP_NAME
    from reader.ui.i18n import install_translators
    from reader.ui.instance import HandoverServer, hand_over
    from reader.ui.tasks import TaskRunner
    from reader.ui.theme import ThemeManager
    from reader.ui.window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Press Reader")
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(QIcon(str(resources_dir() / "press-reader.svg")))
    data = DataDir(data_dir)
    lock = DataLock(data.path)
    why = writable(data.path)
    if why:
        data.read_only, data.read_only_detail = "folder", why
    elif not lock.acquire():
        if hand_over(data.path, extra):
            print(
                f"press-reader: Press Reader is already running with {data.path}; "
                "it was asked to open what this launch was given and come to the front.",
                file=sys.stderr,
            )
            return 0
        data.read_only = "instance"
    session = tempfile.TemporaryDirectory(prefix="press-reader-settings-")
    prefs = _prefs(data, Path(session.name))
    install_translators(app, prefs.language)
    themes = ThemeManager(app)
    themes.apply(prefs.theme)
    runner = TaskRunner(app)
    roots = [seeds_dir(), *data.corpora(), *extra]
    window = MainWindow(data, prefs, runner, roots, apply_theme=themes.apply)
    server = None if data.read_only else HandoverServer(data.path, window.handed_over, window)
    window.show()
    if startup_report:
        _report_startup(window, startup_report)
    _close_on_signals(window)
    QTimer.singleShot(0, window.start)
    try:
        return app.exec()
    finally:
        if server is not None:
            server.close()
        lock.release()
        session.cleanup()


def _prefs(data: DataDir, session: Path) -> Prefs:
    """The data folder's settings; for a read-only session a copy, so that nothing this
    window changes reaches the folder."""
    from reader.ui.prefs import Prefs

    if not data.read_only:
        return Prefs.in_folder(data.path)
    with contextlib.suppress(OSError):
        shutil.copyfile(data.settings_file, session / "settings.ini")
    return Prefs.in_folder(session)


def _close_on_signals(window: object) -> None:
    """Ctrl+C in a terminal, or SIGTERM at logout, closes the window as its close button does,
    so the reading position and layout are saved."""
    import signal

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)

    def close(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, window.close)

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, close)
    # Python runs signal handlers only between bytecodes; a idle timer lets it look while Qt's
    # event loop waits in C++.
    tick = QTimer(window)
    tick.timeout.connect(lambda: None)
    tick.start(300)


def _report_startup(window: object, until: str) -> None:
    """For the benchmarks: print a JSON line with wall-clock time (seconds since the epoch) when
    the window shows, the first article is painted, the library has loaded and the search index
    is ready; quit once `until` ("painted", "loaded" or "searchable") and "painted" are reached."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui.window import MainWindow

    assert isinstance(window, MainWindow)
    seen: set[str] = set()

    def note(event: str) -> None:
        if event in seen:
            return
        seen.add(event)
        line: dict[str, object] = {"event": event, "t": time.time(), "rss_mb": _rss_mb()}
        if event == "shown":
            line["read_only"] = window.data.read_only
        if event == "loaded":
            line["articles"] = len(window.library.articles)
            line["marks"] = len(window.mark_control.store)
        if window.current is not None:
            line["article"] = window.current.id
        print(json.dumps(line), flush=True)
        if {"painted", until} <= seen:
            QTimer.singleShot(0, window.close)
            QTimer.singleShot(0, QApplication.quit)

    note("shown")
    window.reader.article_view.painted.connect(lambda: note("painted"))
    window.libraryLoaded.connect(lambda: QTimer.singleShot(0, lambda: note("loaded")))
    window.indexReady.connect(lambda: note("searchable"))
