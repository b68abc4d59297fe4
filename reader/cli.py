"""The command line: the same core as the window, without Qt.

press-reader [--corpus DIR]       open the window on the seeds, the user's corpora (and DIR)
press-reader articles [--json]    articles of the bundled seeds and the user's corpora
press-reader problems             files that could not be read, and why
press-reader corpus add|remove|list DIR
press-reader index [--rebuild]    build or update the search index
press-reader search QUERY [--limit N] [--sort date] [--json]
press-reader entities [FILE|-] [--jsonl] [--json]   people, places, organisations, dates, numbers
press-reader marks list [--json]
press-reader marks add ARTICLE_ID START END [--note T] [--tag T] [--colour C]
press-reader marks delete MARK_ID
press-reader marks export [-o FILE] [--format md|csv|json|docx|html] [--style gbt7714|plain]
press-reader marks import FILE.json
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__
from reader.core import corpus as corpus_mod
from reader.core.files import readable_name
from reader.core.ingest import decode
from reader.core.ingest.meta import page_meta
from reader.paths import DataDir, seeds_dir

if TYPE_CHECKING:
    from reader.core.entities import Entity
    from reader.core.entities.store import EntityIndex
    from reader.core.marks import Mark, MarkStore

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_MISSING = 3
EXIT_PROBLEMS = 4


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="press-reader", description="Press Reader (报刊阅读器)")
    p.add_argument("--version", action="version", version=f"press-reader {__version__}")
    p.add_argument("--data-dir", type=Path, help="user data folder (default: platform standard)")
    p.add_argument(
        "--corpus",
        type=Path,
        action="append",
        default=[],
        help="also read this folder or page file in the window, this time only (repeatable)",
    )
    p.add_argument(
        "--self-test",
        action="store_true",
        help="check the app offscreen in a temporary folder: load, index, search, open, "
        "entities, mark, export; one summary line, exit 0 if all worked",
    )
    p.add_argument(
        "--startup-report",
        nargs="?",
        const="loaded",
        choices=["painted", "loaded", "searchable"],
        help=argparse.SUPPRESS,
    )
    sub = p.add_subparsers(dest="command")

    def add_corpus_args(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--corpus",
            type=Path,
            action="append",
            default=[],
            help="a folder of pages (repeatable)",
        )
        sp.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
        sp.add_argument(
            "--max-mb",
            type=float,
            default=decode.DEFAULT_MAX_BYTES / 1048576,
            help="largest file read, in MB",
        )

    a = sub.add_parser("articles", help="list articles")
    add_corpus_args(a)
    a.add_argument("--json", action="store_true", help="print a JSON array")
    pr = sub.add_parser("problems", help="list files that could not be read")
    add_corpus_args(pr)
    pr.add_argument("--json", action="store_true")
    ix = sub.add_parser("index", help="build or update the search index")
    add_corpus_args(ix)
    ix.add_argument("--rebuild", action="store_true", help="build from scratch")
    se = sub.add_parser("search", help="search the index")
    add_corpus_args(se)
    se.add_argument("query", help='e.g. 韦韬, "动态清零", title:疫情 date:2022-11')
    se.add_argument("--limit", type=int, default=20)
    se.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    se.add_argument("--json", action="store_true")
    en = sub.add_parser("entities", help="find people, places, organisations, dates and numbers")
    en.add_argument("file", nargs="?", default="-", help="a text file, or - for standard input")
    en.add_argument(
        "--jsonl", action="store_true", help="one text per line in, one JSON array per line out"
    )
    en.add_argument("--json", action="store_true", help="print one JSON array")
    en.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    pg = sub.add_parser("pages", help="read page files: their source, date, page and articles")
    pg.add_argument("files", type=Path, nargs="+", help="page files (.txt/.md)")
    pg.add_argument(
        "--explain", action="store_true", help="also print each line's class and the reasons"
    )
    pg.add_argument("--max-mb", type=float, default=decode.DEFAULT_MAX_BYTES / 1048576)
    _marks_parser(sub, add_corpus_args)
    c = sub.add_parser("corpus", help="manage the folders the app reads")
    c.add_argument("action", choices=["add", "remove", "list"])
    c.add_argument("folder", type=Path, nargs="?")
    c.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    return p


def _pages(args: argparse.Namespace) -> int:
    """Each file as the page reader sees it; with --explain, why each line was read so."""
    from reader.core.ingest.page import explain, read_page
    from reader.core.ingest.split import split_text

    status = EXIT_OK
    for path in args.files:
        try:
            text = corpus_mod.read_page_text(path, int(args.max_mb * 1048576)).text
        except decode.DecodeError as exc:
            print(f"press-reader: {path}: {exc.message}", file=sys.stderr)
            status = EXIT_MISSING
            continue
        print(f"== {path}")
        model = read_page(text)
        if args.explain:
            print(explain(text))
        else:
            meta = page_meta(path.name, text, {}, model)
            print(
                f"source: {meta.source or '未注明来源'} · date: {meta.date or '未注明日期'}"
                f"{' (inferred)' if meta.date_how == 'inferred' else ''}"
                f" · page: {meta.page or '?'}"
            )
        for d in split_text(text, model):
            first = d.body.replace("\n", " ")[:30]
            mark = "~" if d.title_derived else " "
            print(f"  {mark}{d.title}  | {first}")
    return status


def _roots(args: argparse.Namespace, data: DataDir) -> list[Path]:
    if args.corpus:
        return list(args.corpus)
    return [seeds_dir(), *data.corpora()]


def _load(args: argparse.Namespace, data: DataDir) -> tuple[corpus_mod.Library, list[str]]:
    missing = [str(r) for r in args.corpus if not Path(r).is_dir()]
    lib = corpus_mod.load_library(
        [r for r in _roots(args, data) if str(r) not in missing],
        max_bytes=int(args.max_mb * 1048576),
        overrides=data.overrides(),
    )
    return lib, missing


def _print_list(lib: corpus_mod.Library) -> None:
    for a in lib.articles:
        src = a.source or "未注明来源"
        date = a.date or "未注明日期"
        mark = "*" if a.title_derived else " "
        print(f"{a.id}  {src}  {date}  p{a.page or '-'} {mark}{a.title}")
    print(f"{len(lib.articles)} articles from {len(lib.pages)} pages; {len(lib.problems)} problems")


def _dump(items: list[dict[str, object]]) -> None:
    json.dump(items, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    data = DataDir(getattr(args, "data_dir", None))
    try:
        if args.self_test:
            from reader.selftest import run as self_test

            return self_test()
        if args.command is None:
            from reader.app import run  # Qt is loaded only for the window

            return run(data.path, list(args.corpus), startup_report=args.startup_report)
        if args.command == "corpus":
            return _corpus(args, data)
        if args.command in ("index", "search"):
            return _search_commands(args, data)
        if args.command == "entities":
            return _entities(args, data)
        if args.command == "marks":
            return _marks(args, data)
        if args.command == "pages":
            return _pages(args)
        lib, missing = _load(args, data)
        for m in missing:
            print(f"press-reader: 文件夹不存在 (no such folder): {m}", file=sys.stderr)
        if args.command == "articles":
            if args.json:
                ents = _entity_index(lib, data)
                _dump(
                    [
                        {
                            **a.to_json(),
                            "entities": [e.to_json() for e in ents.article(a.id)],
                            "byline_people": [e.text for e in ents.byline_people(a.id)],
                        }
                        for a in lib.articles
                    ]
                )
            else:
                _print_list(lib)
            return EXIT_MISSING if missing else EXIT_OK
        if args.command == "problems":
            if args.json:
                _dump([p.to_json() for p in lib.problems])
            else:
                for p in lib.problems:
                    print(f"{readable_name(p.corpus)}/{p.file}\t{p.code}\t{p.message}")
                unread = sum(not p.loaded for p in lib.problems)
                repaired = len(lib.problems) - unread
                print(
                    f"{unread} problems in {len(lib.pages) + unread} files"
                    + (f"; {repaired} loaded after a repair" if repaired else "")
                )
            return EXIT_MISSING if missing else EXIT_OK
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    return EXIT_USAGE


def _index(args: argparse.Namespace, data: DataDir, rebuild: bool) -> int:
    """Read the library and bring the index in step, with progress on a terminal."""
    from reader.core.search.index import SearchIndex, writer_processes

    lib, missing = _load(args, data)
    for m in missing:
        print(f"press-reader: 文件夹不存在 (no such folder): {m}", file=sys.stderr)
    tty = sys.stderr.isatty()

    def show(p: corpus_mod.Progress) -> None:
        if tty and p.total:
            print(f"\rindexing {p.done}/{p.total} articles", end="", file=sys.stderr, flush=True)

    ents = _entity_index(lib, data)
    gen = SearchIndex(data.index_dir).sync(
        lib.pages, rebuild=rebuild, procs=writer_processes(), names=ents.names
    )
    report = corpus_mod.drain(gen, show)
    if tty:
        print(file=sys.stderr)
    what = "rebuilt" if report.rebuilt else "updated"
    print(
        f"index {what}: {report.added} pages indexed, {report.removed} removed, "
        f"{report.articles} articles ({data.index_dir})",
        file=sys.stderr,
    )
    return EXIT_MISSING if missing else EXIT_OK


def _search_commands(args: argparse.Namespace, data: DataDir) -> int:
    from reader.core.search.index import SearchIndex, SearchIndexError

    if args.command == "index":
        return _index(args, data, args.rebuild)
    index = SearchIndex(data.index_dir)
    if index.status() != "ok":
        print("press-reader: building the search index first…", file=sys.stderr)
        rc = _index(args, data, False)
        if rc != EXIT_OK:
            return rc
    try:
        result = index.search(args.query, limit=args.limit, sort=args.sort)
    except SearchIndexError as exc:
        print(f"press-reader: {exc.message}", file=sys.stderr)
        return EXIT_PROBLEMS
    for m in result.messages:
        print(f"press-reader: {m}", file=sys.stderr)
    if args.json:
        _dump([h.to_json() for h in result.hits])
        return EXIT_OK
    for h in result.hits:
        snippet = h.snippet
        for s, e in reversed(h.highlights):
            snippet = f"{snippet[:s]}【{snippet[s:e]}】{snippet[e:]}"
        print(f"{h.id}  {h.source or '未注明来源'}  {h.date or '未注明日期'}  {h.title}")
        print(f"    {snippet}")
    print(f"{result.total} articles match; {len(result.hits)} shown")
    return EXIT_OK


def _entity_index(lib: corpus_mod.Library, data: DataDir) -> EntityIndex:
    """The library's entities: cached in the data folder, corrected as the user said."""
    from reader.core.entities.store import Corrections, EntityCache, build_entity_index

    data.path.mkdir(parents=True, exist_ok=True)
    cache = EntityCache(data.entity_cache_file)
    corrections = Corrections(data.entity_corrections_file)
    if corrections.problem:
        print(f"press-reader: {corrections.problem}", file=sys.stderr)
    tty = sys.stderr.isatty()

    def show(p: corpus_mod.Progress) -> None:
        if tty and p.total:
            print(
                f"\rfinding entities {p.done * 100 // p.total}%",
                end="",
                file=sys.stderr,
                flush=True,
            )

    try:
        return corpus_mod.drain(build_entity_index(lib.articles, cache, corrections), show)
    finally:
        cache.close()
        if tty:
            print("\r", end="", file=sys.stderr)


