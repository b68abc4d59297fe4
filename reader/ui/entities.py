"""Entity widgets: the legend with a switch per type, the panel listing the open article's
entities, and the entity view listing every mention across the corpus."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.entities import NAME_TYPES, TYPES, Entity

from . import theme

ENTITY_ROLE = Qt.ItemDataRole.UserRole + 1
MENTION_ROLE = Qt.ItemDataRole.UserRole + 2


def type_name(kind: str) -> str:
    names = {
        "PERSON": QCoreApplication.translate("entities", "Person"),
        "PLACE": QCoreApplication.translate("entities", "Place"),
        "ORG": QCoreApplication.translate("entities", "Organisation"),
        "DATE": QCoreApplication.translate("entities", "Date"),
        "NUMBER": QCoreApplication.translate("entities", "Number"),
    }
    return names.get(kind, kind)


def plural_type_name(kind: str) -> str:
    names = {
        "PERSON": QCoreApplication.translate("entities", "People"),
        "PLACE": QCoreApplication.translate("entities", "Places"),
        "ORG": QCoreApplication.translate("entities", "Organisations"),
        "DATE": QCoreApplication.translate("entities", "Dates"),
        "NUMBER": QCoreApplication.translate("entities", "Numbers"),
    }
    return names.get(kind, kind)


def swatch(kind: str, widget: QWidget, size: int = 16) -> QIcon:
    """A small sample of a type's highlight: its tint with its underline."""
    fmt = theme.entity_format(kind, widget.palette())
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    bg = fmt.background().color() if fmt.background().style() != Qt.BrushStyle.NoBrush else None
    p.fillRect(1, 2, size - 2, size - 5, bg if bg is not None else widget.palette().base().color())
    pen = QPen(fmt.underlineColor(), 2)
    style = {
        theme.ENTITY_STYLES["PLACE"][3]: Qt.PenStyle.DashLine,
        theme.ENTITY_STYLES["ORG"][3]: Qt.PenStyle.DotLine,
        theme.ENTITY_STYLES["NUMBER"][3]: Qt.PenStyle.DashDotLine,
    }.get(fmt.underlineStyle(), Qt.PenStyle.SolidLine)
    pen.setStyle(style)
    p.setPen(pen)
    if fmt.underlineStyle() == theme.ENTITY_STYLES["DATE"][3]:
        for x in range(1, size - 2, 4):
            p.drawLine(x, size - 2, x + 2, size - 4)
            p.drawLine(x + 2, size - 4, x + 4, size - 2)
    else:
        p.drawLine(1, size - 2, size - 2, size - 2)
    p.end()
    return QIcon(pix)


class EntityLegend(QWidget):
    """One switch per type, with its colour and underline: the legend of the highlights."""

    typesChanged = Signal(object)  # set[str]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityLegend")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 8, 2)
        row.setSpacing(4)
        self.buttons: dict[str, QToolButton] = {}
        for kind in TYPES:
            b = QToolButton(self)
            b.setObjectName(f"legend{kind.title()}")
            b.setCheckable(True)
            b.setChecked(True)
            b.setAutoRaise(True)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setIconSize(QSize(16, 16))
            b.setToolTip(self.tr("Show or hide highlights of this type"))
            b.toggled.connect(self._changed)
            row.addWidget(b)
            self.buttons[kind] = b
        row.addStretch(1)
        # a narrow window clips the legend rather than growing to fit it
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.set_counts(Counter())
        self.refresh_icons()

    def set_counts(self, counts: Counter[str]) -> None:
        for kind, b in self.buttons.items():
            b.setText(f"{type_name(kind)} {counts.get(kind, 0)}")

    def refresh_icons(self) -> None:
        for kind, b in self.buttons.items():
            b.setIcon(swatch(kind, self))

    def types(self) -> set[str]:
        return {k for k, b in self.buttons.items() if b.isChecked()}

    def set_types(self, types: set[str]) -> None:
        for k, b in self.buttons.items():
            b.blockSignals(True)
            b.setChecked(k in types)
            b.blockSignals(False)
        self.typesChanged.emit(self.types())

    def _changed(self) -> None:
        self.typesChanged.emit(self.types())


