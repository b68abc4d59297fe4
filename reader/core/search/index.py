"""The search index: build and keep it in step with the library, and answer queries.

Layout of the index folder (inside the user data folder):

    index/CURRENT      the name of the live index folder, replaced atomically
    index/ix-<n>/      a Whoosh index + meta.json (schema and analyzer versions) + pages.json
                       (page key → hash of what was indexed for it)

A full (re)build goes into a new ix-<n> and CURRENT is switched only when it is complete, so a
crash or a kill at any moment leaves the previous index usable; unfinished folders are removed at
the next start. Incremental updates re-index only pages whose hash changed. Whoosh's write lock
is an OS file lock that dies with the process, so a killed writer leaves no lock behind.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import query as wq
from whoosh.fields import ID, TEXT, Schema
from whoosh.sorting import FieldFacet

from ..corpus import Progress, page_key
from ..files import atomic_write_json, atomic_write_text
from ..models import Page
from .analysis import ANALYZER_VERSION, BigramTokenizer, find_all, needle_units
from .query import TEXT_FIELDS, Node, parse

SCHEMA_VERSION = 2
BOOSTS = {"title": 3.0, "subtitles": 2.0, "body": 1.0, "captions": 1.0}
# Above this many articles to add, the writer uses two processes (never from a process that runs
# Qt: the window runs such builds in a spawned process, see reader/core/search/spawn.py).
MP_THRESHOLD = 2000
# How much of a field is looked at for a result's snippet (about 0.03 s of work).
SNIPPET_SCAN = 100_000
# The Progress message of a first build once its first batch is live (searchable).
LIVE = "live"


def writer_processes() -> int:
    """Writer processes for a big build: one more than the cores, because Whoosh's parent process
    only feeds documents to the others (measured on 2 cores, 20 MB: 2 processes 32.6 s, 3
    processes 26.5 s); at most 4, each with its own 256 MB buffer."""
    return min((os.cpu_count() or 1) + 1, 4)


class SearchIndexError(Exception):
    """The index cannot be used (code: missing, corrupt, busy); the caller rebuilds or waits."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def make_schema() -> Schema:
    grams = BigramTokenizer()
    return Schema(
        id=ID(stored=True, unique=True),
        page=ID(stored=True),
        title=TEXT(analyzer=grams, stored=True, field_boost=BOOSTS["title"]),
        subtitles=TEXT(analyzer=grams, stored=True, field_boost=BOOSTS["subtitles"]),
        body=TEXT(analyzer=grams, stored=True),
        captions=TEXT(analyzer=grams, stored=True),
        source=TEXT(analyzer=grams),
        source_name=ID(stored=True, sortable=True),
        date=ID(stored=True, sortable=True),
        month=ID(stored=True, sortable=True),
        person=TEXT(analyzer=grams),
        place=TEXT(analyzer=grams),
        org=TEXT(analyzer=grams),
    )


# Names per entity field of one article: {"person": [...], "place": [...], "org": [...]}
NameLookup = Callable[[str], dict[str, list[str]]]
ENTITY_FIELD_TYPES = {"person": "PERSON", "place": "PLACE", "org": "ORG"}


def page_hash(page: Page, names: NameLookup | None = None) -> str:
    """What the index holds for a page: its text, the metadata stored with its articles and
    the names found in them."""
    h = hashlib.sha256()
    for part in (page.content_hash, page.source or "", page.date or "", str(len(page.articles))):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    for a in page.articles:
        h.update(a.id.encode())
        if names is not None:
            h.update(json.dumps(names(a.id), ensure_ascii=False, sort_keys=True).encode())
    return h.hexdigest()[:24]


def _docs(page: Page, names: NameLookup | None) -> Iterable[dict[str, str]]:
    key = page_key(page)
    for a in page.articles:
        found = names(a.id) if names is not None else {}
        yield {
            **{f: "；".join(found.get(t, [])) for f, t in ENTITY_FIELD_TYPES.items()},
            "id": a.id,
            "page": key,
            "title": a.title,
            "subtitles": "\n".join(a.subtitles),
            "body": a.body,
            "captions": "\n".join(a.captions),
            "source": a.source or "",
            "source_name": a.source or "",
            "date": a.date or "",
            "month": (a.date or "")[:7],
        }


@dataclass(frozen=True)
class SyncReport:
    rebuilt: bool
    added: int  # pages (re)indexed
    removed: int
    articles: int  # articles in the index afterwards
    reason: str = ""


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    source: str
    date: str
    score: float
    snippet: str
    highlights: list[tuple[int, int]]  # code-point ranges in `snippet`
    title_highlights: list[tuple[int, int]]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source or None,
            "date": self.date or None,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
        }


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    needles: dict[str, list[str]] = field(default_factory=dict)


