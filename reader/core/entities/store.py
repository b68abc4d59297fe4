"""Entities computed once per text and kept: a cache keyed by content hash, the user's
corrections, and the corpus-wide map of who and what each article mentions."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable, Generator, Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from reader.core.corpus import Progress
from reader.core.entities import EXTRACTOR_VERSION, NAME_TYPES, PERSON, Entity, extract, rules
from reader.core.entities.tagger import MODEL_PATH
from reader.core.files import atomic_write_json
from reader.core.models import Article
from reader.core.search.analysis import fold

CORRECTION_TYPES = NAME_TYPES


@lru_cache(maxsize=1)
def extractor_key() -> str:
    """Changes whenever the extractor could answer differently: its model, word lists or code
    (a bundle without sources relies on EXTRACTOR_VERSION)."""
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    here = Path(__file__).parent
    sources = [here / n for n in ("__init__.py", "features.py", "rules.py", "tagger.py")]
    lists = (rules.COMMON_WORDS_PATH, rules.KNOWN_NAMES_PATH, rules.TRANSLITERATION_CHARS_PATH)
    for path in (MODEL_PATH, *lists, *sources):
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"missing")
    return h.hexdigest()[:16]


def text_key(text: str) -> str:
    return hashlib.sha256((extractor_key() + "\x00" + text).encode("utf-8")).hexdigest()[:32]


class EntityCache:
    """Entities of texts already seen, in one SQLite file in the data folder. It only holds what
    can be computed again, so a damaged file is replaced by an empty one."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        target = ":memory:" if self.path is None else str(self.path)

        def open_db() -> sqlite3.Connection:
            db = sqlite3.connect(target, check_same_thread=False)
            db.execute(
                "CREATE TABLE IF NOT EXISTS entities (key TEXT PRIMARY KEY, data TEXT NOT NULL)"
            )
            db.execute("SELECT count(*) FROM entities").fetchone()
            return db

        try:
            return open_db()
        except sqlite3.DatabaseError:
            assert self.path is not None
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            return open_db()

    def get_many(self, keys: list[str]) -> dict[str, list[Entity]]:
        out: dict[str, list[Entity]] = {}
        with self._lock:
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                marks = ",".join("?" * len(chunk))
                try:
                    rows = self._db.execute(
                        f"SELECT key, data FROM entities WHERE key IN ({marks})", chunk
                    ).fetchall()
                except sqlite3.DatabaseError:
                    return out
                for key, data in rows:
                    try:
                        out[key] = [Entity.from_json(d) for d in json.loads(data)]
                    except (ValueError, KeyError, TypeError):
                        continue
        return out

    def put_many(self, items: Iterable[tuple[str, list[Entity]]]) -> None:
        rows = [(k, json.dumps([e.to_json() for e in v], ensure_ascii=False)) for k, v in items]
        with self._lock:
            try:
                with self._db:
                    self._db.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?)", rows)
            except sqlite3.DatabaseError:
                pass  # a cache: what is not stored is computed again next time

    def close(self) -> None:
        with self._lock:
            self._db.close()


def entities_for(
    text: str, cache: EntityCache | None = None, cancelled: Callable[[], bool] | None = None
) -> list[Entity]:
    """One text's entities (from the cache when it has them); [] when cancelled."""
    key = text_key(text)
    if cache is not None:
        hit = cache.get_many([key]).get(key)
        if hit is not None:
            return hit
    found = extract_in_pieces(text, cancelled)
    if found is None:
        return []
    if cache is not None:
        cache.put_many([(key, found)])
    return found


# Texts longer than this are read in pieces of about this size, cut after a line or sentence
# end, so a build can stop between pieces (a 5 MB article takes about ten seconds).
PIECE = 50_000
_PIECE_END = re.compile("[\n。！？；]")


