"""Marks: the passages a user marked to quote, kept in SQLite in the data folder.

This is the user's own work, so the store never loses it: WAL with full sync and one
transaction per change, a schema version with migrations, a damaged file set aside (never
deleted) with a fresh one opened, a rolling backup, and a mark whose article changed is placed
again by its quote and context, or kept as "detached" when it cannot be."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from reader.core.corpus import corpus_label
from reader.core.models import Article

SCHEMA_VERSION = 2
CONTEXT = 40  # characters of context kept each side of the quote for re-anchoring
COLOURS = ("yellow", "green", "blue", "pink", "purple")
COLOUR_NAMES_ZH = {"yellow": "黄", "green": "绿", "blue": "蓝", "pink": "粉", "purple": "紫"}
BACKUPS_KEPT = 7
BACKUP_EVERY = timedelta(hours=24)

# Each entry brings a database from version i to i + 1. Entries are only ever appended: a file
# written by any earlier release opens by running the ones it has not seen.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE marks (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        page_key TEXT NOT NULL DEFAULT '',
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        quote TEXT NOT NULL,
        before TEXT NOT NULL DEFAULT '',
        after TEXT NOT NULL DEFAULT '',
        colour TEXT NOT NULL DEFAULT 'yellow',
        tags TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        detached INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL DEFAULT '',
        source TEXT,
        date TEXT,
        page INTEGER,
        byline TEXT
    );
    CREATE INDEX marks_article ON marks (article_id);
    """,
    # 2: whether the article's date was inferred rather than printed (cited as such).
    """
    ALTER TABLE marks ADD COLUMN date_inferred INTEGER NOT NULL DEFAULT 0;
    """,
)

_TAG_SPLIT = re.compile(r"[,，;；、]")
_SPACE = re.compile(r"\s")


class MarkStoreError(Exception):
    """A problem with the marks database or a marks file. `code` is stable; `message` is for
    people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as the user typed them, split on commas, trimmed, without repeats, in order."""
    out: list[str] = []
    for t in tags:
        for piece in _TAG_SPLIT.split(t):
            piece = " ".join(piece.split())
            if piece and piece not in out:
                out.append(piece)
    return tuple(out)


def colour_of(name: str) -> str:
    """A colour's key from its English or Chinese name; ValueError for anything else."""
    key = name.strip().lower()
    for colour, zh in COLOUR_NAMES_ZH.items():
        if key in (colour, zh, zh + "色"):
            return colour
    raise ValueError(name)


