"""Marks in the window: the marks pane (a table model with a filter proxy), the dialog that edits
a mark's colour, tags and note, and the export dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.export import FORMATS, format_for
from reader.core.marks import COLOURS, Mark, MarkFilter

from . import theme

MARK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def colour_name(colour: str) -> str:
    names = {
        "yellow": QCoreApplication.translate("marks", "Yellow"),
        "green": QCoreApplication.translate("marks", "Green"),
        "blue": QCoreApplication.translate("marks", "Blue"),
        "pink": QCoreApplication.translate("marks", "Pink"),
        "purple": QCoreApplication.translate("marks", "Purple"),
    }
    return names.get(colour, colour)


def colour_icon(colour: str, palette: Any) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(theme.mark_colour(colour, palette))
    return QIcon(pix)


class MarksModel(QAbstractTableModel):
    """Every mark, one row each. Notes and tags are edited in place (noteEdited / tagsEdited)."""

    QUOTE, NOTE, TAGS, COLOUR, ARTICLE, SOURCE, DATE = range(7)
    noteEdited = Signal(str, str)  # mark id, note
    tagsEdited = Signal(str, str)  # mark id, tags as typed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._marks: list[Mark] = []
        self._row: dict[str, int] = {}
        self.palette: Any = None

    def headers(self) -> list[str]:
        return [
            self.tr("Quote"),
            self.tr("Note"),
            self.tr("Tags"),
            self.tr("Colour"),
            self.tr("Article"),
            self.tr("Source"),
            self.tr("Date"),
        ]

    def set_marks(self, marks: list[Mark]) -> None:
        self.beginResetModel()
        self._marks = list(marks)
        self._row = {m.id: i for i, m in enumerate(self._marks)}
        self.endResetModel()

    def put(self, mark: Mark) -> None:
        """Show a new or changed mark."""
        row = self._row.get(mark.id)
        if row is None:
            row = len(self._marks)
            self.beginInsertRows(QModelIndex(), row, row)
            self._marks.append(mark)
            self._row[mark.id] = row
            self.endInsertRows()
            return
        self._marks[row] = mark
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def remove(self, mark_id: str) -> None:
        row = self._row.get(mark_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._marks[row]
        self._row = {m.id: i for i, m in enumerate(self._marks)}
        self.endRemoveRows()

    def mark(self, row: int) -> Mark | None:
        return self._marks[row] if 0 <= row < len(self._marks) else None

    def marks(self) -> list[Mark]:
        return list(self._marks)

    def row_of(self, mark_id: str) -> int:
        return self._row.get(mark_id, -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._marks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 7

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 7
        ):
            return self.headers()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (self.NOTE, self.TAGS):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self._marks[index.row()]
        col = index.column()
        if role == MARK_ID_ROLE:
            return m.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(m, col)
        if role == Qt.ItemDataRole.EditRole:
            if col == self.NOTE:
                return m.note
            if col == self.TAGS:
                return ", ".join(m.tags)
            return self._display(m, col)
        if role == SORT_ROLE:
            if col == self.DATE:
                return f"{m.date or ''}\x00{m.article_id}\x00{m.start:09d}"
            return f"{self._display(m, col)}\x00{m.created}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if m.detached:
                return self.tr(
                    "Detached: the article's text changed and this passage is no longer in it. "
                    "The quote is kept as marked."
                )
            if col in (self.QUOTE, self.NOTE):
                return m.quote if col == self.QUOTE else m.note or None
        if role == Qt.ItemDataRole.DecorationRole and col == self.COLOUR and self.palette:
            return colour_icon(m.colour, self.palette)
        if role == Qt.ItemDataRole.ForegroundRole and m.detached and self.palette:
            return theme.muted(self.palette)
        return None

    def _display(self, m: Mark, col: int) -> str:
        if col == self.QUOTE:
            return m.quote.replace("\n", " ")
        if col == self.NOTE:
            return m.note.replace("\n", " ")
        if col == self.TAGS:
            return ", ".join(m.tags)
        if col == self.COLOUR:
            return colour_name(m.colour)
        if col == self.ARTICLE:
            title = m.title or self.tr("(untitled)")
            return self.tr("[detached] %1").replace("%1", title) if m.detached else title
        if col == self.SOURCE:
            return m.source or self.tr("Unknown source")
        if col == self.DATE:
            return m.date or self.tr("Unknown date")
        return ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        m = self._marks[index.row()]
        if index.column() == self.NOTE:
            self.noteEdited.emit(m.id, str(value))
            return True
        if index.column() == self.TAGS:
            self.tagsEdited.emit(m.id, str(value))
            return True
        return False


class MarksProxy(QSortFilterProxyModel):
    """The marks the pane's filter lets through, sorted by the chosen column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.criteria = MarkFilter()
        self.setSortRole(SORT_ROLE)

    def set_criteria(self, criteria: MarkFilter) -> None:
        self.beginFilterChange()
        self.criteria = criteria
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, MarksModel)
        m = model.mark(row)
        return m is not None and self.criteria.matches(m)

    def mark_ids(self) -> list[str]:
        return [self.index(r, 0).data(MARK_ID_ROLE) for r in range(self.rowCount())]


