"""Marks in the window: marking the reader's selection, drawing marks, the marks pane, notes,
undo, copying with a citation, and export. The marks themselves live in reader.core.marks."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from reader import __version__
from reader.core import export as export_mod
from reader.core.entities import Entity
from reader.core.entities.store import entities_for
from reader.core.marks import COLOURS, Mark, MarkStore, MarkStoreError, edited, new_mark
from reader.core.models import Article

from .marks import ExportDialog, MarkDialog, MarksPanel, colour_icon, colour_name
from .tasks import Task

if TYPE_CHECKING:
    from .window import MainWindow


class _Change(QUndoCommand):
    """One change to one mark: before → after (None for "no mark")."""

    def __init__(
        self, control: MarkControl, before: Mark | None, after: Mark | None, text: str
    ) -> None:
        super().__init__(text)
        self.control, self.before, self.after = control, before, after

    def redo(self) -> None:
        if not self.control.apply(self.after, self.before):
            self.setObsolete(True)  # it did not happen: nothing to undo

    def undo(self) -> None:
        self.control.apply(self.before, self.after)


class MarkControl(QObject):
    changed = Signal()  # a mark was added, changed or removed
    exported = Signal(object)  # an ExportReport

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.view = window.reader.article_view
        self.store = self._open_store()
        self.undo_stack = QUndoStack(self)
        self.dialog: MarkDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.message: QMessageBox | None = None
        self._exporting: Task | None = None

        self.panel = MarksPanel(window)
        self.panel.set_marks(self.store.all())
        self.panel.openRequested.connect(self.open_mark)
        self.panel.deleteRequested.connect(self.delete_marks)
        self.panel.model.noteEdited.connect(lambda mid, note: self.update(mid, note=note))
        self.panel.model.tagsEdited.connect(lambda mid, tags: self.update(mid, tags=[tags]))
        self.dock = QDockWidget(self.tr("Marks"), window)
        self.dock.setObjectName("marksDock")
        self.dock.setWidget(self.panel)

        self.view.markClicked.connect(self._mark_clicked)
        self.view.deleteMarkRequested.connect(lambda mid: self.delete_marks([mid]))
        self._make_actions()

    # -- the store ---------------------------------------------------------------------------
    def _open_store(self) -> MarkStore:
        data = self.w.data
        if data.read_only:  # the window says why; the marks saved there are shown
            return MarkStore.copy_in_memory(data.marks_file)[0]
        try:
            return MarkStore(data.marks_file, data.backups_dir)
        except (MarkStoreError, OSError, sqlite3.Error) as exc:
            # Locked by another program, or on a failing disk: the file is left as it is.
            store, _why = MarkStore.copy_in_memory(data.marks_file)
            reason = exc.message if isinstance(exc, MarkStoreError) else str(exc)
            store.problem = (
                self.tr(
                    "Marks cannot be saved in %1 (%2). The marks saved there are shown, and "
                    "marks made now last until you quit: export them before closing."
                )
                .replace("%1", str(data.path))
                .replace("%2", reason)
            )
            return store

    @property
    def problem(self) -> str:
        return self.store.problem

    def show_problem(self) -> None:
        """Tell the user, once, what happened to their marks database."""
        if not self.store.problem:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Marks"), self.store.problem, parent=self.w
        )
        box.setObjectName("marksProblem")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.addButton(QMessageBox.StandardButton.Close)
        if self.store.set_aside is not None:
            recover = box.addButton(self.tr("Recover Marks"), QMessageBox.ButtonRole.AcceptRole)
            recover.setObjectName("recoverMarks")
            recover.clicked.connect(self.recover)
            box.setDefaultButton(recover)
        self._keep("message", box)
        box.open()

    def recover(self) -> int:
        """Bring back what can be read of the marks after the database was set aside: the
        newest backup and the damaged file itself, merged without duplicates."""
        sources = [*self.store.backup_files()[-1:]]
        if self.store.set_aside is not None:
            sources.append(self.store.set_aside)
        try:
            added, failures = self.store.recover(sources)
        except (MarkStoreError, sqlite3.Error) as exc:
            added, failures = 0, [exc.message if isinstance(exc, MarkStoreError) else str(exc)]
        if added:
            self.reanchor()  # places the recovered marks and lists them
        text = self.tr("%n mark(s) recovered.", "", added)
        if not sources:
            text += " " + self.tr("There was no backup to recover from.")
        self.w.status_label.setText(" ".join([text, *failures]))
        return added

    def _keep(self, name: str, widget: QWidget) -> None:
        """Hold a dialog in `self.<name>` until it is deleted (a later one is not forgotten when
        an earlier one's deferred deletion arrives)."""
        setattr(self, name, widget)
        widget.destroyed.connect(
            lambda: setattr(self, name, None) if getattr(self, name) is widget else None
        )

    # -- actions ---------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        a = self.w._action
        self.mark_action = a("mark", self.tr("&Mark Passage"), self.mark_selection, ["Ctrl+M"])
        self.mark_action.setIcon(colour_icon(self.w.prefs.mark_colour, self.w.palette()))
        self.colour_actions: dict[str, QAction] = {}
        for n, c in enumerate(COLOURS, 1):
            self.colour_actions[c] = a(
                f"mark_{c}",
                self.tr("Mark in %1").replace("%1", colour_name(c)),
                self._marker(c),
                [f"Alt+{n}"],
            )
            self.colour_actions[c].setIcon(colour_icon(c, self.w.palette()))
        a("mark_note", self.tr("Mark &Note and Tags…"), self.edit_mark, ["Ctrl+Shift+M"])
        delete = a("delete_mark", self.tr("&Delete Mark"), self.delete_current, None)
        # Delete works in the reader and the marks list only, so it never takes a line edit's key.
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        a("copy_citation", self.tr("Copy with &Citation"), self.copy_citation, ["Ctrl+Shift+C"])
        a("export_marks", self.tr("&Export Marks…"), self.export_marks, ["Ctrl+E"])
        a("import_marks", self.tr("&Import Marks…"), self.import_marks)
        a("focus_marks", self.tr("Go to &Marks"), self.focus_panel, ["Ctrl+3"])
        undo = self.undo_stack.createUndoAction(self.w, self.tr("&Undo"))
        undo.setObjectName("undo")
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self.w, self.tr("&Redo"))
        redo.setObjectName("redo")
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        for act in (undo, redo):
            self.w.addAction(act)
            self.w.actions_by_name[act.objectName()] = act

    def edit_menu(self, menu: QMenu) -> None:
        act = self.w.actions_by_name
        menu.addAction(act["undo"])
        menu.addAction(act["redo"])
        menu.addSeparator()
        menu.addAction(act["mark"])
        colours = menu.addMenu(self.tr("Mark in &Colour"))
        colours.addActions(list(self.colour_actions.values()))
        for name in ("mark_note", "delete_mark", "copy_citation"):
            menu.addAction(act[name])
        menu.addSeparator()

    def toolbar_button(self) -> QToolButton:
        button = QToolButton(self.w)
        button.setObjectName("markButton")
        button.setDefaultAction(self.mark_action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        menu = QMenu(button)
        menu.addActions(list(self.colour_actions.values()))
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        return button

    def fill_menu(self, menu: QMenu) -> None:
        """The reader's context menu: mark the selection, or act on the mark under it."""
        act = self.w.actions_by_name
        menu.addSeparator()
        if self.view.body_selection() is not None or self.view.current_mark() is not None:
            menu.addAction(act["mark"])
            colours = menu.addMenu(self.tr("Mark in &Colour"))
            colours.addActions(list(self.colour_actions.values()))
            menu.addAction(act["mark_note"])
            menu.addAction(act["copy_citation"])
        if self.view.current_mark() is not None:
            menu.addAction(act["delete_mark"])

    # -- changes (each one undoable) -------------------------------------------------------------
    def apply(self, new: Mark | None, old: Mark | None) -> bool:
        """Make the store hold `new` instead of `old`; False (with a message) if it cannot."""
        try:
            if new is None:
                if old is not None:
                    self.store.delete(old.id)
            else:
                self.store.put(new)
        except (MarkStoreError, sqlite3.Error) as exc:
            text = exc.message if isinstance(exc, MarkStoreError) else str(exc)
            self.w.status_label.setText(self.tr("The mark was not saved: %1").replace("%1", text))
            return False
        if new is None and old is not None:
            self.panel.remove(old.id)
        elif new is not None:
            self.panel.put(new)
        self._redraw()
        self.changed.emit()
        return True

    def _redraw(self) -> None:
        article = self.view.article
        self.view.set_marks(self.store.for_article(article.id) if article else [])

    def _marker(self, colour: str) -> Callable[[], None]:
        def mark() -> None:
            self.mark_selection(colour)

        return mark

    def mark_selection(self, colour: str | None = None) -> Mark | None:
        """Mark the reader's selection (Ctrl+M: the last colour; Alt+1…5: that colour, which
        becomes the default). With a mark selected, Alt+1…5 recolours it."""
        if colour is not None:
            self.w.prefs.mark_colour = colour
            self.mark_action.setIcon(colour_icon(colour, self.w.palette()))
        current = self.view.current_mark() if self.view.textCursor().hasSelection() else None
        if current is not None:
            if colour is not None and colour != current.colour:
                self.update(current.id, colour=colour)
            else:
                self.w.status_label.setText(self.tr("This passage is already marked."))
            return current
        article, sel = self.view.article, self.view.body_selection()
        if self.w.reader.printed or article is None or sel is None:
            self.w.status_label.setText(
                self.tr("Select a passage of the article first (Shift+arrows or the mouse).")
            )
            return None
        try:
            mark = new_mark(article, sel[0], sel[1], colour or self.w.prefs.mark_colour)
        except ValueError:
            self.w.status_label.setText(self.tr("Select some text, not only spaces."))
            return None
        self.undo_stack.push(_Change(self, None, mark, self.tr("Mark")))
        if self.store.get(mark.id) is None:
            return None
        self.view.select_mark(mark.id)
        self.w.status_label.setText(
            self.tr(
                "Marked. Ctrl+Shift+M adds a note, Alt+1–5 changes the colour, Delete removes it."
            )
        )
        return mark

    def update(self, mark_id: str, **changes: object) -> Mark | None:
        old = self.store.get(mark_id)
        if old is None:
            return None
        try:
            probe = edited(old, **changes)
        except ValueError:
            return None
        if (probe.colour, probe.tags, probe.note) == (old.colour, old.tags, old.note):
            return old
        self.undo_stack.push(_Change(self, old, probe, self.tr("Edit Mark")))
        return self.store.get(mark_id)

    def delete_marks(self, ids: list[str]) -> None:
        marks = [m for m in (self.store.get(i) for i in ids) if m is not None]
        if not marks:
            return
        self.undo_stack.beginMacro(self.tr("Delete %n Mark(s)", "", len(marks)))
        for m in marks:
            self.undo_stack.push(_Change(self, m, None, self.tr("Delete Mark")))
        self.undo_stack.endMacro()
        self.w.status_label.setText(
            self.tr("%n mark(s) deleted. Ctrl+Z brings them back.", "", len(marks))
        )

    def delete_current(self) -> None:
        if self._panel_has_focus():
            self.delete_marks(self.panel.selected_ids())
            return
        mark = self.view.current_mark()
        if mark is not None:
            self.delete_marks([mark.id])

    # -- notes and tags ----------------------------------------------------------------------------
    def _target(self) -> Mark | None:
        """The mark a command acts on: the marks pane's current one when it has focus, else the
        reader's."""
        if self._panel_has_focus():
            mid = self.panel.current_id()
            return self.store.get(mid) if mid else None
        return self.view.current_mark()

    def _panel_has_focus(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.panel.isAncestorOf(focus)

    def edit_mark(self) -> MarkDialog | None:
        """Ctrl+Shift+M: the note, tags and colour of the current mark (marking the selection
        first if it is not marked yet)."""
        mark = self._target()
        if mark is None and self.view.body_selection() is not None:
            mark = self.mark_selection()
        if mark is None:
            self.w.status_label.setText(self.tr("Select a passage or a mark first."))
            return None
        if self.dialog is not None:
            self.dialog.close()
        tags = sorted({t for m in self.store.all() for t in m.tags})
        dialog = MarkDialog(mark, tags, self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._keep("dialog", dialog)

        def done(result: int) -> None:
            if result == MarkDialog.DialogCode.Accepted:
                colour, tags, note = dialog.values()
                self.update(mark.id, colour=colour, tags=tags, note=note)

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    # -- finding marks -----------------------------------------------------------------------------
    def show(self, article: Article) -> None:
        self.view.set_marks(self.store.for_article(article.id))

    def _mark_clicked(self, mark_id: str) -> None:
        self.panel.select(mark_id)
        mark = self.store.get(mark_id)
        if mark is not None and mark.note:
            self.w.status_label.setText(self.tr("Note: %1").replace("%1", mark.note))

    def open_mark(self, mark_id: str) -> None:
        """Open the mark's article with the passage selected and in view."""
        mark = self.store.get(mark_id)
        if mark is None:
            return
        if self.w.library.article(mark.article_id) is None:
            self.w.status_label.setText(
                self.tr("The article of this mark (%1) is not loaded: open its folder.").replace(
                    "%1", mark.title
                )
            )
            return
        if self.w.reader.printed:
            self.w.actions_by_name["printed"].setChecked(False)
        self.w.open_article(mark.article_id)
        if mark.detached:
            self.w.status_label.setText(
                self.tr(
                    "This mark is detached: its passage is no longer in the article. "
                    "The quote is kept as marked."
                )
            )
        else:
            self.view.select_mark(mark.id)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_panel(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.focus()

    def reanchor(self) -> None:
        """After a (re)load or a change of a page's source or date: place marks whose articles
        changed and refresh what they cite; tell the user about marks that moved or detached."""
        lib = self.w.library
        before = {m.id: m for m in self.store.all()}
        try:
            changed = self.store.reanchor(lib.article, lib.articles_of_page)
        except (MarkStoreError, sqlite3.Error) as exc:
            changed = []
            text = exc.message if isinstance(exc, MarkStoreError) else str(exc)
            self.w.status_label.setText(text)
        self.panel.set_marks(self.store.all())
        self._redraw()
        moved = detached = 0
        for m in changed:
            old = before.get(m.id)
            if old is None:
                continue
            if m.detached and not old.detached:
                detached += 1
            elif (m.article_id, m.start, m.end, m.detached) != (
                old.article_id,
                old.start,
                old.end,
                old.detached,
            ):
                moved += 1
        if moved or detached:
            self.w.status_label.setText(
                self.tr("%1 marks placed again in changed articles; %2 detached.")
                .replace("%1", str(moved))
                .replace("%2", str(detached))
            )

    def import_marks(self, path: Path | None = None) -> tuple[int, int, int] | None:
        """File → Import Marks: merge a JSON export (a backup, or marks from another machine)."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self.w, self.tr("Import Marks"), self.w.prefs.export_folder, "*.json"
            )
            if not name:
                return None
            path = Path(name)
        try:
            counts = self.store.merge(export_mod.read_marks_file(path))
        except (MarkStoreError, sqlite3.Error) as exc:
            text = exc.message if isinstance(exc, MarkStoreError) else str(exc)
            self.w.status_label.setText(self.tr("Import failed: %1").replace("%1", text))
            return None
        self.reanchor()
        self.w.status_label.setText(
            self.tr("Imported from %1: %2 marks added, %3 updated, %4 already here.")
            .replace("%1", path.name)
            .replace("%2", str(counts[0]))
            .replace("%3", str(counts[1]))
            .replace("%4", str(counts[2]))
        )
        self.changed.emit()
        return counts

    # -- copy and export --------------------------------------------------------------------------
    def copy_citation(self) -> str:
        """Ctrl+Shift+C: the selected marks (in the pane), the current mark or the selection,
        each followed by its citation."""
        style = self.w.prefs.citation_style
        marks: list[Mark] = []
        if self._panel_has_focus():
            marks = [m for m in (self.store.get(i) for i in self.panel.selected_ids()) if m]
        if not marks:
            current = self.view.current_mark()
            sel, article = self.view.body_selection(), self.view.article
            if current is not None:
                marks = [current]
            elif sel is not None and article is not None:
                try:
                    marks = [new_mark(article, sel[0], sel[1])]
                except ValueError:
                    marks = []
        if not marks:
            self.w.status_label.setText(self.tr("Select a passage or a mark to copy."))
            return ""
        text = "\n\n".join(f"{m.quote}\n——{export_mod.citation(m, style)}" for m in marks)
        QGuiApplication.clipboard().setText(text)
        self.w.status_label.setText(self.tr("Copied with its citation."))
        return text

    def export_marks(self) -> ExportDialog | None:
        counts = {
            "all": len(self.store),
            "shown": len(self.panel.shown_ids()),
            "selected": len(self.panel.selected_ids()),
        }
        if not counts["all"]:
            self.w.status_label.setText(self.tr("There are no marks to export yet."))
            return None
        folder = Path(self.w.prefs.export_folder or Path.home())
        dialog = ExportDialog(counts, folder, self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.style_box.setCurrentIndex(
            max(dialog.style_box.findData(self.w.prefs.citation_style), 0)
        )
        self._keep("export_dialog", dialog)

        def done(result: int) -> None:
            if result != ExportDialog.DialogCode.Accepted:
                return
            scope, fmt, style, path = dialog.choice()
            self.w.prefs.citation_style = style
            ids = {
                "all": [m.id for m in self.store.all()],
                "shown": self.panel.shown_ids(),
                "selected": self.panel.selected_ids(),
            }[scope]
            if path.exists():
                self._confirm_overwrite(path, lambda: self.start_export(ids, fmt, style, path))
            else:
                self.start_export(ids, fmt, style, path)

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def _confirm_overwrite(self, path: Path, then: Callable[[], object]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Replace File?"),
            self.tr("%1 already exists. Replace it?").replace("%1", str(path)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.w,
        )
        box.setObjectName("confirmOverwrite")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda r: then() if r == QMessageBox.StandardButton.Yes else None)
        self._keep("message", box)
        box.open()

    def start_export(self, ids: list[str], fmt: str, style: str, path: Path) -> Task | None:
        """Write the marks in the background; progress in the status bar."""
        if self._exporting is not None:
            self.w.status_label.setText(self.tr("An export is already running."))
            return None
        by_id = {m.id: m for m in self.store.all()}
        marks = [by_id[i] for i in ids if i in by_id]
        # Entities the window already knows are taken as they are (with the user's corrections);
        # the others are found in the worker.
        index, cache = self.w.entity_control.index, self.w.entity_control.cache
        known: dict[str, list[Entity]] = {}
        bodies: dict[str, str] = {}
        for m in marks:
            if m.article_id in index:
                known[m.article_id] = index.article(m.article_id)
            else:
                article = self.w.library.article(m.article_id)
                if article is not None:
                    bodies[m.article_id] = article.body

        def entities(m: Mark) -> list[Entity]:
            if m.article_id in known:
                return known[m.article_id]
            body = bodies.get(m.article_id)
            return entities_for(body, cache) if body is not None else []

        task = Task(
            lambda cancelled: export_mod.export(
                marks,
                path,
                fmt,
                entities_for=entities,
                style=style,
                app_version=__version__,
                cancelled=cancelled,
            ),
            "export",
        )
        task.signals.progress.connect(self.w._on_task_progress)
        task.signals.result.connect(self._exported)
        task.signals.error.connect(self._export_failed)
        task.signals.finished.connect(self._export_finished)
        self._exporting = task
        self.w.prefs.export_folder = str(path.parent)
        self.w.status_label.setText(self.tr("Exporting %n mark(s)…", "", len(marks)))
        self.w.runner.start(task)
        return task

    def _exported(self, report: object) -> None:
        if isinstance(report, export_mod.ExportReport):
            self.w.status_label.setText(
                self.tr("Exported %1 marks to %2.")
                .replace("%1", str(report.count))
                .replace("%2", str(report.path))
            )
            self.exported.emit(report)

    def _export_failed(self, exc: object) -> None:
        text = exc.message if isinstance(exc, MarkStoreError) else str(exc)
        self.w.status_label.setText(self.tr("Export failed: %1").replace("%1", text))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Export Marks"),
            self.tr(
                "The marks were not exported: %1\nAn earlier file of that name is unchanged."
            ).replace("%1", text),
            parent=self.w,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._keep("message", box)
        box.open()

    def _export_finished(self) -> None:
        self._exporting = None
        self.w.progress.hide()

    def close(self) -> None:
        for widget in (self.dialog, self.export_dialog, self.message):
            if widget is not None:
                widget.close()
        self.store.close()