def extract_in_pieces(
    text: str, cancelled: Callable[[], bool] | None = None
) -> list[Entity] | None:
    """extract(), a piece at a time for a long text; None when cancelled before the end."""
    if len(text) <= PIECE:
        return extract(text)
    found: list[Entity] = []
    start = 0
    while start < len(text):
        if cancelled is not None and cancelled():
            return None
        end = min(len(text), start + PIECE)
        if end < len(text):
            cut = _PIECE_END.search(text, end, min(len(text), end + 2000))
            end = cut.end() if cut else end
        for e in extract(text[start:end]):
            found.append(
                replace(
                    e,
                    start=e.start + start,
                    end=e.end + start,
                    title_start=e.title_start + start if e.title_start >= 0 else -1,
                )
            )
        start = end
    return found


def annotate(
    articles: list[Article],
    cache: EntityCache | None,
    cancelled: Callable[[], bool] | None = None,
) -> Generator[Progress, None, dict[str, list[Entity]]]:
    """Entities of every article's body (article id → entities), computed once per distinct
    text and cached; yields Progress while it extracts."""
    keys = {a.id: text_key(a.body) for a in articles}
    known = cache.get_many(sorted(set(keys.values()))) if cache is not None else {}
    todo = [a for a in articles if keys[a.id] not in known]
    total = sum(len(a.body) for a in todo)
    done = 0
    batch: list[tuple[str, list[Entity]]] = []
    for a in todo:
        if cancelled is not None and cancelled():
            break
        key = keys[a.id]
        if key not in known:
            found = extract_in_pieces(a.body, cancelled)
            if found is None:
                break
            known[key] = found
            batch.append((key, found))
        done += len(a.body)
        if len(batch) >= 50:
            if cache is not None:
                cache.put_many(batch)
            batch = []
            yield Progress(done, total, "entities")
    if cache is not None and batch:
        cache.put_many(batch)
    return {a.id: known[keys[a.id]] for a in articles if keys[a.id] in known}


# -- the user's corrections -----------------------------------------------------------------


