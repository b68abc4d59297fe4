"""The command line: the same core as the window, without Qt.

press-reader [--corpus DIR]       open the window on the seeds, the user's corpora (and DIR)
press-reader articles [--json]    articles of the bundled seeds and the user's corpora
press-reader problems             files that could not be read, and why
press-reader corpus add|remove|list DIR
press-reader index [--rebuild]    build or update the search index
press-reader search QUERY [--limit N] [--sort date] [--json]
press-reader entities [FILE|-] [--jsonl] [--json]   people, places, organisations, dates, numbers
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__
from reader.core import corpus as corpus_mod
from reader.core.ingest import decode
from reader.paths import DataDir, seeds_dir

if TYPE_CHECKING:
    from reader.core.entities.store import EntityIndex

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
    c = sub.add_parser("corpus", help="manage the folders the app reads")
    c.add_argument("action", choices=["add", "remove", "list"])
    c.add_argument("folder", type=Path, nargs="?")
    c.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    return p


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
        if args.command is None:
            from reader.app import run  # Qt is loaded only for the window

            return run(data.path, list(args.corpus), startup_report=args.startup_report)
        if args.command == "corpus":
            return _corpus(args, data)
        if args.command in ("index", "search"):
            return _search_commands(args, data)
        if args.command == "entities":
            return _entities(args, data)
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
                    print(f"{p.corpus}/{p.file}\t{p.code}\t{p.message}")
                print(f"{len(lib.problems)} problems in {len(lib.pages) + len(lib.problems)} files")
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
