"""The reader: an article laid out for reading Chinese, and the page as printed.

Article text only ever enters Qt through QTextCursor.insertText / setPlainText, so markup in a
page is shown as the characters it is, never interpreted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTextBrowser,
    QTextEdit,
    QToolTip,
    QWidget,
)

from reader.core.entities import Entity
from reader.core.marks import Mark
from reader.core.models import Article, Page
from reader.core.offsets import OffsetMap
from reader.core.search.analysis import find_all

from . import theme

LINE_HEIGHT = 170  # percent: Chinese body text reads best at about 1.7


@dataclass(frozen=True)
class Link:
    text: str
    article_id: str


def _line_height(fmt: QTextBlockFormat, percent: int) -> None:
    fmt.setLineHeight(percent, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)


class _KeyNav:
    """j / k move to the next / previous article while a reader view has focus."""

    def _nav_key(self, event: QKeyEvent) -> bool:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if event.key() == Qt.Key.Key_J:
            self.nextRequested.emit()  # type: ignore[attr-defined]
            return True
        if event.key() == Qt.Key.Key_K:
            self.previousRequested.emit()  # type: ignore[attr-defined]
            return True
        return False


class ArticleView(_KeyNav, QTextBrowser):
    nextRequested = Signal()
    previousRequested = Signal()
    linkActivated = Signal(str)  # an article id
    painted = Signal()
    searchRequested = Signal()  # "/" pressed
    entityActivated = Signal(object)  # an Entity clicked, or Enter on the one at the cursor
    markClicked = Signal(str)  # a mark's id: the mark was clicked and is now selected
    deleteMarkRequested = Signal(str)  # Delete pressed on a mark

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        # A caret the keyboard moves and selects with (Shift+arrows), so passages can be marked
        # without a mouse.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.anchorClicked.connect(self._on_anchor)
        self._font = QFont()
        self._article: Article | None = None
        self._links: tuple[list[Link], list[Link]] = ([], [])
        self._offsets = OffsetMap("")
        self.body_start = 0  # document position of the body's first character
        self._title_block = -1
        self._painted = False
        self._needles: list[str] = []
        self._hits: list[tuple[int, int]] = []  # document positions (UTF-16)
        self._hit_index = -1
        self._entities: list[Entity] = []
        self._entity_types: set[str] = set()
        self._entity_ranges: list[tuple[int, int, Entity]] = []  # document positions
        self._marks: list[Mark] = []
        self._mark_ranges: list[tuple[int, int, Mark]] = []  # document positions
        # Tooltip text for an entity (its type, title, how many articles mention it)
        self.describe_entity: Callable[[Entity], str] | None = None
        self._press_pos: QPoint | None = None
        self._clicked_mark = ""  # the mark a click just selected

    # -- content ------------------------------------------------------------------------
    @property
    def article(self) -> Article | None:
        return self._article

    def set_reading_font(self, font: QFont) -> None:
        self._font = QFont(font)
        if self._article is not None:
            self.refresh()

    def reading_font(self) -> QFont:
        return QFont(self._font)

    def show_article(
        self,
        article: Article | None,
        before: list[Link] | None = None,
        after: list[Link] | None = None,
        needles: list[str] | None = None,
    ) -> None:
        """Show an article; `needles` (folded strings) are marked wherever they occur."""
        self._article = article
        self._needles = list(needles or [])
        self._links = (before or [], after or [])
        self._offsets = OffsetMap(article.body if article else "")
        self._entities = []
        self._entity_ranges = []
        self._marks = []
        self._mark_ranges = []
        self._render()
        self._apply_hits()
        self.verticalScrollBar().setValue(0)

    def refresh(self) -> None:
        """Lay out again (after a theme change or an edit of the article's source or date)."""
        top = self.top_position()
        self._render()
        self._place_entities()
        self._place_marks()
        self._apply_hits()
        self.scroll_to_position(top)

    # -- hits: search terms or the find bar, drawn as a layer over the text ------------------
    def set_needles(self, needles: list[str]) -> int:
        """Highlight every occurrence of the (folded) needles; returns how many there are."""
        self._needles = list(needles)
        self._apply_hits()
        return len(self._hits)

    def _apply_hits(self) -> None:
        text = self.document().toPlainText()
        spans = find_all(text, self._needles) if self._needles else []
        offsets = OffsetMap(text)
        self._hits = [(offsets.to_utf16(s), offsets.to_utf16(e)) for s, e in spans]
        self._hit_index = -1
        self._paint_hits()

    # -- entities: a layer under the hits ------------------------------------------------------
    def set_entities(self, entities: list[Entity], types: set[str] | None = None) -> None:
        """Highlight the article's entities (offsets into its body) of the given types."""
        self._entities = list(entities)
        if types is not None:
            self._entity_types = set(types)
        self._place_entities()
        self._paint_hits()

    def set_entity_types(self, types: set[str]) -> None:
        self._entity_types = set(types)
        self._place_entities()
        self._paint_hits()

    def entities(self) -> list[Entity]:
        return list(self._entities)

    def shown_entities(self) -> list[Entity]:
        return [e for _s, _e, e in self._entity_ranges]

    def _place_entities(self) -> None:
        self._entity_ranges = []
        if self._article is None:
            return
        for e in self._entities:
            if e.type not in self._entity_types or e.start < 0 or e.end > len(self._article.body):
                continue
            start = self.body_start + self._offsets.to_utf16(e.start)
            end = self.body_start + self._offsets.to_utf16(e.end)
            self._entity_ranges.append((start, end, e))

    # -- marks: the user's passages, a layer between the entities and the hits ----------------
    def set_marks(self, marks: list[Mark]) -> None:
        """Draw the open article's marks (detached ones have no place to be drawn)."""
        self._marks = [m for m in marks if not m.detached]
        self._place_marks()
        self._paint_hits()

    def _place_marks(self) -> None:
        self._mark_ranges = []
        if self._article is None:
            return
        for m in self._marks:
            if m.article_id != self._article.id or not 0 <= m.start < m.end <= len(
                self._article.body
            ):
                continue
            start = self.body_start + self._offsets.to_utf16(m.start)
            end = self.body_start + self._offsets.to_utf16(m.end)
            self._mark_ranges.append((start, end, m))

    def marks(self) -> list[Mark]:
        return [m for _s, _e, m in self._mark_ranges]

    def mark_at(self, position: int) -> Mark | None:
        """The mark at a document position; of overlapping ones, the shortest (innermost)."""
        found = [r for r in self._mark_ranges if r[0] <= position < r[1]]
        return min(found, key=lambda r: r[1] - r[0])[2] if found else None

    def current_mark(self) -> Mark | None:
        """The mark the selection covers exactly, or (with no selection) the one at the cursor."""
        cur = self.textCursor()
        if cur.hasSelection():
            for start, end, m in self._mark_ranges:
                if start == cur.selectionStart() and end == cur.selectionEnd():
                    return m
            return None
        return self.mark_at(cur.position())

    def select_mark(self, mark_id: str) -> bool:
        for start, end, m in self._mark_ranges:
            if m.id == mark_id:
                self.setTextCursor(self._range_cursor(start, end))
                self.ensureCursorVisible()
                return True
        return False

    def _range_cursor(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting document positions start..end."""
        cur = QTextCursor(self.document())
        cur.setPosition(start)
        cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cur

    def entity_at(self, position: int) -> Entity | None:
        """The highlighted entity at a document position (or just before it)."""
        for start, end, e in self._entity_ranges:
            if start <= position < end or (position == end and position > start):
                return e
        return None

    def entity_range(self, entity: Entity) -> tuple[int, int] | None:
        for start, end, e in self._entity_ranges:
            if e == entity:
                return start, end
        return None

    def select_entity(self, delta: int) -> Entity | None:
        """Select the next (1) or previous (-1) highlighted entity after the cursor."""
        if not self._entity_ranges:
            return None
        cur = self.textCursor()
        here = cur.selectionEnd() if delta > 0 else cur.selectionStart()
        ranges = self._entity_ranges if delta > 0 else list(reversed(self._entity_ranges))
        pick = next((r for r in ranges if (r[0] >= here if delta > 0 else r[1] <= here)), ranges[0])
        start, end, e = pick
        self.setTextCursor(self._range_cursor(start, end))
        self.ensureCursorVisible()
        return e

    def _entity_under_cursor(self) -> Entity | None:
        cur = self.textCursor()
        if cur.hasSelection():
            for start, end, e in self._entity_ranges:
                if start == cur.selectionStart() and end == cur.selectionEnd():
                    return e
        return self.entity_at(cur.position())

    def _paint_hits(self) -> None:
        bg, fg = theme.hit_colours(self.palette())
        sels = []
        formats = {k: theme.entity_format(k, self.palette()) for k in self._entity_types}
        for start, end, e in self._entity_ranges:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._range_cursor(start, end)
            sel.format = formats[e.type]
            sels.append(sel)
        # over the entities' tints, so a marked passage shows its colour (entity underlines stay)
        mark_formats = {
            c: theme.mark_format(c, self.palette()) for c in {m.colour for m in self._marks}
        }
        for start, end, m in self._mark_ranges:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._range_cursor(start, end)
            sel.format = mark_formats[m.colour]
            sels.append(sel)
        for i, (start, end) in enumerate(self._hits):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._range_cursor(start, end)
            sel.format.setBackground(
                bg if i != self._hit_index else theme.current_hit(self.palette())
            )
            sel.format.setForeground(fg)
            sels.append(sel)
        self.setExtraSelections(sels)

    def step_hit(self, delta: int) -> tuple[int, int]:
        """Move to the next (1) or previous (-1) hit, wrapping; returns (number, total)."""
        if not self._hits:
            return 0, 0
        self._hit_index = (self._hit_index + delta) % len(self._hits)
        start, end = self._hits[self._hit_index]
        self.setTextCursor(self._range_cursor(start, end))
        self.ensureCursorVisible()
        self._paint_hits()
        return self._hit_index + 1, len(self._hits)

    def hit_texts(self) -> list[str]:
        text = self.document().toPlainText()
        offsets = OffsetMap(text)
        return [text[offsets.from_utf16(s) : offsets.from_utf16(e)] for s, e in self._hits]

    def _render(self) -> None:
        # The view owns the documents it made (their parent), so the last one is deleted here:
        # without this every article opened stayed in memory (~100 KB each) until the window
        # closed. (Qt deletes the first, its own, document itself.)
        old = self.document()
        mine = old.parent() is self
        doc = QTextDocument(self)
        doc.setDefaultFont(self._font)
        doc.setDocumentMargin(max(16.0, self._font.pointSizeF() * 1.6))
        self.setDocument(doc)
        if mine:
            old.deleteLater()
        self._hits, self._hit_index = [], -1
        a = self._article
        self._title_block = -1
        if a is None:
            self.body_start = 0
            return
        pal = self.palette()
        size = self._font.pointSizeF()
        cur = QTextCursor(doc)
        first = True

        def block(text: str, bfmt: QTextBlockFormat, cfmt: QTextCharFormat) -> None:
            nonlocal first
            if first:
                cur.setBlockFormat(bfmt)
                cur.setBlockCharFormat(cfmt)
                first = False
            else:
                cur.insertBlock(bfmt, cfmt)
            cur.insertText(text, cfmt)

        small = QTextCharFormat()
        small.setFontPointSize(size * 0.85)
        small.setForeground(theme.muted(pal))
        tight = QTextBlockFormat()
        _line_height(tight, 140)
        tight.setBottomMargin(size * 0.4)

        if a.column:
            block(f"【{a.column}】", tight, small)
        if a.continued_from_page and not self._links[0]:
            block(
                self.tr("Continued from page %1").replace("%1", str(a.continued_from_page)),
                tight,
                small,
            )
        for link in self._links[0]:
            self._link_block(
                block, tight, small, self.tr("Continued from: %1").replace("%1", link.text), link
            )

        title = QTextCharFormat()
        title.setFontPointSize(size * 1.6)
        title.setFontWeight(QFont.Weight.Bold)
        if a.title_derived:
            title.setForeground(theme.muted(pal))
            title.setToolTip(self.tr("Title derived from the first sentence"))
        tfmt = QTextBlockFormat()
        _line_height(tfmt, 135)
        tfmt.setBottomMargin(size * 0.5)
        block(a.title or self.tr("(untitled)"), tfmt, title)
        self._title_block = cur.block().blockNumber()

        sub = QTextCharFormat()
        sub.setFontPointSize(size * 1.15)
        for s in a.subtitles:
            block(s, tight, sub)

        date = a.date or self.tr("Unknown date")
        if a.date and a.provenance.date_inferred:
            date = self.tr("%1 (inferred)").replace("%1", a.date)
        meta = [a.source or self.tr("Unknown source"), date]
        if a.page:
            meta.append(self.tr("Page %1").replace("%1", str(a.page)))
        if a.byline:
            meta.append(a.byline)
        mfmt = QTextBlockFormat()
        _line_height(mfmt, 140)
        mfmt.setBottomMargin(size * 1.4)
        block("  ·  ".join(meta), mfmt, small)

        body = QTextBlockFormat()
        _line_height(body, LINE_HEIGHT)
        body.setBottomMargin(size * 0.75)
        body.setTextIndent(size * 2 * 96 / 72)  # two characters, as Chinese paragraphs are set
        plain = QTextCharFormat()
        self.body_start = -1
        for para in a.paragraphs or [""]:
            block(para, body, plain)
            if self.body_start < 0:
                self.body_start = cur.block().position()

        if a.captions:
            head = QTextBlockFormat()
            head.setTopMargin(size)
            _line_height(head, 140)
            block(self.tr("Captions"), head, small)
            cap = QTextBlockFormat()
            _line_height(cap, 150)
            cap.setLeftMargin(size * 1.5)
            cap.setBottomMargin(size * 0.4)
            capf = QTextCharFormat()
            capf.setFontPointSize(size * 0.92)
            capf.setForeground(theme.muted(pal))
            for c in a.captions:
                block(c, cap, capf)
        if a.continues_to_page and not self._links[1]:
            end = QTextBlockFormat(tight)
            end.setTopMargin(size * 0.5)
            block(
                self.tr("Continued on page %1").replace("%1", str(a.continues_to_page)), end, small
            )
        for link in self._links[1]:
            self._link_block(
                block, tight, small, self.tr("Continued in: %1").replace("%1", link.text), link
            )

    def _link_block(
        self,
        block: Callable[[str, QTextBlockFormat, QTextCharFormat], None],
        bfmt: QTextBlockFormat,
        cfmt: QTextCharFormat,
        text: str,
        link: Link,
    ) -> None:
        fmt = QTextCharFormat(cfmt)
        fmt.setAnchor(True)
        fmt.setAnchorHref(f"article:{link.article_id}")
        fmt.setForeground(self.palette().link())
        fmt.setFontUnderline(True)
        block(text, bfmt, fmt)

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == "article":
            self.linkActivated.emit(url.path())

    def headline(self) -> str:
        """The headline as laid out in the document ("" when no article is shown)."""
        if self._title_block < 0:
            return ""
        return self.document().findBlockByNumber(self._title_block).text()

    # -- offsets into the article's body (code points) ↔ document positions (UTF-16) --------
    def body_cursor(self, start: int, end: int) -> QTextCursor:
        return self._range_cursor(
            self.body_start + self._offsets.to_utf16(start),
            self.body_start + self._offsets.to_utf16(end),
        )

    def body_selection(self) -> tuple[int, int] | None:
        """The selection as code-point offsets into the body, clipped to it; None if empty."""
        cur = self.textCursor()
        if not cur.hasSelection() or self._article is None:
            return None
        lo = max(cur.selectionStart() - self.body_start, 0)
        hi = min(cur.selectionEnd() - self.body_start, self._offsets.utf16_len)
        if hi <= lo:
            return None
        return self._offsets.from_utf16(lo), self._offsets.from_utf16(hi)

    # -- position --------------------------------------------------------------------------
    def top_position(self) -> int:
        return self.cursorForPosition(QPoint(0, 0)).position()

    def scroll_to_position(self, position: int) -> None:
        cur = QTextCursor(self.document())
        cur.setPosition(max(0, min(position, self.document().characterCount() - 1)))
        block = cur.block()
        layout = self.document().documentLayout()
        y = layout.blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(cur.positionInBlock())
        if line.isValid():
            y += line.y()
        self.verticalScrollBar().setValue(int(y))

    # -- events ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Slash and not event.modifiers():
            self.searchRequested.emit()
            return
        if event.key() in (Qt.Key.Key_BracketRight, Qt.Key.Key_BracketLeft) and not (
            event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        ):
            self.select_entity(1 if event.key() == Qt.Key.Key_BracketRight else -1)
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            mark = self.current_mark()
            if mark is not None:
                self.deleteMarkRequested.emit(mark.id)
                return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            entity = self._entity_under_cursor()
            if entity is not None:
                self.entityActivated.emit(entity)
                return
        if not self._nav_key(event):
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self._press_pos is not None
            and (pos - self._press_pos).manhattanLength() < 4
            and not self.textCursor().hasSelection()
            and not self.anchorAt(pos)
        ):
            position = self._position_at_point(pos)
            mark = self.mark_at(position) if position >= 0 else None
            entity = self.entity_at_point(pos)
            # A click on a mark selects it; a click on an entity inside the mark that was just
            # selected opens the entity.
            if mark is not None and (entity is None or mark.id != self._clicked_mark):
                self.select_mark(mark.id)
                self._clicked_mark = mark.id
                self.markClicked.emit(mark.id)
            elif entity is not None:
                self.entityActivated.emit(entity)
        if event.button() == Qt.MouseButton.LeftButton and self.current_mark() is None:
            self._clicked_mark = ""
        self._press_pos = None

    def _position_at_point(self, pos: QPoint) -> int:
        """The document position drawn under a point of the viewport (-1 off the text)."""
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        return int(
            self.document().documentLayout().hitTest(pos + offset, Qt.HitTestAccuracy.ExactHit)
        )

    def entity_at_point(self, pos: QPoint) -> Entity | None:
        """The entity drawn under a point of the viewport (None between characters' edges)."""
        position = self._position_at_point(pos)
        if position < 0:
            return None
        for start, end, e in self._entity_ranges:
            if start <= position < end:
                return e
        return None

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            entity = self.entity_at_point(event.pos())
            if entity is not None and self.describe_entity is not None:
                QToolTip.showText(event.globalPos(), self.describe_entity(entity), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Colours are taken from the palette when the article is laid out: lay out again when
        # the theme changes it.
        if event.type() == QEvent.Type.PaletteChange and self._article is not None:
            self.refresh()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._article is not None and not self._painted:
            self._painted = True
            self.painted.emit()


class PrintedView(_KeyNav, QPlainTextEdit):
    """The page's text as it was read from the file, with this article's parts highlighted."""

    nextRequested = Signal()
    previousRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printedView")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._page: Page | None = None
        self._offsets = OffsetMap("")
        self._spans: list[tuple[int, int]] = []

    def show_page(self, page: Page | None, spans: list[tuple[int, int]]) -> None:
        if page is not self._page:
            self._page = page
            self._offsets = OffsetMap(page.original if page else "")
            self.setPlainText(page.original if page else "")
        self._spans = spans
        self._highlight()
        if spans:
            cur = self._cursor(*spans[0])
            cur.setPosition(cur.selectionStart())
            self.setTextCursor(cur)
            self.centerCursor()

    def highlighted_text(self) -> list[str]:
        return [s.cursor.selectedText() for s in self.extraSelections()]

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cur = QTextCursor(self.document())
        cur.setPosition(self._offsets.to_utf16(start))
        cur.setPosition(self._offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        return cur

    def _highlight(self) -> None:
        bg, fg = theme.printed_highlight(self.palette())
        sels = []
        for start, end in self._spans:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor(start, end)
            sel.format.setBackground(bg)
            sel.format.setForeground(fg)
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
            sels.append(sel)
        self.setExtraSelections(sels)

    def refresh(self) -> None:
        self._highlight()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._highlight()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._nav_key(event):
            super().keyPressEvent(event)


class ReaderPane(QStackedWidget):
    """The article view, or the printed page, one at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article_view = ArticleView(self)
        self.printed_view = PrintedView(self)
        self.addWidget(self.article_view)
        self.addWidget(self.printed_view)

    def set_printed(self, printed: bool) -> None:
        self.setCurrentWidget(self.printed_view if printed else self.article_view)

    @property
    def printed(self) -> bool:
        return self.currentWidget() is self.printed_view

    def set_reading_font(self, font: QFont) -> None:
        self.article_view.set_reading_font(font)
        self.printed_view.setFont(font)


class FindBar(QWidget):
    """Ctrl+F: find in the open article. Enter / Shift+Enter step through, Esc closes."""

    changed = Signal(str)
    step = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText(self.tr("Find in this article"))
        self.edit.setClearButtonEnabled(True)
        self.label = QLabel(self)
        self.label.setMinimumWidth(70)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.label)
        self.edit.textChanged.connect(self.changed)
        self.edit.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step.emit(-1 if shift else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.hide()
                self.closed.emit()
                return True
        return super().eventFilter(obj, event)

    def show_count(self, number: int, total: int) -> None:
        self.label.setText(f"{number} / {total}" if total else self.tr("no matches"))