def _entities(args: argparse.Namespace, data: DataDir) -> int:
    from reader.core.entities import extract
    from reader.core.entities.store import Corrections

    if args.file == "-":
        raw = sys.stdin.buffer.read()
    else:
        try:
            raw = Path(args.file).read_bytes()
        except OSError as exc:
            print(
                f"press-reader: 无法读取 (cannot read) {args.file}: {exc.strerror}", file=sys.stderr
            )
            return EXIT_MISSING
    try:
        text = decode.decode_bytes(raw, max_bytes=len(raw) + 1).text if raw else ""
    except decode.DecodeError as exc:
        print(f"press-reader: {args.file}: {exc.message}", file=sys.stderr)
        return EXIT_PROBLEMS
    corrections = Corrections(data.entity_corrections_file)
    if corrections.problem:
        print(f"press-reader: {corrections.problem}", file=sys.stderr)

    def found(t: str) -> list[dict[str, object]]:
        return [e.to_json() for e in corrections.apply(t, extract(t))]

    if args.jsonl:
        for line in text.split("\n"):
            line = line.rstrip("\r")
            print(json.dumps(found(line), ensure_ascii=False))
        return EXIT_OK
    spans = found(text)
    if args.json:
        _dump(spans)
        return EXIT_OK
    for e in spans:
        title = f"  ({e['title']})" if e.get("title") else ""
        print(f"{e['start']:>7}-{e['end']:<7} {e['type']:<7} {e['text']}{title}")
    return EXIT_OK


