"""The search pane and find bar, driven from the keyboard over a real index of the seeds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def key(qtbot, k, mod=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), k, mod)


@pytest.fixture
def window(qtbot, make_window):
    w = make_window()
    qtbot.waitUntil(lambda: not w.indexing, timeout=60000)
    assert w.search.ready
    return w


def test_type_a_query_walk_the_results_and_open_one(qtbot, window):
    key(qtbot, Qt.Key.Key_K, CTRL)
    pane = window.search
    assert pane.box.hasFocus()
    type_text(qtbot, pane.box, "韦韬")
    qtbot.waitUntil(lambda: pane.result is not None and pane.result.query == "韦韬", timeout=10000)
    expected = {
        a.id
        for a in window.library.articles
        if "韦韬" in a.title + a.body + "".join(a.captions + a.subtitles)
    }
    assert {h.id for h in pane.result.hits} == expected
    assert pane.count.text().startswith(str(len(expected)))
    key(qtbot, Qt.Key.Key_Down)
    assert pane.results.hasFocus() and pane.results.currentIndex().row() == 0
    key(qtbot, Qt.Key.Key_Down)
    second = pane.model.hits[1].id
    key(qtbot, Qt.Key.Key_Return)
    assert window.current.id == second
    view = window.reader.article_view
    assert view.hasFocus()
    hits = view.hit_texts()
    assert hits and set(hits) == {"韦韬"}
    assert window.status_label.text() == f"1 / {len(hits)}"
    if len(hits) > 1:
        key(qtbot, Qt.Key.Key_F3)
        assert window.status_label.text() == f"2 / {len(hits)}"
        key(qtbot, Qt.Key.Key_F3, SHIFT)
        assert window.status_label.text() == f"1 / {len(hits)}"
    # back to the results, then Esc returns to the box
    pane.results.setFocus()
    key(qtbot, Qt.Key.Key_Escape)
    assert pane.box.hasFocus()


def test_only_the_newest_answer_is_shown(qtbot, window):
    pane = window.search
    for q in ("林武", "疫情", "动态清零", "韦韬"):
        pane.box.setText(q)
        pane.search_now()
    qtbot.waitUntil(lambda: pane.result is not None and pane.result.query == "韦韬", timeout=10000)
    qtbot.wait(300)  # answers to the older queries arrive and are dropped
    assert pane.result.query == "韦韬"
    assert all("韦韬" in (h.title + h.snippet) for h in pane.model.hits)


def test_a_malformed_query_says_so_and_still_answers(qtbot, window):
    window.focus_search()
    pane = window.search
    type_text(qtbot, pane.box, "((韦韬")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: pane.result is not None and pane.result.query == "((韦韬", timeout=10000
    )
    assert pane.message.isVisible() and "括号" in pane.message.text()
    assert pane.model.rowCount() > 0


def test_recent_queries_come_back_with_up(qtbot, window):
    window.focus_search()
    pane = window.search
    type_text(qtbot, pane.box, "林武")
    key(qtbot, Qt.Key.Key_Return)
    pane.box.clear()
    key(qtbot, Qt.Key.Key_Up)
    assert pane.box.text() == "林武"


def test_facets_filter_the_results(qtbot, window):
    pane = window.search
    pane.box.setText("疫情")
    pane.search_now()
    qtbot.waitUntil(lambda: pane.result is not None and pane.result.query == "疫情", timeout=10000)
    total = pane.result.total
    sources = dict(pane.source_model.values)
    assert sum(sources.values()) == total and len(sources) > 1
    row = 1 + [v for v, _ in pane.source_model.values].index("朔州日报")
    pane.sources.setCurrentIndex(row)
    pane.sources.activated.emit(row)
    qtbot.waitUntil(lambda: pane.result.total == sources["朔州日报"], timeout=10000)
    assert {h.source for h in pane.model.hits} == {"朔州日报"}


def test_slash_in_the_reader_goes_to_search(qtbot, window):
    window.focus_reader()
    qtbot.keyClick(window.reader.article_view, Qt.Key.Key_Slash)
    assert window.search.box.hasFocus()


def test_find_in_article(qtbot, window):
    window.focus_reader()
    key(qtbot, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible() and bar.edit.hasFocus()
    type_text(qtbot, bar.edit, "疫情")
    view = window.reader.article_view
    n = len(view.hit_texts())
    assert n > 1 and set(view.hit_texts()) == {"疫情"}
    assert bar.label.text() == f"1 / {n}"
    key(qtbot, Qt.Key.Key_Return)
    assert bar.label.text() == f"2 / {n}"
    key(qtbot, Qt.Key.Key_Return, SHIFT)
    assert bar.label.text() == f"1 / {n}"
    key(qtbot, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert view.hit_texts() == []


def test_a_later_launch_searches_at_once(qtbot, window, make_window, data_dir):
    window.close()
    again = make_window(folder=data_dir)
    assert again.search.ready  # the index from the first run answers before any sync
    again.search.box.setText("林武")
    again.search.search_now()
    qtbot.waitUntil(lambda: again.search.result is not None, timeout=10000)
    assert again.search.result.total > 0