class Corrections:
    """What the user told the extractor: a name and its type (PERSON, PLACE, ORG), or that a
    string is not an entity. Kept in a JSON file in the data folder; every change is written at
    once (atomically). A damaged file is set aside and reported, never overwritten silently."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.names: dict[str, str | None] = {}
        self.problem = ""
        self.version = 0
        if path is not None and path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                names = data.get("names", {}) if isinstance(data, dict) else {}
                self.names = {
                    str(k): (v if v in CORRECTION_TYPES else None)
                    for k, v in names.items()
                    if str(k).strip()
                }
            except (OSError, ValueError):
                aside = path.with_name(path.name + ".damaged")
                path.replace(aside)
                self.problem = (
                    f"Entity corrections could not be read; the file was kept as {aside.name}."
                )

    def set(self, text: str, kind: str | None) -> None:
        """`kind` None: "not an entity"; a type: every occurrence of `text` is that type."""
        text = text.strip()
        if not text:
            return
        if kind is not None and kind not in CORRECTION_TYPES:
            raise ValueError(kind)
        self.names[text] = kind
        self._save()

    def _save(self) -> None:
        self.version += 1
        if self.path is not None:
            atomic_write_json(self.path, {"version": 1, "names": self.names})

    def apply(self, text: str, found: list[Entity]) -> list[Entity]:
        if not self.names:
            return found
        out = []
        for e in found:
            if e.text in self.names:
                kind = self.names[e.text]
                if kind is None:
                    continue
                if kind != e.type:
                    e = _make(text, e.start, e.end, kind)
            out.append(e)
        added = []
        for name, kind in self.names.items():
            if kind is None:
                continue
            for m in re.finditer(re.escape(name), text):
                if any(e.start == m.start() and e.end == m.end() for e in out):
                    continue
                added.append(_make(text, m.start(), m.end(), kind))
        if not added:
            return out
        # the user's names win over what they overlap; longer names first
        added.sort(key=lambda e: (-(e.end - e.start), e.start))
        keep: list[Entity] = []
        for e in added:
            if not any(k.start < e.end and e.start < k.end for k in keep):
                keep.append(e)
        rest = [e for e in out if not any(k.start < e.end and e.start < k.end for k in keep)]
        return sorted(rest + keep, key=lambda e: e.start)


def _make(text: str, start: int, end: int, kind: str) -> Entity:
    title, title_start = "", -1
    if kind == PERSON:
        t = rules.title_before(text, start)
        if t is not None:
            title_start, title = t
    return Entity(text[start:end], kind, start, end, title, title_start)


# -- the corpus' entities ---------------------------------------------------------------------


class EntityIndex:
    """Entities per article with the corrections applied, and which articles mention a name."""

    def __init__(
        self,
        raw: dict[str, list[Entity]],
        bodies: dict[str, str],
        corrections: Corrections,
        bylines: dict[str, str] | None = None,
    ) -> None:
        self.raw = raw
        self.bodies = bodies
        self.bylines = bylines or {}
        self.corrections = corrections
        self._per_article: dict[str, list[Entity]] = {}
        self._mentions: dict[tuple[str, str], set[str]] | None = None
        self._version = corrections.version

    def _fresh(self) -> None:
        if self._version != self.corrections.version:
            self._per_article.clear()
            self._mentions = None
            self._version = self.corrections.version

    def add(self, article_id: str, body: str, found: list[Entity], byline: str = "") -> None:
        self.raw[article_id] = found
        self.bodies[article_id] = body
        self.bylines[article_id] = byline
        self._per_article.pop(article_id, None)
        self._mentions = None

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.raw

    def article(self, article_id: str) -> list[Entity]:
        self._fresh()
        if article_id not in self._per_article:
            found = self.raw.get(article_id, [])
            self._per_article[article_id] = self.corrections.apply(
                self.bodies.get(article_id, ""), found
            )
        return self._per_article[article_id]

    def byline_people(self, article_id: str) -> list[Entity]:
        """People in the byline (outside the body: start and end are -1), unless corrected away."""
        out = []
        for name in rules.byline_names(self.bylines.get(article_id, "")):
            if self.corrections.names.get(name, PERSON) == PERSON:
                out.append(
                    Entity(
                        name, PERSON, -1, -1, "记者" if "记者" in self.bylines[article_id] else ""
                    )
                )
        return out

    def _mention_map(self) -> dict[tuple[str, str], set[str]]:
        self._fresh()
        if self._mentions is None:
            m: dict[tuple[str, str], set[str]] = defaultdict(set)
            for aid in self.raw:
                for e in [*self.article(aid), *self.byline_people(aid)]:
                    m[(e.type, mention_key(e.text))].add(aid)
            self._mentions = dict(m)
        return self._mentions

    def articles_mentioning(self, kind: str, text: str) -> set[str]:
        return self._mention_map().get((kind, mention_key(text)), set())

    def names(self, article_id: str) -> dict[str, list[str]]:
        """Distinct names per type in an article (for the search index)."""
        out: dict[str, list[str]] = {k: [] for k in NAME_TYPES}
        for e in [*self.article(article_id), *self.byline_people(article_id)]:
            if e.type in out and e.text not in out[e.type]:
                out[e.type].append(e.text)
        return out


def mention_key(text: str) -> str:
    return fold(text)


def build_entity_index(
    articles: list[Article],
    cache: EntityCache | None,
    corrections: Corrections,
    cancelled: Callable[[], bool] | None = None,
) -> Generator[Progress, None, EntityIndex]:
    """Every article's entities (cached ones at once, the rest extracted) as an EntityIndex."""
    raw = yield from annotate(articles, cache, cancelled)
    bodies = {a.id: a.body for a in articles}
    return EntityIndex(raw, bodies, corrections, {a.id: a.byline or "" for a in articles})
