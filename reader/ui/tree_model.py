"""The source → date → article tree as a Qt item model over reader.core.browse."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from reader.core.browse import Node, article_nodes, build_tree
from reader.core.models import Article

AnyIndex = QModelIndex | QPersistentModelIndex

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
KEY_ROLE = Qt.ItemDataRole.UserRole + 3
KIND_ROLE = Qt.ItemDataRole.UserRole + 4


class LibraryTreeModel(QAbstractItemModel):
    """Rebuilt (a model reset) when the articles, the order or the filter change; building is a
    linear pass, and rows below a node are only asked for when the view expands it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._articles: list[Article] = []
        self._query = ""
        self._newest_first = True
        self._root = Node("root", "", "")
        self._by_key: dict[str, Node] = {}
        self._order: list[Node] = []

    # -- what is shown -------------------------------------------------------------------
    def set_articles(self, articles: list[Article]) -> None:
        self._articles = list(articles)
        self._rebuild()

    def set_query(self, query: str) -> None:
        if query != self._query:
            self._query = query
            self._rebuild()

    @property
    def query(self) -> str:
        return self._query

    def set_newest_first(self, newest_first: bool) -> None:
        if newest_first != self._newest_first:
            self._newest_first = newest_first
            self._rebuild()

    def refresh(self) -> None:
        """Rebuild after articles changed in place (a source or date edited)."""
        self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        self._root = build_tree(self._articles, newest_first=self._newest_first, query=self._query)
        self._by_key = {}
        stack = [self._root]
        while stack:
            node = stack.pop()
            self._by_key[node.key] = node
            stack.extend(node.children)
        self._order = article_nodes(self._root)
        self.endResetModel()

    # -- lookups ----------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._root.count

    def article_ids(self) -> list[str]:
        """Article ids in the order the tree shows them."""
        return [n.article.id for n in self._order if n.article is not None]

    def index_for_key(self, key: str) -> QModelIndex:
        node = self._by_key.get(key)
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def index_for_article(self, article_id: str) -> QModelIndex:
        return self.index_for_key(f"a:{article_id}")

    def article_at(self, index: AnyIndex) -> Article | None:
        node = self._node(index)
        return node.article if index.isValid() else None

    def _node(self, index: AnyIndex) -> Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, Node)
        return node

    # -- QAbstractItemModel -------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if column != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        up = self._node(index).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if node.kind == "article":
                return node.label or self.tr("(untitled)")
            return f"{self._group_label(node)} ({node.count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.FontRole and node.kind == "source":
            font = QFont()
            font.setBold(True)
            return font
        if role == ARTICLE_ID_ROLE:
            return node.article.id if node.article is not None else None
        if role == COUNT_ROLE:
            return node.count
        if role == KEY_ROLE:
            return node.key
        if role == KIND_ROLE:
            return node.kind
        return None

    def _group_label(self, node: Node) -> str:
        if node.kind == "source":
            return node.label or self.tr("Unknown source")
        if node.kind == "date":
            if not node.label:
                return self.tr("Unknown date")
            arts = [c.article for c in node.children if c.article is not None]
            if arts and all(a.provenance.date_inferred for a in arts):
                return self.tr("%1 (inferred)").replace("%1", node.label)
            return node.label
        return node.label

    def _tooltip(self, node: Node) -> str:
        a = node.article
        if a is None:
            return self.tr("%n article(s)", "", node.count)
        date = a.date
        if date and a.provenance.date_inferred:
            date = self.tr("%1 (inferred from the text, not printed)").replace("%1", date)
        parts = [a.title, " · ".join(p for p in (a.source, date) if p), a.file]
        if a.title_derived:
            parts.append(self.tr("Title derived from the first sentence"))
        return "\n".join(p for p in parts if p)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Articles")
        return None
