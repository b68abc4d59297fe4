"""A library of corpora: walk folders, read pages, split them into articles with stable ids.

Never writes to the user's files. Every file that cannot be read becomes a Problem; the rest loads.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .ingest import decode
from .ingest.meta import (
    ManifestError,
    PageMeta,
    fill_years_from_neighbours,
    load_manifest,
    page_meta,
)
from .ingest.split import Draft, _Similarity, split_text
from .models import Article, Page, Problem, Provenance, Span

PAGE_SUFFIXES = (".txt", ".md", ".markdown")


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    message: str = ""


@dataclass
class Library:
    pages: list[Page] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        return [a for p in self.pages for a in p.articles]

    def article(self, article_id: str) -> Article | None:
        for a in self.articles:
            if a.id == article_id:
                return a
        return None


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
        return PurePosixPath(path.relative_to(root)).as_posix()
    except ValueError:
        return path.name


def corpus_label(root: Path) -> str:
    return root.resolve().name or str(root)


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
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise decode.DecodeError(
            decode.UNREADABLE, f"文件无法读取 (cannot read): {exc.strerror}"
        ) from exc
    if size > max_bytes:
        raise decode.too_large(size, max_bytes)
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise decode.DecodeError(
            decode.UNREADABLE, f"文件无法读取 (cannot read): {exc.strerror}"
        ) from exc
    return decode.decode_bytes(data, max_bytes=max_bytes)


def load_corpus(
    root: Path,
    *,
    max_bytes: int = decode.DEFAULT_MAX_BYTES,
    overrides: dict[str, dict[str, object]] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Progress | Page | Problem]:
    """Yield Progress, then each Page or Problem as it is read."""
    root = Path(root)
    if not root.exists():
        raise CorpusError("missing", f"文件夹不存在 (folder does not exist): {root}")
    if not root.is_dir():
        raise CorpusError("not-a-folder", f"不是文件夹 (not a folder): {root}")
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
    files = list(iter_page_files(root, pending_problems))
    yield from pending_problems
    decoded: list[tuple[Path, str, decode.Decoded]] = []
    total = len(files)
    for i, path in enumerate(files):
        if cancelled is not None and cancelled():
            return
        rel = _rel(root, path)
        try:
            decoded.append((path, rel, read_page_text(path, max_bytes)))
        except decode.DecodeError as exc:
            yield Problem(file=rel, corpus=str(root), code=exc.code, message=exc.message)
        if i % 50 == 0:
            yield Progress(i, total, rel)
    metas: list[tuple[PageMeta, tuple[int, int] | None, str]] = []
    for _path, rel, dec in decoded:
        meta, md = page_meta(rel, dec.text, manifest)
        metas.append((meta, md, rel))
    fill_years_from_neighbours(metas)
    taken: set[str] = set()
    for (path, rel, dec), (meta, _md, _rel2) in zip(decoded, metas, strict=True):
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
        )
        try:
            drafts = split_text(dec.text)
        except Exception as exc:  # a bug in the splitter must not lose the page
            drafts = [
                Draft(
                    title=path.stem,
                    title_derived=True,
                    subtitles=[],
                    column=None,
                    byline=None,
                    paragraphs=[ln.strip() for ln in dec.text.splitlines() if ln.strip()],
                    captions=[],
                    spans=[(0, len(dec.text))],
                )
            ]
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


def load_library(
    roots: list[Path],
    *,
    max_bytes: int = decode.DEFAULT_MAX_BYTES,
    overrides: dict[str, dict[str, object]] | None = None,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Library:
    lib = Library()
    for root in roots:
        try:
            for item in load_corpus(
                root, max_bytes=max_bytes, overrides=overrides, cancelled=cancelled
            ):
                if isinstance(item, Page):
                    lib.pages.append(item)
                elif isinstance(item, Problem):
                    lib.problems.append(item)
                elif progress is not None:
                    progress(item)
        except CorpusError as exc:
            lib.problems.append(
                Problem(file=str(root), corpus=str(root), code=exc.code, message=exc.message)
            )
    link_continuations(lib.pages)
    return lib