def _marks_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    add_corpus_args: Callable[[argparse.ArgumentParser], None],
) -> None:
    from reader.core.export import FORMATS, STYLES
    from reader.core.marks import COLOURS

    m = sub.add_parser("marks", help="marked passages: list, add, delete, export, import")
    msub = m.add_subparsers(dest="marks_command", required=True)
    ls = msub.add_parser("list", help="every mark")
    ls.add_argument("--json", action="store_true", help="print a JSON array of marks")
    ls.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    ad = msub.add_parser("add", help="mark body[START:END] of an article (see `articles --json`)")
    add_corpus_args(ad)
    ad.add_argument("article_id")
    ad.add_argument("start", type=int)
    ad.add_argument("end", type=int)
    ad.add_argument("--note", default="")
    ad.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    ad.add_argument("--colour", "--color", default="yellow", help=", ".join(COLOURS))
    rm = msub.add_parser("delete", help="delete a mark")
    rm.add_argument("mark_id")
    rm.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    ex = msub.add_parser("export", help="write marks with their citations to a file")
    add_corpus_args(ex)
    ex.add_argument("-o", "--output", type=Path, help="the file to write (default: print)")
    ex.add_argument("--format", choices=FORMATS, help="default: from the file name, else md")
    ex.add_argument("--style", choices=STYLES, default="gbt7714", help="citation style")
    ex.add_argument("--force", action="store_true", help="replace an existing file")
    ex.add_argument("--text", default="", help="only marks whose quote, note or title has this")
    ex.add_argument("--tag", default="")
    ex.add_argument("--colour", "--color", default="")
    ex.add_argument("--source", default="")
    ex.add_argument("--date", default="", help="a date prefix: 2022, 2022-11, 2022-11-24")
    im = msub.add_parser("import", help="bring back marks from a JSON export (no duplicates)")
    im.add_argument("file", type=Path)
    im.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)


