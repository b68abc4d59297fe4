"""Entities in the window: highlights lined up with the text (also after astral characters),
switching a type off, the entity view by mouse and by keyboard, a correction kept across a
restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from reader.core.offsets import OffsetMap
from reader.ui.entities import EntityDialog

PAGE_A = (
    "太原日报 2022年11月24日 第1版\n\n"
    "郑长河主持会议部署防控\n\n"
    "本报讯 𠮷𡈽𠮷 11月23日，市委书记郑长河在太原市主持召开会议，新增7例，"
    "副市长贺一鸣出席。太原重型机械集团有限公司参加。\n"
)
PAGE_B = (
    "朔州日报 2022年12月1日 第1版\n\n"
    "郑长河到朔州调研\n\n"
    "本报讯 12月1日，市委书记郑长河到朔州市调研疫情防控工作。\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGE_A, encoding="utf-8")
    (folder / "b.txt").write_text(PAGE_B, encoding="utf-8")
    return folder


def open_page_a(qtbot, window):
    qtbot.waitUntil(lambda: not window.indexing, timeout=60000)
    aid = next(a.id for a in window.library.articles if "𠮷" in a.body)
    window.open_article(aid)
    view = window.reader.article_view
    qtbot.waitUntil(lambda: len(view.shown_entities()) > 3, timeout=10000)
    return view


def doc_text(view, start: int, end: int) -> str:
    text = view.document().toPlainText()
    m = OffsetMap(text)
    return text[m.from_utf16(start) : m.from_utf16(end)]


def test_highlights_line_up_with_the_text_after_astral_characters(qtbot, make_window, corpus):
    window = make_window([corpus])
    view = open_page_a(qtbot, window)
    shown = view.shown_entities()
    assert {"郑长河", "贺一鸣", "11月23日", "7例"} <= {e.text for e in shown}
    sels = view.extraSelections()
    assert len(sels) == len(shown)
    for sel, e in zip(sels, shown, strict=True):
        assert sel.cursor.selectedText() == e.text
        start, end = view.entity_range(e)
        assert doc_text(view, start, end) == e.text
    # the legend counts what the article has
    assert window.entity_control.legend.buttons["PERSON"].text().endswith(" 2")


def test_switching_a_type_off_and_on(qtbot, make_window, corpus):
    window = make_window([corpus])
    view = open_page_a(qtbot, window)
    button = window.entity_control.legend.buttons["PERSON"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "PERSON" not in {e.type for e in view.shown_entities()}
    assert all(s.cursor.selectedText() not in ("郑长河", "贺一鸣") for s in view.extraSelections())
    assert window.prefs.entity_types == ["PLACE", "ORG", "DATE", "NUMBER"]
    # all off and on again from the keyboard
    qtbot.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert view.shown_entities() == []
    qtbot.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "PERSON" in {e.type for e in view.shown_entities()}


def _dialog(qtbot) -> EntityDialog:
    found: list[EntityDialog] = []

    def ready() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, EntityDialog) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(ready, timeout=5000)
    return found[0]


def test_click_an_entity_opens_its_mentions_and_one_opens_its_article(qtbot, make_window, corpus):
    window = make_window([corpus])
    view = open_page_a(qtbot, window)
    person = next(e for e in view.shown_entities() if e.text == "郑长河")
    start, end = view.entity_range(person)
    cur = view.textCursor()
    cur.setPosition(start + 1)
    rect = view.cursorRect(cur)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(2, 0))
    dialog = _dialog(qtbot)
    assert dialog.entity.text == "郑长河"
    assert dialog.list.count() == 2  # one mention in each article
    lines = [dialog.list.item(i).text() for i in range(2)]
    assert all("【郑长河】" in line for line in lines)
    assert "2022-12-01" in lines[0]  # newest first
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current is not None and "朔州" in window.current.body)
    assert view.textCursor().selectedText() == "郑长河"
    dialog.close()


def test_keyboard_to_an_entity_and_enter(qtbot, make_window, corpus):
    window = make_window([corpus])
    view = open_page_a(qtbot, window)
    view.setFocus()
    cur = view.textCursor()
    cur.setPosition(0)
    view.setTextCursor(cur)
    qtbot.keyClick(view, Qt.Key.Key_BracketRight)
    first = view.shown_entities()[0]
    assert view.textCursor().selectedText() == first.text
    qtbot.keyClick(view, Qt.Key.Key_BracketRight)
    second = view.shown_entities()[1]
    assert view.textCursor().selectedText() == second.text
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = _dialog(qtbot)
    assert dialog.entity == second
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_tooltip_text_names_type_title_and_articles(qtbot, make_window, corpus):
    window = make_window([corpus])
    view = open_page_a(qtbot, window)
    person = next(e for e in view.shown_entities() if e.text == "郑长河")
    text = window.entity_control.describe(person)
    assert "市委书记" in text and "2" in text


def test_entities_panel_lists_by_type_and_opens_the_view(qtbot, make_window, corpus):
    window = make_window([corpus])
    open_page_a(qtbot, window)
    panel = window.entity_control.panel
    names = {i.text(0).split("  ")[0] for i in panel.entity_items()}
    assert {"郑长河", "贺一鸣", "太原市"} <= names
    item = next(i for i in panel.entity_items() if i.text(0).startswith("贺一鸣"))
    window.entities_dock.show()
    window.entities_dock.raise_()
    panel.tree.setCurrentItem(item)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    dialog = _dialog(qtbot)
    assert dialog.entity.text == "贺一鸣"
    dialog.close()


def test_a_correction_persists_across_a_restart_and_reaches_search(
    qtbot, make_window, corpus, data_dir
):
    window = make_window([corpus])
    view = open_page_a(qtbot, window)
    person = next(e for e in view.shown_entities() if e.text == "贺一鸣")
    dialog = window.entity_control.open_view(person)
    assert dialog is not None
    not_entity = dialog.correct.menu().findChild(
        type(dialog.correct.menu().actions()[0]), "notEntity"
    )
    not_entity.trigger()
    assert "贺一鸣" not in {e.text for e in view.shown_entities()}
    qtbot.waitUntil(lambda: not window.indexing, timeout=60000)
    assert window.search_index.search("person:贺一鸣").hits == []
    window.close()

    again = make_window([corpus], folder=data_dir)
    view = open_page_a(qtbot, again)
    assert "贺一鸣" not in {e.text for e in view.shown_entities()}
    assert "郑长河" in {e.text for e in view.shown_entities()}
    assert len(again.search_index.search("person:郑长河").hits) == 2
