"""Render the main window to PNG files in docs/ (offscreen; needs a CJK font installed, e.g.
Debian's fonts-wqy-microhei).

    python tools/screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.paths import DataDir, seeds_dir  # noqa: E402
from reader.ui.i18n import install_translators  # noqa: E402
from reader.ui.prefs import Prefs  # noqa: E402
from reader.ui.tasks import TaskRunner  # noqa: E402
from reader.ui.theme import ThemeManager  # noqa: E402
from reader.ui.window import MainWindow  # noqa: E402


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs")
    ap.add_argument("--article", help="article id to show (default: the seeds' 林武 article)")
    ap.add_argument(
        "--only-reliability", action="store_true", help="only the problems and read-only shots"
    )
    args = ap.parse_args()
    app = QApplication([sys.argv[0]])
    themes = ThemeManager(app)
    for lang, prefix in (("zh_CN", "screenshot-zh"), ("en", "screenshot")):
        translators = install_translators(app, lang)
        if not args.only_reliability:
            render(app, themes, args, prefix)
        shoot_reliability(themes, args.out, prefix)
        for t in translators:
            app.removeTranslator(t)
    return 0


def render(app: QApplication, themes: ThemeManager, args: argparse.Namespace, prefix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = DataDir(Path(tmp))
        prefs = Prefs.in_folder(data.path)
        window = MainWindow(data, prefs, TaskRunner(app), [seeds_dir()], apply_theme=themes.apply)
        window.resize(1280, 820)
        window.show()
        window.start()
        while window.loading:
            wait(50)
        target = args.article
        if not target:
            target = next(
                (a.id for a in window.library.articles if "林武" in a.title),
                window.pane.model.article_ids()[0],
            )
        window.open_article(target)
        shots = [
            (f"{prefix}-light.png", "light", False),
            (f"{prefix}-dark.png", "dark", False),
            (f"{prefix}-printed.png", "light", True),
        ]
        while window.indexing:
            wait(50)
        args.out.mkdir(parents=True, exist_ok=True)
        for name, key, printed in shots:
            window.set_theme(key)
            window.actions_by_name["printed"].setChecked(printed)
            wait(100)
            path = args.out / name
            window.grab().save(str(path))
            print(path)
        # a search, with the first result open and its hits marked
        window.set_theme("light")
        window.search.box.setText("韦韬 动态清零")
        window.search.search_now()
        while window.search.result is None:
            wait(50)
        window._open_hit(window.search.result.hits[0].id)
        wait(100)
        path = args.out / f"{prefix}-search.png"
        window.grab().save(str(path))
        print(path)
        # the entities panel beside the article, and the view of one person's mentions
        window.open_article(target)
        window.entities_dock.raise_()
        wait(100)
        path = args.out / f"{prefix}-entities.png"
        window.grab().save(str(path))
        print(path)
        person = next(
            (e for e in window.reader.article_view.entities() if e.type == "PERSON"), None
        )
        if person is not None:
            dialog = window.entity_control.open_view(person)
            if dialog is not None:
                wait(100)
                path = args.out / f"{prefix}-entity-view.png"
                dialog.grab().save(str(path))
                print(path)
                dialog.close()
        shoot_marks(window, args.out, prefix, target)
        window.close()


def shoot_reliability(themes: ThemeManager, out: Path, prefix: str) -> None:
    """The problems dialog over a folder of hostile pages (tests/hostile.py), and a window that
    opened its data folder read-only."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.hostile import CASES

    shown = {
        "html",
        "png-as-txt",
        "gbk-name",
        "fifo",
        "invalid-utf8",
        "bidi",
        "empty",
        "huge-100mb",
    }
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "我的版面"
        for case in CASES:
            if case.name in shown:
                (root / case.name).mkdir(parents=True)
                case.make(root / case.name)
        data = DataDir(Path(tmp) / "data")
        runner = TaskRunner()
        window = MainWindow(data, Prefs.in_folder(data.path), runner, [seeds_dir(), root])
        window.resize(1280, 820)
        window.show()
        window.start()
        while window.loading or window.indexing:
            wait(50)
        window.show_problems(window.library.problems)
        wait(200)
        dialog = window.problems_dialog
        assert dialog is not None
        dialog.resize(980, 380)
        wait(100)
        dialog.grab().save(str(out / f"{prefix}-problems.png"))
        print(out / f"{prefix}-problems.png")
        dialog.close()
        window.close()
        runner.shutdown()
        data.read_only = "instance"
        runner = TaskRunner()
        window = MainWindow(data, Prefs.in_folder(Path(tmp) / "s"), runner, [seeds_dir()])
        window.resize(1280, 820)
        window.show()
        window.start()
        while window.loading or window.indexing:
            wait(50)
        window.grab().save(str(out / f"{prefix}-read-only.png"))
        box = window.read_only_message
        if box is not None:
            box.grab().save(str(out / f"{prefix}-read-only-message.png"))
            box.close()
        print(out / f"{prefix}-read-only.png")
        window.close()
        runner.shutdown()


def shoot_marks(window: MainWindow, out: Path, prefix: str, target: str) -> None:
    """Three marked passages in the article, the marks pane, and the export dialog."""
    view, control = window.reader.article_view, window.mark_control
    article = window.library.article(target)
    assert article is not None
    body = article.body
    picks = [
        (body[body.find("省委书记") : body.find("省委书记") + 20], "yellow", "人物, 会议", ""),
        (body[200:260], "green", "防控", "第九版防控方案：核对原文"),
        (body[len(body) // 2 : len(body) // 2 + 30], "pink", "", ""),
    ]
    for text, colour, tags, note in picks:
        start = body.find(text)
        view.setTextCursor(view.body_cursor(start, start + len(text)))
        mark = control.mark_selection(colour)
        if mark is not None and (tags or note):
            control.update(mark.id, tags=[tags], note=note)
    view.setTextCursor(view.body_cursor(0, 0))
    window.marks_dock.raise_()
    for key in ("light", "dark"):
        window.set_theme(key)
        wait(100)
        path = out / f"{prefix}-marks{'-dark' if key == 'dark' else ''}.png"
        window.grab().save(str(path))
        print(path)
    window.set_theme("light")
    dialog = control.export_marks()
    if dialog is not None:
        wait(100)
        path = out / f"{prefix}-export.png"
        dialog.grab().save(str(path))
        print(path)
        dialog.reject()


if __name__ == "__main__":
    raise SystemExit(main())
