"""Score the page reader against an answer key (the real-pages-dev set, or any set of that shape).

    python tools/score_pages.py ../shared/corpora/real-pages-dev [--per-page] [--json]

The key (key.json) gives, per page file: `starts` (the first characters of each article body, or
of its run-in headline), `titles` (each article's headline, in the order of `starts`), `optional`
starts (splitting or not there costs nothing), `extra_ok` (furniture or fragments that may stand
as their own item), `source_any` (any of these names is right), `date_from`/`date_to` (the issue
date) and `page`; and `layout_repairs`, strings that are only found when a cut is mended.

Figures, each over all pages (snippets compared with all white space removed):
- start recall: key starts that open an item the reader made (its body, or its title + body);
- precision: items that open a key start or an optional start, among items that are not
  furniture listed in extra_ok;
- strict precision: items that open a key start, among all items;
- headline accuracy: found starts whose item's title is the key's title (white space and
  trailing punctuation ignored);
- source, date, page: pages where the reader's value is right ("unknown" is wrong);
- repairs: layout repairs found in some item's body.

Nothing here is shipped: the key's pages are for developing and testing only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.core.corpus import load_library  # noqa: E402

_WS = re.compile(r"\s+")


def norm(s: str) -> str:
    return _WS.sub("", s)


def norm_title(s: str) -> str:
    return norm(s).rstrip("：:。，,")


@dataclass
class PageScore:
    file: str
    starts: int = 0
    found: int = 0
    items: int = 0
    furniture_items: int = 0
    good_items: int = 0
    strict_items: int = 0
    titles_right: int = 0
    source_ok: bool = False
    date_ok: bool = False
    page_ok: bool = False
    repairs: int = 0
    repairs_found: int = 0
    source: str | None = None
    date: str | None = None
    page: int | None = None
    missed: list[str] = field(default_factory=list)
    wrong_titles: list[tuple[str, str]] = field(default_factory=list)
    bad_items: list[str] = field(default_factory=list)


def _opens(item_text: str, snippet: str) -> bool:
    return item_text.startswith(snippet)


def score_page(entry: dict, articles: list, page, repairs: list[str]) -> PageScore:  # type: ignore[no-untyped-def]
    sc = PageScore(file=page.file)
    starts = [norm(s) for s in entry.get("starts", [])]
    titles = [norm_title(t) for t in entry.get("titles", [])]
    optional = [norm(s) for s in entry.get("optional", [])]
    extra = [norm(s) for s in entry.get("extra_ok", [])]
    texts = []
    for a in articles:
        body = norm(a.body)
        head = norm(a.title) if not a.title_derived else ""
        texts.append((a, body, head + body))
    sc.starts = len(starts)
    for s, title in zip(starts, titles + [""] * len(starts), strict=False):
        hit = next((a for a, body, both in texts if _opens(body, s) or _opens(both, s)), None)
        if hit is None:
            sc.missed.append(s)
            continue
        sc.found += 1
        got = norm_title(hit.title)
        if title and got == title:
            sc.titles_right += 1
        else:
            sc.wrong_titles.append((title, got))
    for a, body, both in texts:
        sc.items += 1
        if any(_opens(body, s) or _opens(both, s) for s in starts):
            sc.good_items += 1
            sc.strict_items += 1
        elif any(_opens(body, s) or _opens(both, s) for s in optional):
            sc.good_items += 1
        elif (
            body
            and any(body == e or e.startswith(body) or body.startswith(e) for e in extra)
            or not body
            and any(norm(a.title) == e for e in extra)
        ):
            sc.furniture_items += 1
        else:
            sc.bad_items.append((a.title + " | " + body)[:60])
    sc.source, sc.date, sc.page = page.source, page.date, page.page
    sc.source_ok = page.source is not None and page.source in entry.get("source_any", [])
    sc.date_ok = page.date is not None and entry["date_from"] <= page.date <= entry["date_to"]
    sc.page_ok = page.page is not None and page.page == entry.get("page")
    allbody = norm("".join(a.body for a in articles))
    sc.repairs = len(repairs)
    sc.repairs_found = sum(1 for r in repairs if norm(r) in allbody)
    return sc


def score(folder: Path) -> tuple[dict[str, float], list[PageScore]]:
    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))
    pages_dir = folder / "pages" if (folder / "pages").is_dir() else folder
    lib = load_library([pages_dir])
    by_file = {p.file: p for p in lib.pages}
    repairs: dict[str, list[str]] = {}
    for r in key.get("layout_repairs", []):
        repairs.setdefault(r["file"], []).append(r["joined"])
    scores = []
    for name, entry in key["files"].items():
        page = by_file.get(name)
        if page is None:
            raise SystemExit(f"{name}: in the key but not read from {pages_dir}")
        scores.append(score_page(entry, page.articles, page, repairs.get(name, [])))

    def ratio(a: int, b: int) -> float:
        return round(a / b, 3) if b else 1.0

    found = sum(s.found for s in scores)
    figures = {
        "pages": len(scores),
        "start_recall": ratio(found, sum(s.starts for s in scores)),
        "precision": ratio(
            sum(s.good_items for s in scores),
            sum(s.items - s.furniture_items for s in scores),
        ),
        "strict_precision": ratio(
            sum(s.strict_items for s in scores), sum(s.items for s in scores)
        ),
        "headline_accuracy": ratio(sum(s.titles_right for s in scores), found),
        "source": ratio(sum(s.source_ok for s in scores), len(scores)),
        "date": ratio(sum(s.date_ok for s in scores), len(scores)),
        "page": ratio(sum(s.page_ok for s in scores), len(scores)),
        "repairs": ratio(sum(s.repairs_found for s in scores), sum(s.repairs for s in scores)),
    }
    return figures, scores


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="a folder with key.json and pages/")
    ap.add_argument("--per-page", action="store_true", help="also print each page's misses")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    figures, scores = score(args.folder)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        for k, v in figures.items():
            print(f"{k:18} {v}")
    if args.per_page:
        for s in scores:
            print(
                f"\n{s.file}: starts {s.found}/{s.starts}, items {s.items} "
                f"(furniture {s.furniture_items}, good {s.good_items}), titles {s.titles_right}, "
                f"source {s.source!r} date {s.date} page {s.page}, "
                f"repairs {s.repairs_found}/{s.repairs}"
            )
            for m in s.missed:
                print(f"  missed start: {m[:20]}")
            for want, got in s.wrong_titles:
                print(f"  title: want {want[:24]!r} got {got[:24]!r}")
            for b in s.bad_items:
                print(f"  stray item: {b}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
