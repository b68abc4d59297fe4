"""A library of corpora: walk folders, read pages, split them into articles with stable ids.

Never writes to the user's files. Every file that cannot be read becomes a Problem; the rest loads.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TypeVar

from .files import readable_name
from .ingest import decode
from .ingest.meta import (
    ManifestError,
    PageMeta,
    fill_from_same_issue,
    load_manifest,
    page_meta,
)
from .ingest.page import PageModel, read_page
from .ingest.split import Draft, _Similarity, split_text
from .models import Article, Page, Problem, Provenance, Span

PAGE_SUFFIXES = (".txt", ".md", ".markdown")
# The code of a Problem about a file that loaded after a repair (see Problem.loaded).
REPAIRED = "repaired"


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    message: str = ""


@dataclass
class Library:
    pages: list[Page] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _by_id: dict[str, tuple[Page, Article]] = field(default_factory=dict, repr=False)

    @property
    def articles(self) -> list[Article]:
        return [a for p in self.pages for a in p.articles]

    def _index(self) -> dict[str, tuple[Page, Article]]:
        if len(self._by_id) != sum(len(p.articles) for p in self.pages):
            self._by_id = {a.id: (p, a) for p in self.pages for a in p.articles}
        return self._by_id

    def article(self, article_id: str) -> Article | None:
        hit = self._index().get(article_id)
        return hit[1] if hit else None

    def page_of(self, article_id: str) -> Page | None:
        hit = self._index().get(article_id)
        return hit[0] if hit else None

    def articles_of_page(self, key: str) -> list[Article]:
        """The articles of the page with this page_key (corpus folder name / path inside)."""
        return [a for p in self.pages if page_key(p) == key for a in p.articles]

    def merge(self, other: Library) -> None:
        """Add another library's pages and problems; a file already loaded is replaced."""
        fresh = {p.path for p in other.pages}
        self.pages = [p for p in self.pages if p.path not in fresh] + other.pages
        again = {(q.corpus, q.file) for q in other.problems} | {
            (p.corpus, p.file) for p in other.pages
        }
        self.problems = [q for q in self.problems if (q.corpus, q.file) not in again]
        self.problems += other.problems
        self._by_id = {}
        link_continuations(self.pages)


def page_key(page: Page) -> str:
    """The key of a page's metadata override: corpus folder name and path inside it."""
    return f"{corpus_label(Path(page.corpus))}/{page.file}"


def apply_override(page: Page, source: str | None, date: str | None) -> None:
    """Give a page (and so its articles) a source and date chosen by the user."""
    _set_meta(page, source, date, Provenance("override", "override", page.provenance.page))


def clear_override(page: Page) -> None:
    """Back to the source and date found in the files."""
    if page.detected is not None:
        _set_meta(page, *page.detected)


def _set_meta(page: Page, source: str | None, date: str | None, prov: Provenance) -> None:
    page.source, page.date, page.provenance = source, date, prov
    for a in page.articles:
        a.source, a.date, a.provenance = source, date, prov


class CorpusError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def iter_page_files(root: Path, problems: list[Problem] | None = None) -> Iterator[Path]:
    """Page files below root, recursively, in a stable order; symlink loops are not followed
    twice; unreadable folders are reported, not fatal."""
    seen: set[tuple[int, int]] = set()

    def onerror(err: OSError) -> None:
        if problems is not None:
            problems.append(
                Problem(
                    file=_rel(root, Path(err.filename or root)),
                    corpus=str(root),
                    code=decode.UNREADABLE,
                    message=f"文件夹无法读取 (folder unreadable): {err.strerror}",
                )
            )

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=onerror):
        try:
            st = os.stat(dirpath)
            key = (st.st_dev, st.st_ino)
        except OSError:
            continue
        if key in seen:
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(PAGE_SUFFIXES):
                continue
            yield Path(dirpath) / name


def _rel(root: Path, path: Path) -> str:
    try:
        return readable_name(PurePosixPath(path.relative_to(root)).as_posix())
    except ValueError:
        return readable_name(path.name)


def corpus_label(root: Path) -> str:
    return readable_name(root.resolve().name or str(root))


def article_id(label: str, rel: str, draft: Draft, taken: set[str]) -> str:
    """Stable across runs and machines: corpus folder name, path inside it, and the article's
    opening words (its position breaks ties)."""
    anchor = (draft.paragraphs[0] if draft.paragraphs else draft.title)[:24]
    base = hashlib.sha1(f"{label}\x00{rel}\x00{anchor}".encode()).hexdigest()[:12]
    aid, n = base, 1
    while aid in taken:
        n += 1
        aid = f"{base}-{n}"
    taken.add(aid)
    return aid


