"""Marks in the window, driven by keys and clicks: select with the keyboard and mark, click a
mark, delete and undo, a note kept across a restart, the marks pane's filters and keys, copying
with a citation, export through the dialog, a damaged database at start, re-anchoring."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.marks import MarkStore
from reader.ui import theme
from reader.ui.marks import MarksModel

from .conftest import type_text

NAME = "太原日报_2022-11-24_1.txt"  # source, date and page from the file name
PAGE = (
    "郑长河主持会议部署防控\n\n"
    "本报讯 𠮷𡈽 11月23日，市委书记郑长河主持召开会议，新增7例。"
    "会议要求坚持科学精准，抓细抓实各项措施。副市长贺一鸣出席。\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / NAME).write_text(PAGE, encoding="utf-8")
    return folder


def open_page(qtbot, window):
    qtbot.waitUntil(lambda: not window.indexing, timeout=60000)
    article = next(a for a in window.library.articles if "郑长河" in a.body)
    window.open_article(article.id)
    view = window.reader.article_view
    view.setFocus()
    return article, view


def select_by_keys(qtbot, view, article, text: str) -> None:
    """Put the cursor before `text` in the body, then select it with Shift+Right."""
    start = article.body.index(text)
    view.setTextCursor(view.body_cursor(start, start))
    for _ in range(len(text)):  # one key per character, astral ones too
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def mark_backgrounds(view) -> list[str]:
    return [
        s.format.background().color().name()
        for s in view.extraSelections()
        if s.format.background().style() != Qt.BrushStyle.NoBrush
    ]


def test_select_with_keys_mark_click_delete_and_undo(qtbot, make_window, corpus):
    window = make_window([corpus])
    article, view = open_page(qtbot, window)
    store = window.mark_control.store
    select_by_keys(qtbot, view, article, "市委书记郑长河")
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    [mark] = store.all()
    assert mark.quote == "市委书记郑长河" and mark.colour == "yellow"
    assert article.body[mark.start : mark.end] == mark.quote  # offsets after 𠮷𡈽 line up
    yellow = theme.mark_colour("yellow", view.palette()).name()
    assert yellow in mark_backgrounds(view)
    assert window.mark_control.panel.model.rowCount() == 1

    # a click elsewhere, then a click on the mark selects it
    view.setTextCursor(view.body_cursor(0, 0))
    rect = view.cursorRect(view.body_cursor(mark.start + 2, mark.start + 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_mark() == mark
    assert view.textCursor().selectedText() == "市委书记郑长河"

    # Alt+2 recolours it; Delete removes it; Ctrl+Z brings it back
    qtbot.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert store.get(mark.id).colour == "green"
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert store.all() == [] and view.marks() == []
    assert window.mark_control.panel.model.rowCount() == 0
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [m.id for m in store.all()] == [mark.id] and store.get(mark.id).colour == "green"
    assert [m.id for m in view.marks()] == [mark.id]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.get(mark.id).colour == "yellow"


def test_nothing_selected_says_what_to_do(qtbot, make_window, corpus):
    window = make_window([corpus])
    _article, view = open_page(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.mark_control.store.all() == []
    assert "Select a passage" in window.status_label.text()


def test_a_note_is_kept_across_a_restart(qtbot, make_window, corpus, data_dir):
    window = make_window([corpus])
    article, view = open_page(qtbot, window)
    select_by_keys(qtbot, view, article, "新增7例")
    qtbot.keyClick(
        view, Qt.Key.Key_M, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
    )
    control = window.mark_control
    qtbot.waitUntil(lambda: control.dialog is not None and control.dialog.isVisible())
    dialog = control.dialog
    type_text(qtbot, dialog.note, "数字待核实")
    dialog.tags.setFocus()
    type_text(qtbot, dialog.tags, "数字，疫情")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [mark] = control.store.all()
    assert (mark.quote, mark.note, mark.tags) == ("新增7例", "数字待核实", ("数字", "疫情"))
    window.close()

    again = make_window([corpus])
    qtbot.waitUntil(lambda: not again.indexing, timeout=60000)
    again.open_article(article.id)
    [kept] = again.mark_control.store.all()
    assert kept == mark
    assert [m.id for m in again.reader.article_view.marks()] == [mark.id]


def test_marks_pane_filters_sorts_and_opens_with_keys(qtbot, make_window, corpus):
    window = make_window([corpus])
    article, view = open_page(qtbot, window)
    control = window.mark_control
    for text, colour_key in (("郑长河", Qt.Key.Key_1), ("新增7例", Qt.Key.Key_3),
                             ("贺一鸣", Qt.Key.Key_1)):  # fmt: skip
        select_by_keys(qtbot, view, article, text)
        qtbot.keyClick(view, colour_key, Qt.KeyboardModifier.AltModifier)
    assert [m.quote for m in control.store.all()] == ["郑长河", "新增7例", "贺一鸣"]
    panel = control.panel
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert panel.table.hasFocus()

    panel.text.setFocus()
    type_text(qtbot, panel.text, "贺")
    assert panel.shown_ids() == [control.store.all()[2].id]
    assert panel.count.text() == "1 of 3 marks"
    panel.text.clear()
    panel.colour.setCurrentIndex(panel.colour.findData("blue"))
    assert [control.store.get(i).quote for i in panel.shown_ids()] == ["新增7例"]
    panel.colour.setCurrentIndex(0)
    assert len(panel.shown_ids()) == 3

    # sort by the quote column, then open the first with Enter from the filter box
    panel.table.sortByColumn(MarksModel.QUOTE, Qt.SortOrder.AscendingOrder)
    quotes = [control.store.get(i).quote for i in panel.shown_ids()]
    assert quotes == sorted(quotes)
    panel.sort.setFocus()  # the sort menu, by keyboard: back to the order marked, then colour
    qtbot.keyClick(panel.sort, Qt.Key.Key_Home)
    assert [control.store.get(i).quote for i in panel.shown_ids()] == [
        "郑长河",
        "新增7例",
        "贺一鸣",
    ]
    qtbot.keyClick(panel.sort, Qt.Key.Key_End)
    assert [control.store.get(i).colour for i in panel.shown_ids()] == ["blue", "yellow", "yellow"]
    panel.table.sortByColumn(MarksModel.QUOTE, Qt.SortOrder.AscendingOrder)
    view.setTextCursor(view.body_cursor(0, 0))
    panel.text.setFocus()
    qtbot.keyClick(panel.text, Qt.Key.Key_Down)
    assert panel.table.hasFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    target = control.store.get(panel.current_id())
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert view.hasFocus()
    assert view.textCursor().selectedText() == target.quote
    assert window.current.id == target.article_id

    # F2 edits the note in place
    control.focus_panel()
    panel.select(target.id)
    panel.table.setCurrentIndex(panel.table.currentIndex().siblingAtColumn(MarksModel.NOTE))
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    type_text(qtbot, editor, "人名")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on its next turn
    qtbot.waitUntil(lambda: control.store.get(target.id).note == "人名")

    # Delete in the list removes the selected mark; Ctrl+Z undoes it
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert control.store.get(target.id) is None
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert control.store.get(target.id).note == "人名"


def test_copy_with_citation(qtbot, make_window, seeds_dir):
    window = make_window([seeds_dir])
    qtbot.waitUntil(lambda: not window.indexing, timeout=60000)
    article = next(a for a in window.library.articles if a.title.startswith("林武主持召开省委"))
    window.open_article(article.id)
    view = window.reader.article_view
    view.setFocus()
    select_by_keys(qtbot, view, article, "省委书记林武")
    qtbot.keyClick(
        view, Qt.Key.Key_C, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
    )
    assert QGuiApplication.clipboard().text() == (
        f"省委书记林武\n——杨文. {article.title}[N]. 太原日报, 2022-11-24(1)."
    )


def test_export_through_the_dialog_and_confirm_replacing(qtbot, make_window, corpus, tmp_path):
    window = make_window([corpus])
    article, view = open_page(qtbot, window)
    control = window.mark_control
    for text in ("郑长河", "新增7例"):
        select_by_keys(qtbot, view, article, text)
        qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = control.export_dialog
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "out" / "marks.csv"
    target.parent.mkdir()
    dialog.path.setFocus()
    dialog.path.selectAll()
    qtbot.keyClicks(dialog.path, str(target))
    assert dialog.format.currentData() == "csv"  # follows the file name
    with qtbot.waitSignal(control.exported, timeout=20000):
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["quote"] for r in rows] == ["郑长河", "新增7例"]
    assert "郑长河/PERSON" in rows[0]["entities"]
    assert rows[1]["citation"] == "郑长河主持会议部署防控[N]. 太原日报, 2022-11-24(1)."

    # the same file again: asked first; No leaves it, Yes replaces it
    target.write_text("earlier", encoding="utf-8")
    for answer in (QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes):
        window.activateWindow()  # as the window manager does when a dialog closes
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        dialog = control.export_dialog
        dialog.path.setText(str(target))
        dialog.format.setCurrentIndex(dialog.format.findData("csv"))
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
        box = control.message
        assert box is not None and box.objectName() == "confirmOverwrite"
        if answer == QMessageBox.StandardButton.Yes:
            with qtbot.waitSignal(control.exported, timeout=20000):
                qtbot.mouseClick(box.button(answer), Qt.MouseButton.LeftButton)
        else:
            qtbot.mouseClick(box.button(answer), Qt.MouseButton.LeftButton)
            assert target.read_text(encoding="utf-8") == "earlier"
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_damaged_database_at_start(qtbot, make_window, corpus, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "marks.sqlite").write_bytes(b"\x00garbage" * 500)
    window = make_window([corpus])
    control = window.mark_control
    assert control.message is not None and "damaged" in control.message.text()
    aside = list(data_dir.glob("marks.sqlite.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == b"\x00garbage" * 500
    qtbot.keyClick(control.message, Qt.Key.Key_Return)  # OK
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    article, view = open_page(qtbot, window)
    select_by_keys(qtbot, view, article, "郑长河")
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    window.close()
    assert len(MarkStore(data_dir / "marks.sqlite").all()) == 1


def test_marks_follow_their_text_when_the_page_changes(qtbot, make_window, corpus):
    window = make_window([corpus])
    article, view = open_page(qtbot, window)
    select_by_keys(qtbot, view, article, "抓细抓实各项措施")
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    select_by_keys(qtbot, view, article, "新增7例")
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    window.close()
    (corpus / NAME).write_text(
        PAGE.replace("本报讯 ", "本报讯 （记者 王芳）").replace("新增7例", "无新增"),
        encoding="utf-8",
    )
    again = make_window([corpus])
    qtbot.waitUntil(lambda: not again.indexing, timeout=60000)
    store = again.mark_control.store
    moved, gone = sorted(store.all(), key=lambda m: m.quote)
    assert moved.quote == "抓细抓实各项措施" and not moved.detached
    now = again.library.article(moved.article_id)
    assert now.body[moved.start : moved.end] == moved.quote
    assert gone.quote == "新增7例" and gone.detached  # kept, shown as detached
    panel = again.mark_control.panel
    row = panel.model.row_of(gone.id)
    assert "detached" in panel.model.index(row, MarksModel.ARTICLE).data()
    again.open_article(now.id)
    assert [m.id for m in again.reader.article_view.marks()] == [moved.id]


def test_marks_model(qtmodeltester, make_window, corpus):
    window = make_window([corpus])
    panel = window.mark_control.panel
    article = window.library.articles[0]
    from reader.core.marks import new_mark

    for text in ("郑长河", "贺一鸣"):
        start = article.body.index(text)
        panel.put(new_mark(article, start, start + len(text), tags=["x"]))
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.proxy)


def test_context_menu_import_and_a_new_source_reaches_the_marks(
    qtbot, make_window, corpus, tmp_path
):
    from reader.core.corpus import drain
    from reader.core.export import export

    window = make_window([corpus])
    article, view = open_page(qtbot, window)
    control = window.mark_control
    select_by_keys(qtbot, view, article, "贺一鸣")
    menu = window.reader_menu(view.cursorRect().center())
    names = [a.objectName() for a in menu.actions()]
    assert "mark" in names and "copy_citation" in names and "delete_mark" not in names
    menu.close()
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    menu = window.reader_menu(view.cursorRect().center())
    assert "delete_mark" in [a.objectName() for a in menu.actions()]
    menu.close()

    # a backup exported, the mark deleted, the backup imported: the mark is back, once
    backup = tmp_path / "backup.json"
    drain(export(control.store.all(), backup, "json"))
    [mark] = control.store.all()
    control.delete_marks([mark.id])
    assert control.import_marks(backup) == (1, 0, 0)
    assert control.import_marks(backup) == (0, 0, 1)
    assert [m.id for m in control.panel.model.marks()] == [mark.id]
    assert [m.id for m in view.marks()] == [mark.id]

    # Edit Source and Date: the mark cites the new source
    dialog = window.edit_metadata()
    dialog.source.setEditText("晋中日报")
    dialog.accept()
    assert control.store.get(mark.id).source == "晋中日报"