def _open_marks(data: DataDir) -> MarkStore:
    from reader.core.marks import MarkStore

    store = MarkStore(data.marks_file, data.backups_dir)
    if store.problem:
        print(f"press-reader: {store.problem}", file=sys.stderr)
    return store


def _marks(args: argparse.Namespace, data: DataDir) -> int:
    from reader.core.marks import MarkStoreError

    try:
        store = _open_marks(data)
    except MarkStoreError as exc:
        print(f"press-reader: {exc.message}", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        return _marks_command(args, data, store)
    except MarkStoreError as exc:
        print(f"press-reader: {exc.message}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        store.close()


def _marks_command(args: argparse.Namespace, data: DataDir, store: MarkStore) -> int:
    from reader.core import marks as marks_mod

    cmd = args.marks_command
    if cmd == "list":
        found = store.all()
        if args.json:
            _dump([m.to_json() for m in found])
            return EXIT_OK
        for m in found:
            quote = m.quote.replace("\n", " ")
            quote = quote if len(quote) <= 40 else quote[:39] + "…"
            flag = " detached" if m.detached else ""
            tags = f" #{' #'.join(m.tags)}" if m.tags else ""
            print(f"{m.id}  {m.colour:<6} {m.source or '未注明来源'}  {m.date or '未注明日期'}  "
                  f"{m.article_id} [{m.start},{m.end}){flag}  {quote}{tags}")  # fmt: skip
        print(f"{len(found)} marks ({data.marks_file})")
        return EXIT_OK
    if cmd == "delete":
        gone = store.delete(args.mark_id)
        print(("deleted " if gone else "no mark ") + args.mark_id)
        return EXIT_OK if gone else EXIT_MISSING
    if cmd == "import":
        from reader.core.export import read_marks_file

        incoming = read_marks_file(args.file)
        added, updated, same = store.merge(incoming)
        print(f"{added} marks added, {updated} updated, {same} already here ({data.marks_file})")
        return EXIT_OK
    lib, missing = _load(args, data)
    for folder in missing:
        print(f"press-reader: 文件夹不存在 (no such folder): {folder}", file=sys.stderr)
    if cmd == "add":
        article = lib.article(args.article_id)
        if article is None:
            print(f"press-reader: no article {args.article_id} (see `press-reader articles`)",
                  file=sys.stderr)  # fmt: skip
            return EXIT_MISSING
        try:
            colour = marks_mod.colour_of(args.colour)
            mark = marks_mod.new_mark(article, args.start, args.end, colour, args.tag, args.note)
        except ValueError as exc:
            print(f"press-reader: cannot mark that: {exc}", file=sys.stderr)
            return EXIT_USAGE
        store.put(mark)
        print(f"{mark.id}\t{mark.quote}")
        return EXIT_OK
    return _export(args, data, store, lib)


def _export(
    args: argparse.Namespace, data: DataDir, store: MarkStore, lib: corpus_mod.Library
) -> int:
    from reader.core import export as export_mod
    from reader.core.entities.store import EntityCache, entities_for
    from reader.core.marks import MarkFilter, colour_of

    store.reanchor(lib.article, lambda key: lib.articles_of_page(key))
    try:
        colour = colour_of(args.colour) if args.colour else ""
    except ValueError:
        print(f"press-reader: unknown colour {args.colour}", file=sys.stderr)
        return EXIT_USAGE
    chosen = MarkFilter(args.text, args.tag, colour, args.source, args.date)
    marks = [m for m in store.all() if chosen.matches(m)]
    out: Path | None = args.output
    fmt = args.format or (export_mod.format_for(out) if out else None) or "md"
    if out is None and fmt == "docx":
        print("press-reader: a DOCX export needs a file: -o FILE.docx", file=sys.stderr)
        return EXIT_USAGE
    if out is not None and out.exists() and not args.force:
        print(f"press-reader: {out} exists; add --force to replace it", file=sys.stderr)
        return EXIT_USAGE
    cache = EntityCache(None)
    try:
        data.path.mkdir(parents=True, exist_ok=True)
        cache = EntityCache(data.entity_cache_file)
    except (OSError, sqlite3.Error):
        pass

    def entities(m: Mark) -> list[Entity]:
        article = lib.article(m.article_id)
        return entities_for(article.body, cache) if article is not None else []

    target = out
    if out is None:
        import tempfile

        target = Path(tempfile.mkdtemp(prefix="press-reader-")) / f"marks.{fmt}"
    assert target is not None
    try:
        report = corpus_mod.drain(
            export_mod.export(
                marks, target, fmt, entities_for=entities, style=args.style, app_version=__version__
            )
        )
    finally:
        cache.close()
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(target.read_bytes())  # as the file would be (a CSV keeps its BOM)
        sys.stdout.buffer.flush()
        target.unlink()
        target.parent.rmdir()
        return EXIT_OK
    print(f"{report.count} marks written to {out} ({fmt})", file=sys.stderr)
    return EXIT_OK


def _corpus(args: argparse.Namespace, data: DataDir) -> int:
    if args.action == "list":
        for p in data.corpora():
            print(p)
        return EXIT_OK
    if args.folder is None:
        print("press-reader corpus add|remove DIR", file=sys.stderr)
        return EXIT_USAGE
    if args.action == "add":
        if not args.folder.is_dir():
            print(f"press-reader: 文件夹不存在 (no such folder): {args.folder}", file=sys.stderr)
            return EXIT_MISSING
        added = data.add_corpus(args.folder)
        print(("added " if added else "already added ") + str(args.folder.resolve()))
        return EXIT_OK
    removed = data.remove_corpus(args.folder)
    print(("removed " if removed else "not in the list ") + str(args.folder))
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
