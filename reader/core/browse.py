"""The library as a browsing tree: source → (month →) date → article, with counts, unknown groups,
both sort orders and a filter. Plain Python; the window shows it through a Qt item model."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .models import Article

# A source with more dates than this is grouped by month first.
MONTH_THRESHOLD = 12


@dataclass(eq=False)
class Node:
    kind: str  # "root", "source", "month", "date" or "article"
    label: str  # a source name, "2022-11", "2022-11-24", or an article title; "" when unknown
    key: str  # stable across rebuilds, for restoring expansion and selection
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    count: int = 0  # articles below (1 for an article)
    article: Article | None = None
    row: int = 0

    @property
    def unknown(self) -> bool:
        return self.kind != "article" and self.kind != "root" and not self.label

    def add(self, child: Node) -> Node:
        child.parent, child.row = self, len(self.children)
        self.children.append(child)
        return child


def fold(text: str) -> str:
    """Full-width and half-width forms, and letter case, compare equal."""
    return unicodedata.normalize("NFKC", text).casefold()


def _haystack(a: Article) -> str:
    return fold(" ".join([a.title, *a.subtitles, a.source or "", a.date or ""]))


def build_tree(
    articles: Iterable[Article],
    *,
    newest_first: bool = True,
    query: str = "",
    month_threshold: int = MONTH_THRESHOLD,
) -> Node:
    """Group articles (in library order) under source and date. `query`: words that must all
    appear in the title, subtitles, source or date."""
    terms = fold(query).split()
    by_source: dict[str, dict[str, list[Article]]] = defaultdict(lambda: defaultdict(list))
    for a in articles:
        if terms:
            hay = _haystack(a)
            if not all(t in hay for t in terms):
                continue
        by_source[a.source or ""][a.date or ""].append(a)

    root = Node("root", "", "")
    # Known sources in name order, the unknown group last; likewise dates, newest or oldest first.
    for source in sorted(by_source, key=lambda s: (s == "", s)):
        dates = by_source[source]
        snode = root.add(Node("source", source, f"s:{source}"))
        known = sorted((d for d in dates if d), reverse=newest_first)
        parents: dict[str, Node] = {}
        if len(known) > month_threshold:
            for d in known:
                month = d[:7]
                if month not in parents:
                    parents[month] = snode.add(Node("month", month, f"{snode.key}/m:{month}"))
        for d in [*known, *([""] if "" in dates else [])]:
            parent = parents.get(d[:7], snode) if d else snode
            dnode = parent.add(Node("date", d, f"{parent.key}/d:{d}"))
            for a in sorted(dates[d], key=lambda a: a.page or 0):
                dnode.add(Node("article", a.title, f"a:{a.id}", count=1, article=a))
    _count(root)
    return root


def _count(node: Node) -> int:
    if node.kind != "article":
        node.count = sum(_count(c) for c in node.children)
    return node.count


def article_nodes(root: Node) -> list[Node]:
    """Article nodes in the order the tree shows them."""
    out: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.kind == "article":
            out.append(node)
        else:
            stack.extend(reversed(node.children))
    return out
