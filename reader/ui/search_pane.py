"""The search pane: a query box that searches as you type (off the UI thread, newest answer
wins), results with highlighted snippets, sort and facets, all usable from the keyboard."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.search.index import Hit, SearchIndex, SearchIndexError, SearchResult

from . import theme
from .tasks import Task, TaskRunner

AnyIndex = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_RECENT = 20


class ResultsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.title}\n{hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.title}\n{hit.source} {hit.date}"
        if role == HIT_ROLE:
            return hit
        return None


class FacetModel(QAbstractListModel):
    """Facet values with counts; the first row is "all"."""

    def __init__(self, all_label: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.all_label = all_label
        self.values: list[tuple[str, int]] = []

    def set_values(self, values: list[tuple[str, int]]) -> None:
        self.beginResetModel()
        self.values = list(values)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.values) + 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.row() == 0:
            return self.all_label if role == Qt.ItemDataRole.DisplayRole else None
        value, count = self.values[index.row() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value or '—'} ({count})"
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None


class HitDelegate(QStyledItemDelegate):
    """Title, source · date, and the snippet with its hits marked — laid out from plain text
    with character formats, never HTML."""

    def _document(self, hit: Hit, option: QStyleOptionViewItem) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        doc.setTextWidth(option.rect.width())
        cur = QTextCursor(doc)
        bold = QTextCharFormat()
        bold.setFontWeight(700)
        mark_bg, mark_fg = theme.hit_colours(option.palette)
        self._insert(cur, hit.title, hit.title_highlights, bold, mark_bg, mark_fg)
        cur.insertBlock()
        meta = QTextCharFormat()
        meta.setForeground(theme.muted(option.palette))
        cur.insertText(" · ".join(p for p in (hit.source, hit.date) if p), meta)
        cur.insertBlock()
        self._insert(cur, hit.snippet, hit.highlights, QTextCharFormat(), mark_bg, mark_fg)
        return doc

    @staticmethod
    def _insert(
        cur: QTextCursor,
        text: str,
        spans: list[tuple[int, int]],
        base: QTextCharFormat,
        bg: Any,
        fg: Any,
    ) -> None:
        mark = QTextCharFormat(base)
        mark.setBackground(bg)
        mark.setForeground(fg)
        pos = 0
        for s, e in spans:
            cur.insertText(text[pos:s], base)
            cur.insertText(text[s:e], mark)
            pos = e
        cur.insertText(text[pos:], base)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, Hit):
            return super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(hit, option)
        painter.save()
        painter.translate(option.rect.topLeft())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(
                ctx.palette.ColorRole.Text,
                option.palette.color(option.palette.ColorRole.HighlightedText),
            )
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, Hit):
            return super().sizeHint(option, index)
        width = option.rect.width() if option.rect.width() > 0 else 320
        opt = QStyleOptionViewItem(option)
        opt.rect.setWidth(width)
        doc = self._document(hit, opt)
        return QSize(width, int(doc.size().height()) + 4)


class SearchBox(QLineEdit):
    """Down goes to the results; Up in an empty box recalls recent queries."""

    downPressed = Signal()
    recallRequested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
            return
        if event.key() == Qt.Key.Key_Up:
            self.recallRequested.emit(1)
            return
        super().keyPressEvent(event)


class ResultsView(QListView):
    """Enter opens, Esc (or Up on the first row) returns to the box."""

    openRequested = Signal(QModelIndex)
    backRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.currentIndex().isValid():
                self.openRequested.emit(self.currentIndex())
            return
        if key == Qt.Key.Key_Escape or (key == Qt.Key.Key_Up and self.currentIndex().row() <= 0):
            self.backRequested.emit()
            return
        super().keyPressEvent(event)


class SearchPane(QWidget):
    articleRequested = Signal(str)  # an article id, with the needles to highlight
    resultShown = Signal(object)  # the SearchResult now on screen

    def __init__(
        self, runner: TaskRunner, recent: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.index: SearchIndex | None = None
        self.ready = False
        self.recent = list(recent)
        self._recall = -1
        self._serial = 0
        self.result: SearchResult | None = None
        self._source: str | None = None
        self._month: str | None = None

        self.box = SearchBox(self)
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(self.tr("Search all pages (Ctrl+K)"))
        self.message = QLabel(self)
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.count = QLabel(self)
        self.sort = QComboBox(self)
        self.sort.addItem(self.tr("Relevance"), "relevance")
        self.sort.addItem(self.tr("Newest"), "date")
        self.sources = QComboBox(self)
        self.sources.setObjectName("sourceFacet")
        self.source_model = FacetModel(self.tr("All sources"), self)
        self.sources.setModel(self.source_model)
        self.months = QComboBox(self)
        self.months.setObjectName("monthFacet")
        self.month_model = FacetModel(self.tr("All months"), self)
        self.months.setModel(self.month_model)
        self.results = ResultsView(self)
        self.results.setObjectName("searchResults")
        self.model = ResultsModel(self)
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.count, 1)
        row.addWidget(self.sort)
        facets = QHBoxLayout()
        facets.setContentsMargins(0, 0, 0, 0)
        facets.addWidget(self.sources, 1)
        facets.addWidget(self.months, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.box)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addLayout(facets)
        layout.addWidget(self.results, 1)
        self.message.hide()

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.search_now)
        self.box.textEdited.connect(self._typed)
        self.box.returnPressed.connect(self._enter)
        self.box.downPressed.connect(self.focus_results)
        self.box.recallRequested.connect(self._recall_recent)
        self.results.openRequested.connect(self._open)
        self.results.activated.connect(self._open)
        self.results.backRequested.connect(self.focus_box)
        self.sort.currentIndexChanged.connect(lambda _i: self.search_now())
        self.sources.activated.connect(lambda i: self._facet("source", i))
        self.months.activated.connect(lambda i: self._facet("month", i))

    # -- the index --------------------------------------------------------------------------
    def set_index(self, index: SearchIndex, ready: bool) -> None:
        self.index, self.ready = index, ready
        if ready and self.box.text().strip():
            self.search_now()

    # -- typing and searching --------------------------------------------------------------------
    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def focus_results(self) -> None:
        if self.model.rowCount():
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.results.currentIndex().isValid():
                self.results.setCurrentIndex(self.model.index(0, 0))

    def _typed(self, _text: str) -> None:
        self._recall = -1
        self.timer.start()

    def _enter(self) -> None:
        self.timer.stop()
        self.search_now()
        self._remember(self.box.text().strip())

    def _remember(self, query: str) -> None:
        if query:
            self.recent = [query] + [q for q in self.recent if q != query][: MAX_RECENT - 1]

    def _recall_recent(self, step: int) -> None:
        if not self.recent or (self.box.text() and self._recall < 0):
            return
        self._recall = min(self._recall + step, len(self.recent) - 1)
        self.box.setText(self.recent[self._recall])
        self.timer.start()

    def _facet(self, name: str, row: int) -> None:
        model = self.source_model if name == "source" else self.month_model
        value = model.index(row, 0).data(Qt.ItemDataRole.UserRole) if row > 0 else None
        if name == "source":
            self._source = value
        else:
            self._month = value
        self.search_now()

    def search_now(self) -> None:
        """Search for the box's text in the background; only the newest answer is shown."""
        query = self.box.text().strip()
        self._serial += 1
        serial = self._serial
        if not query:
            self._show(SearchResult("", 0, []), serial)
            return
        if self.index is None or not self.ready:
            self._say(self.tr("The search index is being built; results appear when it is ready."))
            return
        index, sort, source, month = self.index, self.sort.currentData(), self._source, self._month

        def job(_cancelled: Any) -> Any:
            return index.search(query, limit=200, sort=sort, source=source, month=month)
            yield  # a generator: no progress to report

        task = Task(job, name="search")
        task.signals.result.connect(lambda result: self._show(result, serial))
        task.signals.error.connect(lambda exc: self._failed(exc, serial))
        self.runner.start(task)

    def _failed(self, exc: object, serial: int) -> None:
        if serial != self._serial:
            return
        if isinstance(exc, SearchIndexError):
            self._say(exc.message)
        else:
            self._say(self.tr("Search failed: %1").replace("%1", str(exc)))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show(self, result: SearchResult, serial: int) -> None:
        if serial != self._serial:
            return  # a newer query has been asked since
        self.result = result
        self._say("; ".join(result.messages))
        self.model.set_hits(result.hits)
        if result.query:
            shown = len(result.hits)
            text = self.tr("%n result(s)", "", result.total)
            if shown < result.total:
                text += self.tr(" (first %1 shown)").replace("%1", str(shown))
            self.count.setText(text)
        else:
            self.count.setText("")
        if self._source is None:
            self.source_model.set_values(result.facets.get("source", []))
        if self._month is None:
            self.month_model.set_values(result.facets.get("month", []))
        self.resultShown.emit(result)

    def _open(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if isinstance(hit, Hit):
            self._remember(self.box.text().strip())
            self.articleRequested.emit(hit.id)

    def needles(self) -> list[str]:
        if self.result is None:
            return []
        return [n for values in self.result.needles.values() for n in values]
