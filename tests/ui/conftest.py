from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reader.paths import DataDir
from reader.ui.prefs import Prefs
from reader.ui.tasks import TaskRunner
from reader.ui.window import MainWindow


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def make_window(qtbot, data_dir, seeds_dir):
    """Open a main window on the seeds (and the data folder's corpora) and wait for the load."""

    def make(roots: list[Path] | None = None, folder: Path | None = None) -> MainWindow:
        data = DataDir(folder or data_dir)
        prefs = Prefs.in_folder(data.path)
        runner = TaskRunner()
        window = MainWindow(data, prefs, runner, roots or [seeds_dir, *data.corpora()])
        window._test_runner = runner  # keep the runner alive as long as the window
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitSignal(window.libraryLoaded, timeout=20000):
            window.start()
        dismiss_font_warning(qtbot, window)
        return window

    return make


def dismiss_font_warning(qtbot, window: MainWindow) -> None:
    """On a machine without a Chinese font the window warns in a message box, which would take
    the keyboard shortcuts the tests press: close it, as the user does after reading it."""
    box = window.font_warning
    if box is not None:
        qtbot.waitUntil(box.isVisible)
        box.close()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def type_text(qtbot, widget, text: str) -> None:
    """Type text as a user does: ASCII by key presses, Chinese through the input method (a
    commit per character, which is what an IME sends)."""
    from PySide6.QtGui import QInputMethodEvent

    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)