class EntitiesPanel(QWidget):
    """The open article's entities by type, each name with how often it occurs."""

    entityActivated = Signal(object)  # Entity
    correctionRequested = Signal(str, object)  # text, type or None ("not an entity")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entitiesPanel")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("entitiesTree")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setRootIsDecorated(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.itemActivated.connect(self._activated)
        box.addWidget(self.tree)

    def show_entities(self, entities: list[Entity]) -> None:
        self.tree.clear()
        by_type: dict[str, Counter[str]] = {k: Counter() for k in TYPES}
        first: dict[tuple[str, str], Entity] = {}
        for e in entities:
            by_type[e.type][e.text] += 1
            first.setdefault((e.type, e.text), e)
        for kind in TYPES:
            names = by_type[kind]
            if not names:
                continue
            top = QTreeWidgetItem(self.tree, [plural_type_name(kind), str(sum(names.values()))])
            top.setIcon(0, swatch(kind, self))
            top.setFirstColumnSpanned(False)
            for text, n in sorted(names.items(), key=lambda kv: (-kv[1], kv[0])):
                e = first[(kind, text)]
                label = f"{text}  ({e.title})" if e.title else text
                item = QTreeWidgetItem(top, [label, str(n)])
                item.setData(0, ENTITY_ROLE, e)
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            top.setExpanded(kind in NAME_TYPES)
            top.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)

    def entity_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is not None:
                out.extend(c for j in range(top.childCount()) if (c := top.child(j)) is not None)
        return out

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        e = item.data(0, ENTITY_ROLE)
        if isinstance(e, Entity):
            self.entityActivated.emit(e)
        else:
            item.setExpanded(not item.isExpanded())

    def _menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        e = item.data(0, ENTITY_ROLE) if item is not None else None
        if not isinstance(e, Entity):
            return
        menu = QMenu(self)
        add_correction_actions(menu, e.text, e.type, self.correctionRequested.emit)
        menu.exec(self.tree.viewport().mapToGlobal(pos))


def add_correction_actions(menu: QMenu, text: str, current: str | None, emit: object) -> None:
    """ "Not an entity" and "This is a Person/Place/Organisation" for `text`."""
    short = text if len(text) <= 12 else text[:11] + "…"
    if current is not None:
        a = menu.addAction(
            QCoreApplication.translate("entities", "“%1” Is Not an Entity").replace("%1", short)
        )
        a.setObjectName("notEntity")
        a.triggered.connect(lambda: emit(text, None))  # type: ignore[operator]
    for kind in NAME_TYPES:
        if kind == current:
            continue
        a = menu.addAction(
            QCoreApplication.translate("entities", "Mark “%1” as %2")
            .replace("%1", short)
            .replace("%2", type_name(kind))
        )
        a.setObjectName(f"markAs{kind.title()}")
        a.triggered.connect(lambda _=False, k=kind: emit(text, k))  # type: ignore[operator]


@dataclass(frozen=True)
class Mention:
    article_id: str
    start: int
    end: int
    source: str
    date: str
    title: str
    left: str
    right: str


class EntityDialog(QDialog):
    """Every mention of one name across the corpus as keyword-in-context lines."""

    openMention = Signal(str, int, int)  # article id, start, end (body offsets)
    correctionRequested = Signal(str, object)

    def __init__(
        self, entity: Entity, mentions: list[Mention], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("entityDialog")
        self.entity = entity
        self.setWindowTitle(f"{entity.text} — {type_name(entity.type)}")
        box = QVBoxLayout(self)
        articles = len({m.article_id for m in mentions})
        head = QLabel(
            self.tr("%1 · %2 · %3 mentions in %4 articles")
            .replace("%1", entity.text)
            .replace("%2", type_name(entity.type))
            .replace("%3", str(len(mentions)))
            .replace("%4", str(articles)),
            self,
        )
        head.setObjectName("entityHeading")
        head.setTextFormat(Qt.TextFormat.PlainText)
        box.addWidget(head)
        self.list = QListWidget(self)
        self.list.setObjectName("mentionList")
        self.list.setFont(theme.reading_font(self.font().pointSize() + 1))
        self.list.setUniformItemSizes(True)
        for m in mentions:
            where = " · ".join(x for x in (m.source or self.tr("Unknown source"), m.date) if x)
            item = QListWidgetItem(f"{where}　…{m.left}【{entity.text}】{m.right}…")
            item.setToolTip(m.title)
            item.setData(MENTION_ROLE, m)
            self.list.addItem(item)
        if mentions:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._open)
        box.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.correct = QPushButton(self.tr("Correct…"), self)
        self.correct.setObjectName("correctButton")
        menu = QMenu(self.correct)
        add_correction_actions(menu, entity.text, entity.type, self._correct)
        self.correct.setMenu(menu)
        buttons.addButton(self.correct, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.resize(720, 420)

    def _correct(self, text: str, kind: object) -> None:
        self.correctionRequested.emit(text, kind)
        self.accept()

    def _open(self, item: QListWidgetItem) -> None:
        m = item.data(MENTION_ROLE)
        if isinstance(m, Mention):
            self.openMention.emit(m.article_id, m.start, m.end)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.list.currentItem():
            self._open(self.list.currentItem())
            return
        super().keyPressEvent(event)
