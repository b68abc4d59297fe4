"""The app as a user starts it, translations, themes and background tasks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette

from reader.ui.i18n import install_translators
from reader.ui.tasks import Task, TaskRunner
from reader.ui.theme import ThemeManager, is_dark

ROOT = Path(__file__).resolve().parents[2]


def test_press_reader_opens_the_window_on_the_seeds(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "--data-dir",
            str(tmp_path),
            "--startup-report=searchable",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    events = {e["event"]: e for e in map(json.loads, out.stdout.strip().splitlines())}
    assert set(events) == {"shown", "painted", "loaded", "searchable"}
    assert events["loaded"]["articles"] == 37
    assert events["painted"]["t"] >= events["shown"]["t"]
    assert (tmp_path / "index" / "CURRENT").exists()  # built in the background at first launch
    assert (tmp_path / "settings.ini").exists()  # state was saved on the way out


def test_no_display_is_a_message_not_a_crash(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    if sys.platform != "linux":
        pytest.skip("Linux only")
    out = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
    )
    assert out.returncode == 2
    assert "no display" in out.stderr


def test_chinese_interface(qapp, make_window):
    translators = install_translators(qapp, "zh_CN")
    try:
        assert translators, "the Chinese catalogue did not load"
        window = make_window()
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
        assert window.actions_by_name["next"].text() == "下一篇(&N)"
        assert window.count_label.text() == "37 篇文章"
        assert "第1版" in window.reader.article_view.toPlainText()
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_english_needs_no_catalogue(qapp):
    assert install_translators(qapp, "en") == []


def test_catalogue_is_complete_and_compiled():
    out = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "translations.py"), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_dark_and_light_themes(qtbot, qapp, make_window):
    themes = ThemeManager(qapp)
    window = make_window()
    window._apply_theme = themes.apply
    try:
        window.set_theme("dark")
        qtbot.waitUntil(lambda: is_dark(window.reader.article_view.palette()))
        # the meta line is drawn in the dark palette's muted colour, readable on dark
        muted = window.reader.article_view.palette().color(QPalette.ColorRole.PlaceholderText)
        assert muted.lightness() > 128
        view = window.reader.article_view
        meta = view.document().findBlock(view.body_start).previous()
        assert window.current.source in meta.text()
        qtbot.waitUntil(lambda: meta_colour(view).lightness() > 128)
        window.set_theme("light")
        qtbot.waitUntil(lambda: not is_dark(window.reader.article_view.palette()))
        qtbot.waitUntil(lambda: meta_colour(view).lightness() < 160)
        assert window.prefs.theme == "light"
    finally:
        themes.apply("system")


def meta_colour(view):
    """The colour the source · date line is drawn in."""
    meta = view.document().findBlock(view.body_start).previous()
    return meta.begin().fragment().charFormat().foreground().color()


def test_cancelled_task_reports_no_result(qtbot):
    runner = TaskRunner()
    gate = threading.Event()

    def job(cancelled):
        n = 0
        while not cancelled():
            gate.wait(0.01)
            n += 1
            yield n
        return "finished"

    task = Task(job)
    results = []
    task.signals.result.connect(results.append)
    with qtbot.waitSignal(task.signals.progress, timeout=5000):
        runner.start(task)
    with qtbot.waitSignal(task.signals.finished, timeout=5000):
        task.cancel()
    assert results == []
    assert runner.shutdown(1000)


def test_failing_task_reports_its_error(qtbot):
    runner = TaskRunner()

    def job(cancelled):
        yield 1
        raise OSError("disk went away")

    task = Task(job)
    with qtbot.waitSignal(task.signals.error, timeout=5000) as err:
        runner.start(task)
    assert isinstance(err.args[0], OSError)
    runner.shutdown(1000)


def test_sigterm_closes_the_window_and_keeps_its_state(tmp_path):
    import signal
    import time

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    settings = tmp_path / "settings.ini"
    with subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    ) as proc:
        try:
            deadline = time.monotonic() + 60
            # Qt writes settings in the background once the first article has been opened.
            while "article=" not in (settings.read_text() if settings.exists() else ""):
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
            proc.send_signal(signal.SIGTERM)
            _out, err = proc.communicate(timeout=30)
            assert proc.returncode == 0, err
        finally:
            if proc.poll() is None:
                proc.kill()
    assert "geometry=" in settings.read_text()
