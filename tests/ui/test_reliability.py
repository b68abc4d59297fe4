"""The window against hostile pages, a damaged marks database with a backup, and a data folder
it may not write: what the user sees, driven by clicks and keys."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextImageFormat
from PySide6.QtWidgets import QPushButton

from reader.core.corpus import load_library
from reader.core.marks import MarkStore, new_mark
from reader.paths import DataDir
from reader.ui.prefs import Prefs
from reader.ui.tasks import TaskRunner
from reader.ui.window import MainWindow
from tests.hostile import CASES

from .conftest import dismiss_font_warning
from .test_marks import NAME, PAGE, open_page, select_by_keys

SHOWN_CASES = {"html", "markdown", "one-line-5mb", "bidi", "png-as-txt", "gbk-name", "fifo",
               "invalid-utf8", "odd-names", "empty"}  # fmt: skip


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """One page with a few names (the marks tests' page)."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / NAME).write_text(PAGE, encoding="utf-8")
    return tmp_path / "pages"


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "hostile"
    for case in CASES:
        if case.name in SHOWN_CASES:
            (root / case.name).mkdir(parents=True)
            case.make(root / case.name)
    return root


def test_hostile_pages_in_the_window(qtbot, make_window, hostile_corpus):
    window = make_window([hostile_corpus])
    button = window.problems_button
    assert button.isVisible() and button.text() == "3 file(s) could not be read"
    # markup is shown as the text it is: nothing is rendered, fetched or run
    page = next(p for p in window.library.pages if p.file == "html/web.txt")
    window.open_article(page.articles[0].id)
    view = window.reader.article_view
    assert "<script>" in view.toPlainText() and "<img src=" in view.toPlainText()
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            assert not it.fragment().charFormat().isImageFormat()
            it += 1
        block = block.next()
    assert not isinstance(
        view.document().resource(2, "http://127.0.0.1:9/pixel.png"), QTextImageFormat
    )
    # a 5 MB article on one line opens and can be stepped away from
    big = next(p for p in window.library.pages if p.file == "one-line-5mb/oneline.txt")
    with qtbot.waitSignal(window.articleShown, timeout=60000):
        window.open_article(big.articles[0].id)
    assert len(view.toPlainText()) > 1_000_000
    window.open_article(page.articles[0].id)
    # the problems, with readable names, from the status bar
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.problems_dialog
    model = dialog.table.model()
    rows = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert rows["png-as-txt/photo.txt"].startswith("这是二进制文件")
    assert rows["fifo/pipe.txt"].startswith("不是普通文件")
    assert rows["invalid-utf8/bad.txt"].startswith("Loaded, repaired:")
    assert "3 file(s) could not be read" in dialog.summary.text()
    assert "loaded after a repair" in dialog.summary.text()
    assert any(p.file == "gbk-name/中文版面.txt" for p in window.library.pages)
    dialog.close()


def test_a_damaged_marks_database_is_recovered_from_its_backup(
    qtbot, make_window, corpus, data_dir
):
    article = next(a for a in load_library([corpus]).articles if "郑长河" in a.body)
    store = MarkStore(data_dir / "marks.sqlite", data_dir / "backups")
    for i in range(3):
        store.put(new_mark(article, i, i + 4, note=f"kept {i}"))
    assert store.backup_if_due() is not None
    store.close()
    raw = bytearray((data_dir / "marks.sqlite").read_bytes())
    raw[:100] = b"\xde\xad" * 50  # the header: not a database any more
    (data_dir / "marks.sqlite").write_bytes(bytes(raw))

    window = make_window([corpus])
    control = window.mark_control
    box = control.message
    assert box is not None and "damaged" in box.text()
    recover = box.findChild(QPushButton, "recoverMarks")
    qtbot.mouseClick(recover, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: control.panel.model.rowCount() == 3)
    assert "3 mark(s) recovered." in window.status_label.text()
    assert sorted(m.note for m in control.store.all()) == ["kept 0", "kept 1", "kept 2"]
    window.close()
    assert len(MarkStore(data_dir / "marks.sqlite").all()) == 3  # saved in the fresh file


def test_a_read_only_session_changes_nothing_in_the_data_folder(qtbot, corpus, data_dir):
    article = next(a for a in load_library([corpus]).articles if "郑长河" in a.body)
    store = MarkStore(data_dir / "marks.sqlite", data_dir / "backups")
    store.put(new_mark(article, 0, 4, note="saved before"))
    store.close()
    digest = hashlib.sha256((data_dir / "marks.sqlite").read_bytes()).hexdigest()
    data = DataDir(data_dir)
    data.read_only = "instance"
    runner = TaskRunner()
    window = MainWindow(data, Prefs.in_folder(data_dir / "session"), runner, [corpus])
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.libraryLoaded, timeout=20000):
        window.start()
    dismiss_font_warning(qtbot, window)
    assert window.read_only_message is not None
    assert "Another Press Reader" in window.read_only_message.text()
    assert window.read_only_label.isVisible()
    qtbot.keyClick(window.read_only_message, Qt.Key.Key_Return)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: not window.indexing, timeout=60000)
    assert window.search_index.search("郑长河").total == 1  # an index for this session
    control = window.mark_control
    assert [m.note for m in control.store.all()] == ["saved before"]
    art, view = open_page(qtbot, window)
    select_by_keys(qtbot, view, art, "会议要求")
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert len(control.store.all()) == 2  # kept for the session
    window.open_paths([corpus])  # not remembered, and says so
    assert "for this session only" in window.statusBar().currentMessage()
    window.close()
    assert hashlib.sha256((data_dir / "marks.sqlite").read_bytes()).hexdigest() == digest
    assert not (data_dir / "index").exists() and not (data_dir / "corpora.json").exists()
    assert not (data_dir / "entities.sqlite").exists()
    runner.shutdown()


def test_opening_article_after_article_keeps_one_document(qtbot, make_window, seeds_dir):
    """A long session's memory: each article used to leave its whole QTextDocument behind
    (about 100 KB); bench/long_session.py measures RSS over 2,000 articles."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QTextDocument

    window = make_window([seeds_dir])
    view = window.reader.article_view
    for article in window.library.articles * 3:
        window.open_article(article.id)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(view.findChildren(QTextDocument)) <= 2