class MarksPanel(QWidget):
    """The marks pane: filters, the table and a count. Enter or double-click opens a mark; F2
    edits its note in place; Delete removes the selected marks."""

    openRequested = Signal(str)  # mark id
    deleteRequested = Signal(list)  # mark ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("marksPanel")
        self.model = MarksModel(self)
        self.model.palette = self.palette()
        self.proxy = MarksProxy(self)
        self.proxy.setSourceModel(self.model)
        self.text = QLineEdit(self)
        self.text.setObjectName("marksFilter")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Filter marks: quote, note, title, tag"))
        self.colour = QComboBox(self)
        self.colour.setObjectName("marksColour")
        self.colour.addItem(self.tr("All colours"), "")
        for c in COLOURS:
            self.colour.addItem(colour_icon(c, self.palette()), colour_name(c), c)
        self.tag = QComboBox(self)
        self.tag.setObjectName("marksTag")
        self.source = QComboBox(self)
        self.source.setObjectName("marksSource")
        self.date = QLineEdit(self)
        self.date.setObjectName("marksDate")
        self.date.setClearButtonEnabled(True)
        self.date.setPlaceholderText(self.tr("Date: 2022-11"))
        self.date.setMaximumWidth(110)
        self.sort = QComboBox(self)
        self.sort.setObjectName("marksSort")
        asc, desc = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
        for label, column, order in (
            (self.tr("In the order marked"), -1, asc),
            (self.tr("Newest articles first"), MarksModel.DATE, desc),
            (self.tr("Oldest articles first"), MarksModel.DATE, asc),
            (self.tr("By source"), MarksModel.SOURCE, asc),
            (self.tr("By article"), MarksModel.ARTICLE, asc),
            (self.tr("By colour"), MarksModel.COLOUR, asc),
        ):
            self.sort.addItem(label, (column, order))
        self.table = QTableView(self)
        self.table.setObjectName("marksTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as marked, until asked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in the rest of the window
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.resizeSection(MarksModel.QUOTE, 220)
        header.resizeSection(MarksModel.NOTE, 120)
        header.resizeSection(MarksModel.TAGS, 90)
        self.count = QLabel(self)
        self.count.setObjectName("marksCount")

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.colour)
        filters.addWidget(self.tag, 1)
        filters.addWidget(self.source, 1)
        filters.addWidget(self.date)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.text, 1)
        top.addWidget(self.sort)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self.text.textChanged.connect(self._filter)
        self.date.textChanged.connect(self._filter)
        for combo in (self.colour, self.tag, self.source):
            combo.currentIndexChanged.connect(self._filter)
        self.sort.currentIndexChanged.connect(self._sort)
        self.sort.setPlaceholderText(self.tr("Sorted by a column"))
        header.sortIndicatorChanged.connect(self._header_sorted)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.installEventFilter(self)
        self.text.installEventFilter(self)
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self.proxy.modelReset.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)
        self._choices([])
        self._count()

    # -- content -------------------------------------------------------------------------------
    def set_marks(self, marks: list[Mark]) -> None:
        self.model.set_marks(marks)
        self._choices(marks)

    def put(self, mark: Mark) -> None:
        self.model.put(mark)
        self._choices(self.model.marks())

    def remove(self, mark_id: str) -> None:
        self.model.remove(mark_id)
        self._choices(self.model.marks())

    def _choices(self, marks: list[Mark]) -> None:
        """Tags and sources present in the marks, for the filter menus (the choice is kept)."""
        tags = sorted({t for m in marks for t in m.tags})
        sources = sorted({m.source for m in marks if m.source})
        for combo, items, everything in (
            (self.tag, tags, self.tr("All tags")),
            (self.source, sources, self.tr("All sources")),
        ):
            keep = combo.currentData() or ""
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for item in items:
                combo.addItem(item, item)
            at = combo.findData(keep)
            combo.setCurrentIndex(max(at, 0))
            combo.blockSignals(False)
            if keep and at < 0:
                self._filter()

    def _filter(self) -> None:
        self.proxy.set_criteria(
            MarkFilter(
                text=self.text.text(),
                tag=self.tag.currentData() or "",
                colour=self.colour.currentData() or "",
                source=self.source.currentData() or "",
                date=self.date.text(),
            )
        )
        self._count()

    def _sort(self) -> None:
        """The sort menu, for the keyboard (the column headers sort by mouse)."""
        column, order = self.sort.currentData()
        if column < 0:
            self.proxy.sort(-1)  # the source order: as marked
            self.table.horizontalHeader().setSortIndicator(-1, order)
        else:
            self.table.sortByColumn(column, order)

    def _header_sorted(self, column: int, order: Qt.SortOrder) -> None:
        """Keep the sort menu saying what the headers did (blank for a column it lacks)."""
        found = -1
        for i in range(self.sort.count()):
            col, how = self.sort.itemData(i)
            if col == column and (col < 0 or how == order):
                found = i
        self.sort.blockSignals(True)
        self.sort.setCurrentIndex(found)
        self.sort.blockSignals(False)

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count.setText(self.tr("%n mark(s)", "", total))
        else:
            self.count.setText(
                self.tr("%1 of %2 marks").replace("%1", str(shown)).replace("%2", str(total))
            )

    # -- which marks -------------------------------------------------------------------------------
    def shown_ids(self) -> list[str]:
        return self.proxy.mark_ids()

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(MARK_ID_ROLE) for r in rows]

    def current_id(self) -> str | None:
        idx = self.table.currentIndex()
        return idx.data(MARK_ID_ROLE) if idx.isValid() else None

    def select(self, mark_id: str) -> bool:
        row = self.model.row_of(mark_id)
        if row < 0:
            return False
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        if not idx.isValid():
            return False
        self.table.setCurrentIndex(idx)
        self.table.scrollTo(idx)
        return True

    def focus(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def edit_note(self) -> None:
        idx = self.table.currentIndex()
        if idx.isValid():
            self.table.edit(idx.siblingAtColumn(MarksModel.NOTE))

    # -- keys ------------------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid() and self.table.state() != QAbstractItemView.State.EditingState:
            self.openRequested.emit(index.data(MARK_ID_ROLE))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            obj is self.table
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F2
        ):
            event.accept()  # F2 edits the note here, not the page's metadata (the window's F2)
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if obj is self.text and key == Qt.Key.Key_Down:  # from the filter into the list
                self.focus()
                return True
            if obj is self.table and not event.modifiers():
                if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                    ids = self.selected_ids()
                    if ids:
                        self.deleteRequested.emit(ids)
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._open_index(self.table.currentIndex())
                    return True
        return super().eventFilter(obj, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.model.palette = self.palette()
            for i, c in enumerate(COLOURS, 1):
                self.colour.setItemIcon(i, colour_icon(c, self.palette()))


class MarkDialog(QDialog):
    """A mark's colour, tags and note. Ctrl+Enter saves; the colours have Alt+1 to Alt+5."""

    def __init__(self, mark: Mark, known_tags: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markDialog")
        self.setWindowTitle(self.tr("Mark"))
        self.mark = mark
        quote = QLabel(mark.quote if len(mark.quote) <= 160 else mark.quote[:159] + "…", self)
        quote.setWordWrap(True)
        quote.setTextFormat(Qt.TextFormat.PlainText)
        self.colours = QButtonGroup(self)
        row = QHBoxLayout()
        for n, c in enumerate(COLOURS, 1):
            button = QRadioButton(colour_name(c), self)
            button.setObjectName(f"colour_{c}")
            button.setIcon(colour_icon(c, self.palette()))
            button.setChecked(c == mark.colour)
            button.setToolTip(f"Alt+{n}")
            self.colours.addButton(button, n - 1)
            row.addWidget(button)
            shortcut = QShortcut(QKeySequence(f"Alt+{n}"), self)
            shortcut.activated.connect(button.click)
        row.addStretch(1)
        self.tags = QLineEdit(", ".join(mark.tags), self)
        self.tags.setObjectName("markTags")
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. 防控, 会议"))
        completer = QCompleter(known_tags, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        self.note = QPlainTextEdit(mark.note, self)
        self.note.setObjectName("markNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Why this passage matters"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.note.installEventFilter(self)  # Ctrl+Enter saves even from inside the note
        form = QFormLayout()
        form.addRow(self.tr("Colour:"), row)
        form.addRow(self.tr("&Tags:"), self.tags)
        form.addRow(self.tr("&Note:"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(quote)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(480, 320)
        self.note.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            obj is self.note
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(obj, event)

    def values(self) -> tuple[str, list[str], str]:
        """(colour, tags as typed, note)."""
        colour = COLOURS[max(self.colours.checkedId(), 0)]
        return colour, [self.tags.text()], self.note.toPlainText()


class ExportDialog(QDialog):
    """What to export (all, the marks the pane shows, or the selected ones), in which format and
    citation style, to which file."""

    SCOPES = ("all", "shown", "selected")

    def __init__(self, counts: dict[str, int], folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export Marks"))
        self.scope = QButtonGroup(self)
        scopes = QVBoxLayout()
        labels = {
            "all": self.tr("&All marks (%1)"),
            "shown": self.tr("Marks shown in the &pane (%1)"),
            "selected": self.tr("&Selected marks (%1)"),
        }
        for i, key in enumerate(self.SCOPES):
            button = QRadioButton(labels[key].replace("%1", str(counts.get(key, 0))), self)
            button.setObjectName(f"scope_{key}")
            button.setEnabled(counts.get(key, 0) > 0)
            self.scope.addButton(button, i)
            scopes.addWidget(button)
        pick = "selected" if counts.get("selected", 0) > 1 else "all"
        self.scope.button(self.SCOPES.index(pick)).setChecked(True)
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        names = {
            "md": self.tr("Markdown (.md)"),
            "csv": self.tr("CSV for Excel (.csv)"),
            "json": self.tr("JSON, for backup and re-import (.json)"),
            "docx": self.tr("Word document (.docx)"),
            "html": self.tr("Web page (.html)"),
        }
        for f in FORMATS:
            self.format.addItem(names[f], f)
        self.style_box = QComboBox(self)
        self.style_box.setObjectName("exportStyle")
        self.style_box.addItem(
            self.tr("GB/T 7714 (author. title[N]. paper, date(page).)"), "gbt7714"
        )
        self.style_box.addItem(self.tr("Plain (source, date, title)"), "plain")
        self.path = QLineEdit(str(folder / "marks.md"), self)
        self.path.setObjectName("exportPath")
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.path.textEdited.connect(self._path_edited)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Marks:"), scopes)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Citation:"), self.style_box)
        save_to = QLabel(self.tr("Save &to:"), self)
        save_to.setBuddy(self.path)  # a row holding a layout gets no buddy of its own
        form.addRow(save_to, where)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def choice(self) -> tuple[str, str, str, Path]:
        """(scope, format, citation style, file)."""
        return (
            self.SCOPES[max(self.scope.checkedId(), 0)],
            self.format.currentData(),
            self.style_box.currentData(),
            Path(self.path.text().strip()).expanduser(),
        )

    def _format_changed(self) -> None:
        path = Path(self.path.text().strip() or "marks")
        self.path.setText(str(path.with_suffix("." + self.format.currentData())))

    def _path_edited(self, text: str) -> None:
        fmt = format_for(Path(text.strip()))
        if fmt and fmt != self.format.currentData():
            self.format.blockSignals(True)
            self.format.setCurrentIndex(self.format.findData(fmt))
            self.format.blockSignals(False)

    def _browse(self) -> None:
        fmt = self.format.currentData()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Marks"), self.path.text(), f"*.{fmt}"
        )
        if name:
            self.path.setText(name)
            self._path_edited(name)

    def _accept(self) -> None:
        path = Path(self.path.text().strip())
        if not self.path.text().strip() or path.is_dir():
            self.path.setFocus()
            self.path.selectAll()
            return
        self.accept()