class SearchIndex:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._lock = threading.Lock()
        self._ix: Any = None
        self._ix_dir: Path | None = None
        # One searcher, reused while the index is unchanged (opening one costs ~20 ms); Whoosh
        # searchers share file handles, so searches take turns.
        self._searcher: Any = None
        self._search_lock = threading.Lock()

    # -- where the live index is -------------------------------------------------------------
    @property
    def current_file(self) -> Path:
        return self.root / "CURRENT"

    def live_dir(self) -> Path | None:
        try:
            name = self.current_file.read_text(encoding="utf-8").strip()
        except OSError:
            return None
        path = self.root / name
        return path if name.startswith("ix-") and path.is_dir() else None

    def _meta_ok(self, folder: Path) -> bool:
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return bool(meta == {"schema": SCHEMA_VERSION, "analyzer": ANALYZER_VERSION})

    def status(self) -> str:
        """ "ok", "missing" (never built), "outdated" (schema or analyzer changed) or "corrupt"."""
        live = self.live_dir()
        if live is None:
            return "missing"
        if not self._meta_ok(live):
            return "outdated"
        try:
            self._open(live)
        except SearchIndexError:
            return "corrupt"
        return "ok"

    def _open(self, folder: Path) -> Any:
        with self._lock:
            if self._ix is not None and self._ix_dir == folder:
                return self._ix
            problem = ""
            try:
                ix = windex.open_dir(str(folder))
                with ix.searcher() as s:
                    s.doc_count()
            except Exception as exc:  # any damage to the files: reported, then rebuilt
                problem = repr(exc)
                _close_leaked_files(folder)  # while the traceback still holds them
            if problem:
                raise SearchIndexError("corrupt", f"索引已损坏 (index damaged): {problem}")
            self._ix, self._ix_dir = ix, folder
            return ix

    def _indexed_pages(self, folder: Path) -> dict[str, str]:
        try:
            data = json.loads((folder / "pages.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _switch(self, folder: Path) -> None:
        atomic_write_text(self.current_file, folder.name)
        with self._lock:
            self._ix, self._ix_dir = None, None
        self.cleanup()

    def cleanup(self) -> None:
        """Remove index folders that are not live: old ones, and builds cut short (a build in
        progress, in this or another process, holds its folder's lock and is left alone)."""
        live = self.live_dir()
        if not self.root.is_dir():
            return
        for child in self.root.iterdir():
            stale = child.is_dir() and child.name.startswith("ix-") and child != live
            if stale and not _being_built(child):
                shutil.rmtree(child, ignore_errors=True)

    def _new_dir(self) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        n = 1 + max(
            (int(p.name[3:]) for p in self.root.glob("ix-*") if p.name[3:].isdigit()), default=0
        )
        folder = self.root / f"ix-{n}"
        folder.mkdir()
        return folder

    # -- building -----------------------------------------------------------------------------
    def sync(
        self,
        pages: list[Page],
        *,
        rebuild: bool = False,
        procs: int = 1,
        cancelled: Callable[[], bool] | None = None,
        names: NameLookup | None = None,
    ) -> Generator[Progress, None, SyncReport]:
        """Bring the index in step with `pages`, yielding Progress; returns what changed.

        On a first build the first pages (the library lists the seeds first) are committed and
        made live before the rest, so they are searchable within seconds."""
        status = self.status()
        want = {page_key(p): (page_hash(p, names), p) for p in pages}
        total_articles = sum(len(p.articles) for p in pages)
        self.cleanup()
        if rebuild or status != "ok":
            reason = "rebuild" if rebuild else status
            first = status == "missing"
            folder = self._new_dir()
            building = _hold_build_lock(folder)
            complete = False
            try:
                windex.create_in(str(folder), make_schema())
                meta = {"schema": SCHEMA_VERSION, "analyzer": ANALYZER_VERSION}
                atomic_write_json(folder / "meta.json", meta)
                ok = yield from self._add(
                    folder, list(want.items()), procs, cancelled, first, names
                )
                if ok:
                    atomic_write_json(folder / "pages.json", {k: v[0] for k, v in want.items()})
                    complete = True
            finally:
                building.close()
                # Cut short (cancelled, a full disk, a vanished folder): the half-built index
                # goes at once, so a full disk is not left fuller; unless its first pages are
                # already live, in which case the next sync adds the rest.
                if not complete and self.live_dir() != folder:
                    shutil.rmtree(folder, ignore_errors=True)
            if not complete:
                return SyncReport(True, 0, 0, 0, "cancelled")
            self._switch(folder)
            return SyncReport(True, len(want), 0, total_articles, reason)

        live = self.live_dir()
        assert live is not None
        have = self._indexed_pages(live)
        changed = [(k, v) for k, v in want.items() if have.get(k) != v[0]]
        removed = [k for k in have if k not in want]
        if not changed and not removed:
            return SyncReport(False, 0, 0, total_articles)
        # Forget the pages about to change first: if we die halfway, they are redone next time.
        changing = {k for k, _ in changed}
        keep = {k: h for k, h in have.items() if k in want and k not in changing}
        atomic_write_json(live / "pages.json", keep)
        ix = self._open(live)
        writer = ix.writer(limitmb=128)
        try:
            for k in [*removed, *changing]:
                writer.delete_by_term("page", k)
        except Exception:
            writer.cancel()
            raise
        writer.commit()
        with self._lock:
            self._ix = None
        ok = yield from self._add(live, changed, procs, cancelled, False, names)
        if ok:
            keep.update({k: v[0] for k, v in changed})
        atomic_write_json(live / "pages.json", keep)
        with self._lock:
            self._ix = None
        return SyncReport(False, len(changed) if ok else 0, len(removed), total_articles)

    def _add(
        self,
        folder: Path,
        items: list[tuple[str, tuple[str, Page]]],
        procs: int,
        cancelled: Callable[[], bool] | None,
        publish_first: bool,
        names: NameLookup | None = None,
    ) -> Generator[Progress, None, bool]:
        """Add the pages' articles in one commit (or two on a first build: a small first batch
        is made live at once so that something is searchable within seconds)."""
        if not items:
            return True
        batches = [items]
        if publish_first and len(items) > 20:
            batches = [items[:20], items[20:]]
        total = sum(len(p.articles) for _k, (_h, p) in items)
        done = 0
        for b, batch in enumerate(batches):
            n_articles = sum(len(p.articles) for _k, (_h, p) in batch)
            ix = windex.open_dir(str(folder))
            if procs > 1 and n_articles > MP_THRESHOLD:
                writer = ix.writer(procs=procs, multisegment=True, limitmb=256)
            else:
                writer = ix.writer(limitmb=128)
            try:
                for _k, (_h, page) in batch:
                    if cancelled is not None and cancelled():
                        writer.cancel()
                        return False
                    for doc in _docs(page, names):
                        writer.add_document(**doc)
                        done += 1
                        if done % 200 == 0:
                            yield Progress(done, total, "indexing")
                yield Progress(done, total, "committing")
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            if publish_first and b == 0 and len(batches) > 1:
                atomic_write_json(folder / "pages.json", {k: h for k, (h, _p) in batch})
                self._switch(folder)
                yield Progress(done, total, LIVE)
        yield Progress(total, total, "")
        return True

    # -- searching -------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        sort: str = "relevance",
        source: str | None = None,
        month: str | None = None,
        snippet_chars: int = 90,
    ) -> SearchResult:
        """Never raises for a malformed query; raises SearchIndexError when there is no usable index."""
        parsed = parse(query)
        live = self.live_dir()
        if live is None:
            raise SearchIndexError("missing", "索引尚未建立 (the index has not been built yet)")
        if parsed.node is None:
            return SearchResult(query, 0, [], {}, parsed.messages, parsed.needles)
        wquery = compile_query(parsed.node)
        filters = [wq.Term("source_name", source)] if source is not None else []
        if month is not None:
            filters.append(wq.Term("month", month))
        ix = self._open(live)
        with self._search_lock:
            s = self._searcher
            if s is None or s.ix_ is not ix:
                if s is not None:
                    s.close()
                s = self._searcher = ix.searcher()
                s.ix_ = ix
            kwargs: dict[str, Any] = {
                "limit": max(1, limit),
                "groupedby": {"source": FieldFacet("source_name"), "month": FieldFacet("month")},
            }
            if filters:
                kwargs["filter"] = wq.And(filters) if len(filters) > 1 else filters[0]
            if sort == "date":
                kwargs["sortedby"] = FieldFacet("date", reverse=True)
            results = s.search(wquery, **kwargs)
            total = len(results)
            counts = {
                name: [(k or "", len(v)) for k, v in results.groups(name).items()]
                for name in ("source", "month")
            }
            facets = {
                # sources by count, months newest first (unknown, "", last)
                "source": sorted(counts["source"], key=lambda kv: (-kv[1], kv[0])),
                "month": sorted(counts["month"], reverse=True),
            }
            hits = [_hit(r, parsed.needles, snippet_chars) for r in results[:limit]]
        return SearchResult(query, total, hits, facets, parsed.messages, parsed.needles)

    def close(self) -> None:
        with self._search_lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
        with self._lock:
            if self._ix is not None:
                self._ix.close()
            self._ix = None


def _close_leaked_files(folder: Path) -> None:
    """Whoosh leaves a table-of-contents file open when it cannot read it (whoosh 2.7
    FileStorage.open_index): close what it left in `folder` instead of leaking it."""
    prefix = str(folder)
    for obj in gc.get_objects():
        leaked = isinstance(obj, io.BufferedReader) and not obj.closed
        if leaked and str(getattr(obj, "name", "")).startswith(prefix):
            obj.close()


def _hold_build_lock(folder: Path) -> Any:
    """An open file holding an exclusive lock for as long as the build of `folder` runs."""
    fh = (folder / "BUILDING").open("w")
    with contextlib.suppress(ImportError, OSError):
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fh


def _being_built(folder: Path) -> bool:
    marker = folder / "BUILDING"
    if not marker.exists():
        return False
    try:
        import fcntl
    except ImportError:  # Windows: trust a marker younger than an hour
        return time.time() - marker.stat().st_mtime < 3600
    with marker.open("a") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    return False


def _hit(r: Any, needles: dict[str, list[str]], width: int) -> Hit:
    stored = r.fields()
    body = stored.get("body", "")
    title = stored.get("title", "")
    any_field = needles.get("", []) + [n for f in ENTITY_FIELD_TYPES for n in needles.get(f, [])]
    # Snippets come from the start of the text: a 5 MB article would cost seconds per search.
    body_hits = find_all(body[:SNIPPET_SCAN], any_field + needles.get("body", []))
    snippet, highlights = make_snippet(body, body_hits, width)
    if not body_hits:
        for extra in ("captions", "subtitles"):
            text = stored.get(extra, "")[:SNIPPET_SCAN]
            spans = find_all(text, any_field + needles.get(extra, []))
            if spans:
                snippet, highlights = make_snippet(text, spans, width)
                break
    return Hit(
        id=stored["id"],
        title=title,
        source=stored.get("source_name", ""),
        date=stored.get("date", ""),
        score=float(r.score or 0.0),
        snippet=snippet,
        highlights=highlights,
        title_highlights=find_all(title, any_field + needles.get("title", [])),
    )


def make_snippet(
    text: str, spans: list[tuple[int, int]], width: int
) -> tuple[str, list[tuple[int, int]]]:
    """A window of about `width` characters around the first hit (on one line), with the hits
    inside it as offsets into the snippet."""
    if not spans:
        line = text[:width].replace("\n", " ")
        return (line + ("…" if len(text) > width else "")), []
    first = spans[0][0]
    start = max(0, first - width // 4)
    end = min(len(text), start + width)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = [
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start
    ]
    return prefix + text[start:end].replace("\n", " ") + suffix, inside


# -- query compilation ----------------------------------------------------------------------------


def _needle_query(fieldname: str, text: str) -> wq.Query | None:
    units = needle_units(text)
    if not units:
        return None
    parts = [
        wq.Prefix(fieldname, u.text) if u.prefix else wq.Term(fieldname, u.text) for u in units
    ]
    if len(parts) == 1:
        return parts[0]
    if not any(u.prefix for u in units):
        return wq.Phrase(fieldname, [u.text for u in units])
    return wq.Sequence(parts)


def _text_query(node: Node) -> wq.Query:
    fields = [node.field] if node.field else list(TEXT_FIELDS)
    parts = [q for f in fields if (q := _needle_query(f, node.text)) is not None]
    if not parts:
        return wq.NullQuery
    return parts[0] if len(parts) == 1 else wq.Or(parts)


def compile_query(node: Node) -> wq.Query:
    if node.kind in ("text", "phrase"):
        return _text_query(node)
    if node.kind == "date":
        if len(node.text) == 10:
            return wq.Term("date", node.text)
        return wq.Prefix("date", node.text)
    if node.kind == "range":
        lo, _, hi = node.text.partition("\x00")
        if hi and len(hi) < 10:
            hi += "\uffff"  # "TO 2022-11" takes in the whole month
        return wq.TermRange("date", lo or None, hi or None)
    if node.kind == "not":
        return wq.And([wq.Every(), wq.Not(compile_query(node.children[0]))])
    if node.kind == "or":
        return wq.Or([compile_query(c) for c in node.children])
    positives = [compile_query(c) for c in node.children if c.kind != "not"]
    negatives = [compile_query(c.children[0]) for c in node.children if c.kind == "not"]
    base: wq.Query = wq.And(positives) if positives else wq.Every()
    if len(positives) == 1:
        base = positives[0]
    if negatives:
        return wq.AndNot(base, wq.Or(negatives) if len(negatives) > 1 else negatives[0])
    return base