@dataclass(frozen=True)
class Mark:
    id: str
    article_id: str
    start: int
    end: int
    quote: str
    before: str = ""
    after: str = ""
    colour: str = "yellow"
    tags: tuple[str, ...] = ()
    note: str = ""
    created: str = ""
    updated: str = ""
    detached: bool = False
    # Where the passage came from, as it was when marked (or last placed): enough to cite it
    # and to find it again when the article's id changes.
    page_key: str = ""
    title: str = ""
    source: str | None = None
    date: str | None = None
    page: int | None = None
    byline: str | None = None
    date_inferred: bool = False  # the date is the reader's inference, not printed on the page
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("extra")
        data["tags"] = list(self.tags)
        return data

    @classmethod
    def from_json(cls, data: object) -> Mark:
        """A mark from an exported record; MarkStoreError("bad-mark") when it is not one."""
        if not isinstance(data, dict):
            raise MarkStoreError("bad-mark", "not a mark record")
        try:
            start, end = int(data["start"]), int(data["end"])
            quote = data["quote"]
            article_id = data["article_id"]
            if not isinstance(quote, str) or not isinstance(article_id, str) or not quote:
                raise ValueError("quote")
            tags = data.get("tags") or []
            if isinstance(tags, str):
                tags = [tags]
            colour = data.get("colour") or "yellow"
            page = data.get("page")
            stamp = now()
            return cls(
                id=str(data.get("id") or uuid.uuid4().hex),
                article_id=article_id,
                start=start,
                end=end,
                quote=quote,
                before=str(data.get("before") or ""),
                after=str(data.get("after") or ""),
                colour=colour if colour in COLOURS else "yellow",
                tags=clean_tags(str(t) for t in tags),
                note=str(data.get("note") or ""),
                created=str(data.get("created") or stamp),
                updated=str(data.get("updated") or data.get("created") or stamp),
                detached=bool(data.get("detached", False)),
                page_key=str(data.get("page_key") or ""),
                title=str(data.get("title") or ""),
                source=_opt_str(data.get("source")),
                date=_opt_str(data.get("date")),
                page=int(page) if isinstance(page, int | str) and str(page).isdigit() else None,
                byline=_opt_str(data.get("byline")),
                date_inferred=bool(data.get("date_inferred", False)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise MarkStoreError("bad-mark", f"not a mark record ({exc})") from exc


def _opt_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def page_key_of(article: Article) -> str:
    """The article's page as corpus folder name and path inside it (as corpus.page_key), so it
    is the same in a checkout, a bundle or another machine."""
    return f"{corpus_label(Path(article.corpus))}/{article.file}"


def new_mark(
    article: Article,
    start: int,
    end: int,
    colour: str = "yellow",
    tags: Iterable[str] = (),
    note: str = "",
) -> Mark:
    """A mark over body[start:end] of an article; ValueError when the range is not in it."""
    body = article.body
    if not (0 <= start < end <= len(body)):
        raise ValueError(f"{start}–{end} is not a passage of a {len(body)}-character article")
    if not body[start:end].strip():
        raise ValueError("only white space is selected")
    if colour not in COLOURS:
        raise ValueError(colour)
    stamp = now()
    return Mark(
        id=uuid.uuid4().hex,
        article_id=article.id,
        start=start,
        end=end,
        quote=body[start:end],
        before=body[max(0, start - CONTEXT) : start],
        after=body[end : end + CONTEXT],
        colour=colour,
        tags=clean_tags(tags),
        note=note,
        created=stamp,
        updated=stamp,
        **_article_fields(article),
    )


def _article_fields(article: Article) -> dict[str, Any]:
    return {
        "page_key": page_key_of(article),
        "title": article.title,
        "source": article.source,
        "date": article.date,
        "page": article.page,
        "byline": article.byline,
        "date_inferred": article.date is not None and article.provenance.date_inferred,
    }


def edited(mark: Mark, **changes: Any) -> Mark:
    """The mark with a new colour, tags (as typed) or note, and its `updated` time now;
    ValueError for anything else."""
    unknown = set(changes) - {"colour", "tags", "note"}
    if unknown:
        raise ValueError(", ".join(sorted(unknown)))
    if "tags" in changes:
        changes["tags"] = clean_tags(changes["tags"])
    if "colour" in changes and changes["colour"] not in COLOURS:
        raise ValueError(changes["colour"])
    return replace(mark, **changes, updated=now())


# -- re-anchoring --------------------------------------------------------------------------------
def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _squeeze(text: str) -> tuple[str, list[int]]:
    """The text without white space, and each kept character's position in the original."""
    kept = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in kept), kept


def anchor(mark: Mark, body: str) -> tuple[int, int] | None:
    """Where the mark's passage is in `body`: its own offsets when the text there is unchanged,
    else the occurrence of its quote whose surroundings best match the context it kept (white
    space ignored if needed, since a better repair of the layout moves line breaks); None when
    the quote is no longer there."""
    if body[mark.start : mark.end] == mark.quote:
        return mark.start, mark.end
    best: tuple[int, int, int] | None = None  # (score, start, end)

    def consider(start: int, end: int, before: str, after: str, near: str, far: str) -> None:
        nonlocal best
        score = _common_suffix(near, before) + _common_prefix(far, after)
        score = score * 10_000 - abs(start - mark.start) // 100  # ties: the nearest
        if best is None or score > best[0]:
            best = (score, start, end)

    quote = mark.quote
    pos = body.find(quote)
    while pos >= 0:
        end = pos + len(quote)
        consider(pos, end, body[max(0, pos - CONTEXT) : pos], body[end : end + CONTEXT],
                 mark.before, mark.after)  # fmt: skip
        pos = body.find(quote, pos + 1)
    if best is not None:
        return best[1], best[2]
    squeezed, where = _squeeze(body)
    needle = _squeeze(quote)[0]
    if not needle:
        return None
    near, far = _squeeze(mark.before)[0], _squeeze(mark.after)[0]
    pos = squeezed.find(needle)
    while pos >= 0:
        end = pos + len(needle)
        consider(where[pos], where[end - 1] + 1, squeezed[max(0, pos - CONTEXT) : pos],
                 squeezed[end : end + CONTEXT], near, far)  # fmt: skip
        pos = squeezed.find(needle, pos + 1)
    return (best[1], best[2]) if best is not None else None


def place(mark: Mark, candidates: list[Article]) -> Mark:
    """The mark placed in the first of `candidates` (its own article first, then the others of
    its page) that still holds its quote; unchanged but detached when none does. The quote the
    user marked is kept as it was: it is what they chose to cite."""
    for article in candidates:
        found = anchor(mark, article.body)
        if found is None:
            continue
        start, end = found
        body = article.body
        placed = replace(
            mark,
            article_id=article.id,
            start=start,
            end=end,
            before=body[max(0, start - CONTEXT) : start],
            after=body[end : end + CONTEXT],
            detached=False,
            **_article_fields(article),
        )
        return placed
    return mark if mark.detached else replace(mark, detached=True)


# -- the store -------------------------------------------------------------------------------------
_COLUMNS = (
    "id", "article_id", "page_key", "start", "end", "quote", "before", "after", "colour", "tags",
    "note", "created", "updated", "detached", "title", "source", "date", "page", "byline",
    "date_inferred",
)  # fmt: skip
_SELECT = "SELECT " + ", ".join(f'"{c}"' for c in _COLUMNS) + " FROM marks"
_UPSERT = (
    "INSERT OR REPLACE INTO marks ("
    + ", ".join(f'"{c}"' for c in _COLUMNS)
    + ") VALUES ("
    + ", ".join("?" * len(_COLUMNS))
    + ")"
)


def _row(mark: Mark) -> tuple[Any, ...]:
    data = mark.to_json()
    data["tags"] = json.dumps(list(mark.tags), ensure_ascii=False)
    data["detached"] = int(mark.detached)
    data["date_inferred"] = int(mark.date_inferred)
    return tuple(data[c] for c in _COLUMNS)


def _mark(row: tuple[Any, ...]) -> Mark:
    data = dict(zip(_COLUMNS, row, strict=True))
    try:
        tags = json.loads(data["tags"])
    except ValueError:
        tags = []
    data["tags"] = clean_tags(str(t) for t in tags) if isinstance(tags, list) else ()
    data["detached"] = bool(data["detached"])
    data["date_inferred"] = bool(data["date_inferred"])
    return Mark(**data)


def _set_wal(db: sqlite3.Connection, wait: float = 5.0) -> None:
    """Switch to WAL. SQLite answers "database is locked" at once, without its busy handler,
    while another process holds a lock on a file still in rollback mode (two first launches
    creating it together); so wait and try again, as the busy timeout would."""
    deadline = time.monotonic() + wait
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _later(a: str, b: str) -> bool:
    """Whether time stamp `a` is after `b` (ISO 8601, any offsets; text order if unparsable)."""
    try:
        return datetime.fromisoformat(a) > datetime.fromisoformat(b)
    except (TypeError, ValueError):
        return a > b


class MarkStore:
    """The marks database. Every change is one committed transaction before the call returns.

    A file that is not a readable marks database is renamed aside (never deleted) and a fresh
    one opened; `problem` then says so, for the UI to show. A file written by a newer release is
    opened read-only, so it is never changed into something that release cannot read."""

    def __init__(self, path: Path | None, backups: Path | None = None) -> None:
        self.path = path
        self.backups = backups
        self.problem = ""
        self.set_aside: Path | None = None
        self.read_only = False
        self._db = self._open()
        self._last_backup: datetime | None = None
        self.backup_if_due()

    @classmethod
    def copy_in_memory(cls, path: Path) -> tuple[MarkStore, str]:
        """A store in memory holding the marks that can be read from `path`, which is opened
        read-only and never changed: for a session that may not write the data folder, or whose
        database is locked by another program. Returns the store and why reading failed."""
        store = cls(None)
        if not path.exists():
            return store, ""
        try:
            store.put_many(read_marks_db(path))
        except sqlite3.Error as exc:
            return store, str(exc)
        return store, ""

    def recover(self, sources: Iterable[Path]) -> tuple[int, list[str]]:
        """Merge the marks that can still be read from other database files (a backup, the
        damaged file set aside) into this store. Returns how many were added and, per source
        that could not be read, why."""
        added, failures = 0, []
        for source in sources:
            try:
                found = read_marks_db(source)
            except sqlite3.Error as exc:
                failures.append(f"{source.name}: {exc}")
                continue
            added += self.merge(found)[0]
        return added, failures

    # -- opening -----------------------------------------------------------------------------
    def _connect(self, read_only: bool = False) -> sqlite3.Connection:
        if self.path is None:
            db = sqlite3.connect(":memory:", isolation_level=None)
        elif read_only:
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                 isolation_level=None)  # fmt: skip
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(str(self.path), isolation_level=None)
        db.execute("PRAGMA busy_timeout = 5000")
        return db

    def _open(self) -> sqlite3.Connection:
        try:
            db = self._connect()
            self._check(db)
        except MarkStoreError as exc:
            if exc.code != "newer":
                raise
            self.read_only = True
            self.problem = exc.message
            return self._connect(read_only=True)
        except sqlite3.DatabaseError as exc:
            # Locked, unreadable or on a failing disk: the file may be fine, so it stays put.
            if self.path is None or isinstance(exc, sqlite3.OperationalError):
                raise MarkStoreError(
                    "unavailable", f"The marks database cannot be opened: {exc}"
                ) from exc
            self.set_aside = self._set_aside()
            self.problem = (
                f"The marks database was damaged ({exc}). It was kept as {self.set_aside.name}; "
                f"a new one was started. Backups are in {self.backups or 'the data folder'}."
            )
            db = self._connect()
            self._check(db)
        return db

    def _check(self, db: sqlite3.Connection) -> None:
        ok = db.execute("PRAGMA quick_check").fetchone()
        if not ok or ok[0] != "ok":
            db.close()
            raise sqlite3.DatabaseError(f"integrity check: {ok[0] if ok else 'no answer'}")
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            db.close()
            raise MarkStoreError(
                "newer",
                f"The marks database was written by a newer Press Reader (schema {version}); "
                "it is open read-only.",
            )
        if self.path is not None:
            _set_wal(db)
            # FULL: a committed mark survives a power cut, not only a crash of the app
            db.execute("PRAGMA synchronous = FULL")
        if version < SCHEMA_VERSION and version > 0:
            self._backup_to(db, "before-migration")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            db.execute("BEGIN IMMEDIATE")
            try:
                # Another process (a second instance, the command line) may have migrated the
                # file since we looked: look again under the write lock.
                if int(db.execute("PRAGMA user_version").fetchone()[0]) >= target:
                    db.execute("COMMIT")
                    continue
                for statement in MIGRATIONS[target - 1].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {target}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def _set_aside(self) -> Path:
        assert self.path is not None
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{n}")
        self.path.rename(target)
        for suffix in ("-wal", "-shm"):
            side = Path(str(self.path) + suffix)
            if side.exists():
                side.rename(Path(str(target) + suffix))
        return target

    # -- reading -------------------------------------------------------------------------------
    def all(self) -> list[Mark]:
        rows = self._db.execute(_SELECT + " ORDER BY created, rowid").fetchall()
        return [_mark(r) for r in rows]

    def get(self, mark_id: str) -> Mark | None:
        row = self._db.execute(_SELECT + " WHERE id = ?", (mark_id,)).fetchone()
        return _mark(row) if row else None

    def for_article(self, article_id: str) -> list[Mark]:
        rows = self._db.execute(_SELECT + ' WHERE article_id = ? ORDER BY start, "end"',
                                (article_id,)).fetchall()  # fmt: skip
        return [_mark(r) for r in rows]

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM marks").fetchone()[0])

    # -- changing: one transaction each ------------------------------------------------------
    @contextmanager
    def _change(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise MarkStoreError("read-only", self.problem or "The marks database is read-only.")
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def put(self, mark: Mark) -> Mark:
        """Add a mark, or replace the one with its id."""
        with self._change() as db:
            db.execute(_UPSERT, _row(mark))
        return mark

    def put_many(self, marks: Iterable[Mark]) -> None:
        """Several marks as one change (re-anchoring after a reload)."""
        with self._change() as db:
            db.executemany(_UPSERT, [_row(m) for m in marks])

    def update(self, mark_id: str, **changes: Any) -> Mark:
        """Change a mark's colour, tags or note; its `updated` time follows."""
        mark = self.get(mark_id)
        if mark is None:
            raise MarkStoreError("missing", f"no mark {mark_id}")
        return self.put(edited(mark, **changes))

    def delete(self, mark_id: str) -> Mark | None:
        """Remove a mark; returns it (to undo with put) or None if there was none."""
        mark = self.get(mark_id)
        if mark is not None:
            with self._change() as db:
                db.execute("DELETE FROM marks WHERE id = ?", (mark_id,))
        return mark

    def merge(self, marks: Iterable[Mark]) -> tuple[int, int, int]:
        """Bring in marks from an export without duplicates: a mark already here (same id, or the
        same passage of the same article) is kept, or replaced when the incoming one was edited
        later. Returns (added, updated, unchanged); one transaction."""
        added = updated = same = 0
        with self._change() as db:
            for m in marks:
                row = db.execute(_SELECT + " WHERE id = ?", (m.id,)).fetchone()
                if row is None:
                    row = db.execute(
                        _SELECT + ' WHERE article_id = ? AND start = ? AND "end" = ? AND quote = ?',
                        (m.article_id, m.start, m.end, m.quote),
                    ).fetchone()
                if row is None:
                    db.execute(_UPSERT, _row(m))
                    added += 1
                    continue
                old = _mark(row)
                if _later(m.updated, old.updated) and (old.colour, old.tags, old.note) != (
                    m.colour,
                    m.tags,
                    m.note,
                ):
                    db.execute(_UPSERT, _row(replace(m, id=old.id)))
                    updated += 1
                else:
                    same += 1
        return added, updated, same

    def reanchor(self, article: Callable[[str], Article | None],
                 page: Callable[[str], list[Article]]) -> list[Mark]:  # fmt: skip
        """Place every mark again in the library as loaded now: `article` finds an article by id,
        `page` lists the articles of a page key. Marks whose article and page are not loaded stay
        as they are (their folder may just be absent today). Returns the marks that changed."""
        changed = []
        for m in self.all():
            own = article(m.article_id)
            candidates = [own] if own is not None else []
            candidates += [a for a in page(m.page_key) if a is not own]
            if not candidates:
                continue
            placed = place(m, candidates)
            if placed != m:
                changed.append(placed)
        if changed and not self.read_only:
            self.put_many(changed)
        return changed

    # -- backups -------------------------------------------------------------------------------------
    def backup_if_due(self) -> Path | None:
        """Copy the database into the backups folder when the newest copy is a day old (or there
        is none) and there is something to keep; only the newest BACKUPS_KEPT copies stay."""
        if self.backups is None or self.path is None or self.read_only or len(self) == 0:
            return None
        copies = self.backup_files()
        if copies:
            try:
                newest = datetime.strptime(copies[-1].stem[6:21], "%Y%m%d-%H%M%S")
                if datetime.now() - newest < BACKUP_EVERY:
                    return None
            except ValueError:
                pass
        return self._backup_to(self._db, "")

    def backup_files(self) -> list[Path]:
        if self.backups is None or not self.backups.is_dir():
            return []
        return sorted(self.backups.glob("marks-*.sqlite"))

    def _backup_to(self, db: sqlite3.Connection, why: str) -> Path | None:
        if self.backups is None:
            return None
        try:
            self.backups.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target = self.backups / f"marks-{stamp}{'-' + why if why else ''}.sqlite"
            dest = sqlite3.connect(str(target))
            try:
                db.backup(dest)
            finally:
                dest.close()
        except (OSError, sqlite3.Error):
            return None  # a backup that cannot be written must not stop the user's work
        for old in self.backup_files()[:-BACKUPS_KEPT]:
            old.unlink(missing_ok=True)
        return target

    def close(self) -> None:
        with suppress(sqlite3.Error):
            self._db.close()


def read_marks_db(path: Path) -> list[Mark]:
    """Every mark that can be read from a marks database (opened read-only; rows that cannot be
    decoded are skipped). Raises sqlite3.Error when the file cannot be read at all."""
    try:
        rows = _read_rows(path)
    except sqlite3.OperationalError:
        # A WAL database in a folder we may not write cannot be opened even read-only (SQLite
        # needs its -shm file): read a copy of it, with its -wal, from a temporary folder.
        with tempfile.TemporaryDirectory(prefix="press-reader-marks-") as tmp:
            copy = Path(tmp) / path.name
            try:
                shutil.copyfile(path, copy)
                wal = Path(f"{path}-wal")
                if wal.exists():
                    shutil.copyfile(wal, Path(f"{copy}-wal"))
            except OSError as exc:
                raise sqlite3.OperationalError(str(exc)) from exc
            rows = _read_rows(copy)
    out = []
    for row in rows:
        with suppress(KeyError, TypeError, ValueError):
            out.append(_mark(row))
    return out


def _read_rows(path: Path) -> list[tuple[Any, ...]]:
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        db.execute("PRAGMA busy_timeout = 2000")
        return db.execute(_SELECT).fetchall()
    finally:
        db.close()


# -- choosing marks --------------------------------------------------------------------------------
@dataclass(frozen=True)
class MarkFilter:
    """Which marks to show or export: every given criterion must hold. Text is matched in the
    quote, note, title and tags, ignoring case and traditional/simplified forms."""

    text: str = ""
    tag: str = ""
    colour: str = ""
    source: str = ""
    date: str = ""  # a prefix: 2022, 2022-11, 2022-11-24

    def __bool__(self) -> bool:
        return any((self.text.strip(), self.tag, self.colour, self.source, self.date.strip()))

    def matches(self, mark: Mark) -> bool:
        from reader.core.search.analysis import fold

        if self.colour and mark.colour != self.colour:
            return False
        if self.tag and self.tag not in mark.tags:
            return False
        if self.source and (mark.source or "") != self.source:
            return False
        if self.date.strip() and not (mark.date or "").startswith(self.date.strip()):
            return False
        words = fold(self.text).split()
        if words:
            hay = fold(" ".join([mark.quote, mark.note, mark.title, *mark.tags]))
            return all(w in hay for w in words)
        return True
