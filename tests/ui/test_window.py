"""The main window, driven by real key presses on the bundled seeds."""

from __future__ import annotations

import json
import warnings

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog

from reader.ui.prefs import DEFAULT_FONT_SIZE
from reader.ui.tree_model import ARTICLE_ID_ROLE, KIND_ROLE

from .conftest import type_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def key(qtbot, window, k, mod=Qt.KeyboardModifier.NoModifier):
    """Press a key where the focus is, as a user would."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, k, mod)


def test_opens_on_seeds_with_counts_and_first_article(make_window):
    window = make_window()
    model = window.pane.model
    sources = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert sources == {"太原日报 (15)", "太重新闻 (12)", "朔州日报 (10)"}
    assert window.count_label.text().startswith("37")
    # First launch: the newest article of the first source is open and selected.
    assert window.current is not None
    assert window.reader.article_view.headline() == window.current.title
    assert window.pane.tree.currentIndex().data(ARTICLE_ID_ROLE) == window.current.id


def test_keyboard_navigation_in_tree_opens_articles(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    key(qtbot, window, Qt.Key.Key_1, CTRL)
    assert window.pane.tree.hasFocus()
    tree = window.pane.tree
    first = window.current
    key(qtbot, window, Qt.Key.Key_Down)
    now = tree.currentIndex()
    assert now.data(KIND_ROLE) == "article"
    assert window.current is not first
    assert window.reader.article_view.headline() == window.current.title
    # Up to the date row, Left collapses it, Up again reaches the source
    key(qtbot, window, Qt.Key.Key_Up)
    key(qtbot, window, Qt.Key.Key_Up)
    assert tree.currentIndex().data(KIND_ROLE) == "date"
    key(qtbot, window, Qt.Key.Key_Left)
    assert not tree.isExpanded(tree.currentIndex())
    key(qtbot, window, Qt.Key.Key_Right)
    key(qtbot, window, Qt.Key.Key_Down)
    assert tree.currentIndex().data(ARTICLE_ID_ROLE) == first.id
    # Enter takes the reader to the article
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.reader.article_view.hasFocus()


def test_filter_then_enter_opens_match(qtbot, make_window):
    window = make_window()
    key(qtbot, window, Qt.Key.Key_L, CTRL)
    assert window.pane.filter.hasFocus()
    type_text(qtbot, window.pane.filter, "督导检查")
    key(qtbot, window, Qt.Key.Key_Return)
    expected = {a.id for a in window.library.articles if "督导检查" in a.title}
    assert 0 < len(expected) < 37
    assert set(window.pane.model.article_ids()) == expected
    assert "督导检查" in window.reader.article_view.headline()
    assert window.pane.tree.hasFocus()
    assert window.count_label.text().startswith(f"{len(expected)} of 37")
    window.pane.filter.clear()
    qtbot.waitUntil(lambda: window.pane.model.total == 37)


def test_next_previous_article_and_jk(qtbot, make_window):
    window = make_window()
    ids = window.pane.model.article_ids()
    window.open_article(ids[0])
    key(qtbot, window, Qt.Key.Key_Down, ALT)
    assert window.current.id == ids[1]
    assert window.reader.article_view.headline() == window.current.title
    key(qtbot, window, Qt.Key.Key_Down, ALT)
    key(qtbot, window, Qt.Key.Key_Up, ALT)
    assert window.current.id == ids[1]
    window.focus_reader()
    qtbot.keyClick(window.reader.article_view, Qt.Key.Key_J)
    assert window.current.id == ids[2]
    qtbot.keyClick(window.reader.article_view, Qt.Key.Key_K)
    qtbot.keyClick(window.reader.article_view, Qt.Key.Key_K)
    assert window.current.id == ids[0]
    # At the start, previous says so and stays
    qtbot.keyClick(window.reader.article_view, Qt.Key.Key_K)
    assert window.current.id == ids[0]
    assert "first" in window.status_label.text()
    # The tree follows the reader
    assert window.pane.tree.currentIndex().data(ARTICLE_ID_ROLE) == ids[0]


def test_font_zoom_keys(qtbot, make_window):
    window = make_window()
    window.focus_reader()
    assert window.font_size == DEFAULT_FONT_SIZE
    key(qtbot, window, Qt.Key.Key_Equal, CTRL)
    key(qtbot, window, Qt.Key.Key_Equal, CTRL)
    assert window.font_size == DEFAULT_FONT_SIZE + 2
    key(qtbot, window, Qt.Key.Key_Minus, CTRL)
    assert window.font_size == DEFAULT_FONT_SIZE + 1
    assert window.prefs.font_size == DEFAULT_FONT_SIZE + 1
    key(qtbot, window, Qt.Key.Key_0, CTRL)
    assert window.font_size == DEFAULT_FONT_SIZE
    # The body is laid out at 1.7 line height
    block = window.reader.article_view.document().findBlock(window.reader.article_view.body_start)
    assert block.blockFormat().lineHeight() == 170


def test_unreadable_files_show_problems_dialog_and_rest_loads(qtbot, make_window, tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "good.txt").write_text("本报讯 市里召开会议，部署疫情防控工作。\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.md").write_bytes(b"")
    window = make_window()
    with qtbot.waitSignal(window.problemsShown, timeout=20000) as shown:
        window.open_paths([folder])
    dialog = shown.args[0]
    assert dialog.isVisible()
    files = sorted(p.file for p in dialog.problems)
    assert files == ["binary.txt", "empty.md"]
    assert dialog.table.model().rowCount() == 2
    assert window.pane.model.total == 38
    assert "部署疫情防控工作" in window.current.body  # the new page's article is open
    # The folder is remembered for the next start, in the data folder
    assert folder.resolve() in window.data.corpora()
    assert window.problems_button.isVisible()


def test_drop_a_folder(qtbot, make_window, tmp_path):
    folder = tmp_path / "dropped"
    folder.mkdir()
    (folder / "p.txt").write_text("本报讯 拖放进来的版面，记者报道。\n", encoding="utf-8")
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    pos = window.rect().center()
    with warnings.catch_warnings():
        # PySide6 flags this constructor deprecated, yet Qt 6 has no other for a drag entering.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            pos,
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.libraryLoaded, timeout=20000):
        QApplication.sendEvent(window, drop)
    assert window.pane.model.total == 38
    assert "拖放进来的版面" in window.current.body


def test_state_survives_restart(qtbot, make_window, data_dir):
    window = make_window()
    ids = window.pane.model.article_ids()
    # a long article, scrolled down
    target = max(ids, key=lambda i: len(window.library.article(i).body))
    window.open_article(target)
    window.resize(720, 520)  # within the offscreen screen (800×600)
    key(qtbot, window, Qt.Key.Key_Equal, CTRL)
    view = window.reader.article_view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    top = view.top_position()
    assert top > 0
    window.dock.hide()
    window.close()

    again = make_window(folder=data_dir)
    assert again.current.id == target
    assert again.font_size == DEFAULT_FONT_SIZE + 1
    assert (again.width(), again.height()) == (720, 520)
    assert not again.dock.isVisible()
    assert abs(again.reader.article_view.top_position() - top) < 40


def test_edit_source_and_date_is_stored_outside_the_files(qtbot, make_window, data_dir, seeds_dir):
    before = {p: p.read_bytes() for p in seeds_dir.iterdir()}
    window = make_window()
    article = next(a for a in window.library.articles if a.source == "朔州日报")
    window.open_article(article.id)
    window.focus_tree()
    key(qtbot, window, Qt.Key.Key_F2)
    dialog = window.findChild(QDialog, "metadataDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.source.setCurrentText("")
    type_text(qtbot, dialog.source.lineEdit(), "朔州晚报")
    dialog.date.clear()
    type_text(qtbot, dialog.date, "2022/12/2")
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert article.source == "朔州晚报" and article.date == "2022-12-02"
    sources = {window.pane.model.index(r, 0).data() for r in range(window.pane.model.rowCount())}
    assert "朔州晚报 (10)" in sources
    stored = json.loads((data_dir / "overrides.json").read_text(encoding="utf-8"))
    assert list(stored.values()) == [{"source": "朔州晚报", "date": "2022-12-02"}]
    assert {p: p.read_bytes() for p in seeds_dir.iterdir()} == before
    window.close()

    again = make_window(folder=data_dir)
    moved = again.library.article(article.id)
    assert (moved.source, moved.date) == ("朔州晚报", "2022-12-02")
    # Back to what was detected
    again.open_article(article.id)
    dialog = again.edit_metadata()
    dialog.reset_button.click()
    assert (moved.source, moved.date) == ("朔州日报", "2022-12-01")
    assert json.loads((data_dir / "overrides.json").read_text(encoding="utf-8")) == {}


def test_bad_date_is_refused_with_a_message(qtbot, make_window):
    window = make_window()
    dialog = window.edit_metadata()
    dialog.date.setText("明天")
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)
    assert dialog.isVisible() and "2022-11-24" in dialog.error.text()
    dialog.reject()


def test_printed_page_highlights_this_article(qtbot, make_window):
    window = make_window()
    article = window.current
    page = window.library.page_of(article.id)
    key(qtbot, window, Qt.Key.Key_U, CTRL)
    assert window.reader.printed
    printed = window.reader.printed_view
    assert printed.toPlainText() == page.original
    shown = [t.replace("\u2029", "\n") for t in printed.highlighted_text()]
    assert shown == [page.original[s.start : s.end] for s in article.spans]
    assert article.title.split()[0] in "".join(shown)
    key(qtbot, window, Qt.Key.Key_U, CTRL)
    assert not window.reader.printed


def test_shortcuts_sheet_lists_actions(qtbot, make_window):
    window = make_window()
    key(qtbot, window, Qt.Key.Key_F1)
    dialog = window.findChild(QDialog, "shortcutsDialog")
    rows = {
        dialog.model.item(r, 0).text(): dialog.model.item(r, 1).text()
        for r in range(dialog.model.rowCount())
    }
    assert rows["Next Article"] == "Alt+Down"
    assert "Ctrl+=" in rows["Zoom In"]
    assert rows["Next / previous article (in the reader)"] == "J / K"
    dialog.close()


def test_order_toggle(qtbot, make_window):
    window = make_window()
    taiyuan = window.pane.model.index(0, 0)
    first_date = lambda: window.pane.model.index(0, 0, window.pane.model.index(0, 0)).data()  # noqa: E731
    assert taiyuan.data().startswith("太原日报")
    assert first_date().startswith("2022-11-29")
    qtbot.mouseClick(window.pane.order, Qt.MouseButton.LeftButton)
    assert first_date().startswith("2022-04-15")
    assert window.prefs.newest_first is False
