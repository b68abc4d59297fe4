"""Entities in the window: extracted in the background (cached in the data folder), drawn in
the reader, listed in the entities panel, opened in the entity view, corrected by the user."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from reader.core.entities import NAME_TYPES, TYPES, Entity
from reader.core.entities.store import (
    Corrections,
    EntityCache,
    EntityIndex,
    build_entity_index,
    entities_for,
    mention_key,
)
from reader.core.models import Article

from .entities import (
    EntitiesPanel,
    EntityDialog,
    EntityLegend,
    Mention,
    add_correction_actions,
    type_name,
)
from .tasks import Task

if TYPE_CHECKING:
    from .window import MainWindow

CONTEXT = 18  # characters of context each side of a mention in the entity view


def _once(fn: Callable[[], Any]) -> Generator[Any, None, Any]:
    """A job that runs a plain function (no progress to report)."""
    return fn()
    yield  # a generator, so that Task can run it


class EntityControl(QObject):
    ready = Signal()  # the library's entities are known (the index may use them)
    corrected = Signal()  # the user changed a correction

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        data = window.data
        self.cache = EntityCache(None)  # in memory when the data folder may not be written
        if not data.read_only:
            try:
                data.path.mkdir(parents=True, exist_ok=True)
                self.cache = EntityCache(data.entity_cache_file)
            except (OSError, sqlite3.Error):
                pass
        try:
            self.corrections = Corrections(data.entity_corrections_file)
        except OSError as exc:  # damaged, and it cannot be set aside: none this session
            self.corrections = Corrections(None)
            self.corrections.problem = str(exc)
        if data.read_only:
            self.corrections.path = None  # corrections apply for this session only
        self.index = EntityIndex({}, {}, self.corrections)
        self._building: Task | None = None
        self._again = False
        self._pending: set[str] = set()
        self.dialog: EntityDialog | None = None

        self.view = window.reader.article_view
        self.view.describe_entity = self.describe
        self.view.entityActivated.connect(self.open_view)

        self.legend = EntityLegend(window)
        types = {t for t in window.prefs.entity_types if t in TYPES}
        self.legend.set_types(types)
        self.legend.typesChanged.connect(self._types_changed)
        self.view.set_entity_types(types)

        self.panel = EntitiesPanel(window)
        self.panel.entityActivated.connect(self.open_view)
        self.panel.correctionRequested.connect(self.correct)
        self.dock = QDockWidget(self.tr("Entities"), window)
        self.dock.setObjectName("entitiesDock")
        self.dock.setWidget(self.panel)

        self.type_actions: dict[str, QAction] = {}
        for kind in TYPES:
            act = QAction(type_name(kind), window)
            act.setObjectName(f"highlight{kind.title()}")
            act.setCheckable(True)
            act.setChecked(kind in types)
            act.toggled.connect(lambda on, k=kind: self._toggle_type(k, on))
            self.type_actions[kind] = act
        self.all_action = QAction(self.tr("Highlight Entities"), window)
        self.all_action.setObjectName("highlightEntities")
        self.all_action.setCheckable(True)
        self.all_action.setChecked(bool(types))
        self.all_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.all_action.toggled.connect(self._toggle_all)
        window.addAction(self.all_action)

    @property
    def problem(self) -> str:
        return self.corrections.problem

    # -- building -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Find the entities of every article in the library (cached ones at once)."""
        if self._building is not None:
            self._again = True
            return
        articles = list(self.w.library.articles)
        cache, corrections = self.cache, self.corrections
        task = Task(
            lambda cancelled: build_entity_index(articles, cache, corrections, cancelled),
            "entities",
        )
        task.signals.progress.connect(self.w._on_entities_progress)
        task.signals.result.connect(self._built)
        task.signals.error.connect(
            lambda exc: self.w.status_label.setText(
                self.tr("Finding entities failed: %1").replace("%1", str(exc))
            )
        )
        task.signals.finished.connect(self._finished)
        self._building = task
        self.w.runner.start(task)

    def _built(self, index: object) -> None:
        if not isinstance(index, EntityIndex):
            return
        # entities found meanwhile for single articles stay
        for aid in self.index.raw:
            if aid not in index.raw and aid in self.index.bodies:
                index.add(aid, self.index.bodies[aid], self.index.raw[aid])
        self.index = index
        if self.w.current is not None:
            self.show(self.w.current)

    def _finished(self) -> None:
        self._building = None
        if self._again:
            self._again = False
            self.refresh()
            return
        self.ready.emit()

    @property
    def building(self) -> bool:
        return self._building is not None or self._again

    def names_lookup(self) -> Callable[[str], dict[str, list[str]]]:
        """Each article's names for the search index, computed here (not in the worker)."""
        names = {aid: self.index.names(aid) for aid in self.index.raw}
        return lambda aid: names.get(aid, {k: [] for k in NAME_TYPES})

    # -- the open article -------------------------------------------------------------------------
    def show(self, article: Article) -> None:
        if article.id in self.index:
            found = self.index.article(article.id)
            listed = found + self.index.byline_people(article.id)
            self.view.set_entities(found)
            self.panel.show_entities(listed)
            self.legend.set_counts(Counter(e.type for e in listed))
            return
        self.view.set_entities([])
        self.panel.show_entities([])
        self.legend.set_counts(Counter())
        if article.id in self._pending:
            return
        self._pending.add(article.id)
        body, cache = article.body, self.cache
        task = Task(lambda c: _once(lambda: entities_for(body, cache, c)), "article-entities")
        task.signals.result.connect(lambda found, a=article: self._article_done(a, found))
        task.signals.finished.connect(lambda aid=article.id: self._pending.discard(aid))
        self.w.runner.start(task)

    def _article_done(self, article: Article, found: object) -> None:
        if isinstance(found, list):
            self.index.add(article.id, article.body, found, article.byline or "")
            if self.w.current is not None and self.w.current.id == article.id:
                self.show(article)

    def describe(self, entity: Entity) -> str:
        parts = [type_name(entity.type)]
        if entity.title:
            parts.append(entity.title)
        n = len(self.index.articles_mentioning(entity.type, entity.text))
        if n:
            parts.append(self.tr("mentioned in %1 articles").replace("%1", str(n)))
        return f"{entity.text} — " + " · ".join(parts)

    # -- the entity view -------------------------------------------------------------------------
    def mentions(self, entity: Entity) -> list[Mention]:
        key = mention_key(entity.text)
        out = []
        for aid in self.index.articles_mentioning(entity.type, entity.text):
            a = self.w.library.article(aid)
            if a is None:
                continue
            for e in self.index.byline_people(aid):
                if e.type == entity.type and mention_key(e.text) == key:
                    byline = a.byline or ""
                    out.append(
                        Mention(aid, -1, -1, a.source or "", a.date or "", a.title, byline, "")
                    )
            for e in self.index.article(aid):
                if e.type == entity.type and mention_key(e.text) == key:
                    left = a.body[max(0, e.start - CONTEXT) : e.start].replace("\n", " ")
                    right = a.body[e.end : e.end + CONTEXT].replace("\n", " ")
                    out.append(
                        Mention(
                            aid, e.start, e.end, a.source or "", a.date or "", a.title, left, right
                        )
                    )
        out.sort(key=lambda m: (m.date, m.article_id, -m.start), reverse=True)
        return out

    def open_view(self, entity: object) -> EntityDialog | None:
        if not isinstance(entity, Entity):
            return None
        if self.dialog is not None:
            self.dialog.close()
        dialog = EntityDialog(entity, self.mentions(entity), self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.openMention.connect(self.open_mention)
        dialog.correctionRequested.connect(self.correct)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.show()
        dialog.list.setFocus()
        return dialog

    def open_mention(self, article_id: str, start: int, end: int) -> None:
        self.w.open_article(article_id)
        if start < 0:  # a byline: the article's head is where it shows
            return
        cur = self.view.body_cursor(start, end)
        self.view.setTextCursor(cur)
        self.view.ensureCursorVisible()

    # -- corrections -------------------------------------------------------------------------------
    def correct(self, text: str, kind: object) -> None:
        try:
            self.corrections.set(text, kind if isinstance(kind, str) else None)
        except OSError as exc:  # a full disk: the correction holds until the app quits
            self.w.status_label.setText(
                self.tr("The correction applies until you quit; it could not be saved: %1").replace(
                    "%1", exc.strerror or str(exc)
                )
            )
        else:
            what = type_name(kind) if isinstance(kind, str) else self.tr("not an entity")
            self.w.status_label.setText(
                self.tr("“%1” is now %2 everywhere.").replace("%1", text).replace("%2", what)
            )
        if self.w.current is not None:
            self.show(self.w.current)
        self.corrected.emit()

    def fill_menu(self, menu: QMenu, pos: QPoint) -> None:
        """The reader's context menu: the entity under the pointer, or a correction for the
        selected text."""
        entity = self.view.entity_at_point(pos)
        selection = self.view.body_selection()
        if entity is not None:
            menu.addSeparator()
            view = menu.addAction(self.tr("Show All Mentions of “%1”").replace("%1", entity.text))
            view.triggered.connect(lambda: self.open_view(entity))
            add_correction_actions(menu, entity.text, entity.type, self.correct)
        elif selection is not None and self.view.article is not None:
            text = self.view.article.body[selection[0] : selection[1]].strip()
            if 0 < len(text) <= 40 and "\n" not in text:
                menu.addSeparator()
                add_correction_actions(menu, text, None, self.correct)

    # -- which types are drawn ---------------------------------------------------------------------
    def _types_changed(self, types: object) -> None:
        chosen = set(types) if isinstance(types, set) else set()
        self.view.set_entity_types(chosen)
        self.w.prefs.entity_types = [t for t in TYPES if t in chosen]
        for kind, act in self.type_actions.items():
            act.blockSignals(True)
            act.setChecked(kind in chosen)
            act.blockSignals(False)
        self.all_action.blockSignals(True)
        self.all_action.setChecked(bool(chosen))
        self.all_action.blockSignals(False)

    def _toggle_type(self, kind: str, on: bool) -> None:
        types = self.legend.types()
        types = types | {kind} if on else types - {kind}
        self.legend.set_types(types)

    def _toggle_all(self, on: bool) -> None:
        self.legend.set_types(set(TYPES) if on else set())

    def highlight_menu(self, parent: QMenu) -> QMenu:
        menu = parent.addMenu(self.tr("&Highlight"))
        menu.addAction(self.all_action)
        menu.addSeparator()
        menu.addActions(list(self.type_actions.values()))
        return menu

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.cache.close()