def read_page_text(path: Path, max_bytes: int) -> decode.Decoded:
    """Read and decode one page file. Pipes and devices are refused without being read (opening
    a pipe for reading would wait forever for a writer); a file that grew past the limit while
    being read is refused like one that was too large from the start."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _unreadable(exc) from exc
    with os.fdopen(fd, "rb") as fh:
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise decode.DecodeError(
                    decode.NOT_A_FILE,
                    "不是普通文件（管道或设备），已跳过 (not a regular file: a pipe or a device)",
                )
            if st.st_size > max_bytes:
                raise decode.too_large(st.st_size, max_bytes)
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise _unreadable(exc) from exc
    return decode.decode_bytes(data, max_bytes=max_bytes)


def _unreadable(exc: OSError) -> decode.DecodeError:
    if isinstance(exc, FileNotFoundError):
        return decode.DecodeError(
            decode.UNREADABLE, "文件已不存在：被移走、删除，或是断开的链接 (the file is gone)"
        )
    if isinstance(exc, PermissionError):
        return decode.DecodeError(
            decode.UNREADABLE, f"没有读取权限 (permission denied): {exc.strerror}"
        )
    return decode.DecodeError(decode.UNREADABLE, f"文件无法读取 (cannot read): {exc.strerror}")


def load_corpus(
    root: Path,
    *,
    max_bytes: int = decode.DEFAULT_MAX_BYTES,
    overrides: dict[str, dict[str, object]] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Progress | Page | Problem]:
    """Yield Progress, then each Page or Problem as it is read.

    `root` is a folder of pages, or a single page file (read as part of the folder it is in, so
    it gets the same id, manifest entry and override as when that folder itself is opened)."""
    root = Path(root)
    if not root.exists():
        raise CorpusError("missing", f"文件夹不存在 (folder does not exist): {root}")
    only: Path | None = None
    if not root.is_dir():
        if not root.name.lower().endswith(PAGE_SUFFIXES):
            raise CorpusError(
                "not-a-page", f"不是 .txt/.md 文件或文件夹 (not a .txt/.md file or folder): {root}"
            )
        only, root = root, root.parent
    label = corpus_label(root)
    pending_problems: list[Problem] = []
    try:
        manifest = load_manifest(root)
    except ManifestError as exc:
        manifest = {}
        pending_problems.append(
            Problem(
                file=_rel(root, Path(exc.path)),
                corpus=str(root),
                code="manifest",
                message=exc.message,
            )
        )
    files = [only] if only is not None else list(iter_page_files(root, pending_problems))
    yield from pending_problems
    decoded: list[tuple[Path, str, decode.Decoded]] = []
    total = len(files)
    for i, path in enumerate(files):
        if cancelled is not None and cancelled():
            return
        rel = _rel(root, path)
        try:
            dec = read_page_text(path, max_bytes)
        except decode.DecodeError as exc:
            yield Problem(file=rel, corpus=str(root), code=exc.code, message=exc.message)
        else:
            decoded.append((path, rel, dec))
            if dec.notes:
                note = "；".join(dec.notes)
                yield Problem(rel, REPAIRED, note, corpus=str(root), loaded=True)
        if i % 50 == 0:
            yield Progress(i, total, rel)
    metas: list[tuple[PageMeta, str]] = []
    # Each page's model is read once, for its metadata and then for its articles.
    models: list[PageModel | None] = []
    for _path, rel, dec in decoded:
        try:
            model = read_page(dec.text)
        except Exception:  # a bug in the page model must not lose the page: read it plain
            model = PageModel([], 0.0)
        models.append(model)
        metas.append((page_meta(rel, dec.text, manifest, model), rel))
    fill_from_same_issue(metas)
    taken: set[str] = set()
    for i, ((path, rel, dec), (meta, _rel2)) in enumerate(zip(decoded, metas, strict=True)):
        if cancelled is not None and cancelled():
            return
        over = (overrides or {}).get(f"{label}/{rel}", {})
        source = over.get("source", meta.source)
        date = over.get("date", meta.date)
        prov = Provenance(
            source="override" if "source" in over else meta.source_how,
            date="override" if "date" in over else meta.date_how,
            page=meta.page_how,
        )
        page = Page(
            file=rel,
            corpus=str(root),
            path=str(path),
            encoding=dec.encoding,
            original=dec.text,
            source=source if isinstance(source, str) else None,
            date=date if isinstance(date, str) else None,
            page=meta.page,
            provenance=prov,
            content_hash=hashlib.sha256(dec.text.encode("utf-8")).hexdigest(),
            detected=(
                meta.source,
                meta.date,
                Provenance(source=meta.source_how, date=meta.date_how, page=meta.page_how),
            ),
        )
        try:
            # A page the splitter finds no article in (only symbols, say) is shown as it is.
            page_model, models[i] = models[i], None
            drafts = split_text(dec.text, page_model) or [_raw_draft(path, dec.text)]
        except Exception as exc:  # a bug in the splitter must not lose the page
            drafts = [_raw_draft(path, dec.text)]
            yield Problem(
                file=rel,
                corpus=str(root),
                code="split-failed",
                message=f"版面整理失败，按原文显示 (layout repair failed: {exc!r})",
            )
        for d in drafts:
            page.articles.append(_article(page, label, rel, d, taken))
        yield page
    yield Progress(total, total, "")


def _raw_draft(path: Path, text: str) -> Draft:
    """The whole page as one article, its lines as paragraphs, titled by the file name."""
    return Draft(
        title=readable_name(path.stem),
        title_derived=True,
        subtitles=[],
        column=None,
        byline=None,
        paragraphs=[ln.strip() for ln in text.splitlines() if ln.strip()],
        captions=[],
        spans=[(0, len(text))],
    )


def _article(page: Page, label: str, rel: str, d: Draft, taken: set[str]) -> Article:
    art = Article(
        id=article_id(label, rel, d, taken),
        file=rel,
        corpus=page.corpus,
        source=page.source,
        date=page.date,
        page=page.page,
        title=d.title,
        title_derived=d.title_derived,
        subtitles=d.subtitles,
        byline=d.byline,
        body=d.body,
        captions=d.captions,
        column=d.column,
        provenance=page.provenance,
        spans=[Span(a, b) for a, b in d.spans],
        continues_to_page=d.continues_to_page,
        continued_from_page=d.continued_from_page,
    )
    return art


def link_continuations(pages: list[Page]) -> None:
    """Link '(下转第N版)' articles with '(上接…)' articles on page N of the same paper and date."""
    by_key: dict[tuple[str, str, int], Page] = {}
    for p in pages:
        if p.source and p.date and p.page:
            by_key.setdefault((p.source, p.date, p.page), p)
    for p in pages:
        for a in p.articles:
            if a.continues_to_page is None or a.continues_to or not (p.source and p.date):
                continue
            target = by_key.get((p.source, p.date, a.continues_to_page))
            if target is None:
                continue
            cands = [
                b
                for b in target.articles
                if b.continued_from_page is not None and b.continued_from is None
            ]
            if not cands:
                continue
            sim = _Similarity([b.body for b in target.articles] + [a.body])
            best = max(
                cands, key=lambda b: (b.continued_from_page == p.page, sim(b.body[:1500], a.body))
            )
            a.continues_to = best.id
            best.continued_from = a.id
            if not best.title or best.title_derived:
                best.title = f"{a.title}（续）"
                best.title_derived = True


def iter_library(
    roots: list[Path],
    *,
    max_bytes: int = decode.DEFAULT_MAX_BYTES,
    overrides: dict[str, dict[str, object]] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Generator[Progress, None, Library]:
    """Read every root (folder or page file), yielding Progress; return the Library.

    A file reached twice (a folder and a file inside it, or the same folder twice) loads once."""
    lib = Library()
    seen: set[str] = set()
    for n, root in enumerate(roots):
        try:
            for item in load_corpus(
                root, max_bytes=max_bytes, overrides=overrides, cancelled=cancelled
            ):
                if isinstance(item, Page):
                    real = os.path.realpath(item.path)
                    if real not in seen:
                        seen.add(real)
                        lib.pages.append(item)
                elif isinstance(item, Problem):
                    lib.problems.append(item)
                else:
                    yield Progress(item.done, item.total, f"{n + 1}/{len(roots)} {item.message}")
        except CorpusError as exc:
            lib.problems.append(
                Problem(file=str(root), corpus=str(root), code=exc.code, message=exc.message)
            )
        if cancelled is not None and cancelled():
            break
    link_continuations(lib.pages)
    return lib


def load_library(
    roots: list[Path],
    *,
    max_bytes: int = decode.DEFAULT_MAX_BYTES,
    overrides: dict[str, dict[str, object]] | None = None,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Library:
    gen = iter_library(roots, max_bytes=max_bytes, overrides=overrides, cancelled=cancelled)
    return drain(gen, progress)


T = TypeVar("T")


def drain(
    gen: Generator[Progress, None, T], progress: Callable[[Progress], None] | None = None
) -> T:
    """Run a job generator to the end (reporting its Progress) and return its result."""
    while True:
        try:
            item = next(gen)
        except StopIteration as stop:
            result: T = stop.value
            return result
        if progress is not None:
            progress(item)
