"""How often two columns read line by line into one are put back in order.

    python tools/score_columns.py [FOLDER] [--pages N] [--width W]

Builds pages the way a naive OCR reading order or a PDF text extraction gives them: two
articles of FOLDER (default: thucnews-val) set as justified columns of W characters, their lines
interleaved one by one under one headline each. A page counts as mended when each article's
text comes out whole and in order (white space ignored) in one item. Printed for the reader as it
is and with the column repair switched off, measured on the same pages in one run.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from itertools import zip_longest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.core.ingest import page as page_mod  # noqa: E402
from reader.core.ingest.split import split_text  # noqa: E402
from reader.core.ingest.text import display_width  # noqa: E402

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "thucnews-val"
_WS = re.compile(r"\s+")


def wrap(text: str, width: int) -> list[str]:
    out, cur = [], ""
    for ch in text:
        if display_width(cur + ch) > width:
            out.append(cur)
            cur = ""
        cur += ch
    return [*out, cur] if cur else out


def first_paragraph(path: Path, limit: int) -> str:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    body = max(lines, key=len) if lines else ""
    cut = body[:limit]
    end = max(cut.rfind("。"), cut.rfind("！"), cut.rfind("？"))
    return cut[: end + 1] if end > 40 else ""


def make_page(a: str, b: str, width: int) -> str:
    left, right = wrap(a, width), wrap(b, width)
    mixed = [ln for pair in zip_longest(left, right) for ln in pair if ln is not None]
    return "\n".join(["两篇文章并排排版", *mixed]) + "\n"


def mended(text: str, a: str, b: str) -> bool:
    bodies = [_WS.sub("", d.body) for d in split_text(text)]
    return any(_WS.sub("", a) in x for x in bodies) and any(_WS.sub("", b) in x for x in bodies)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--width", type=int, default=16)
    args = ap.parse_args(argv)
    files = sorted(args.folder.rglob("*.txt"))
    random.Random(7).shuffle(files)
    texts = [t for t in (first_paragraph(f, 220) for f in files) if t]
    pairs = list(zip(texts[0::2], texts[1::2], strict=False))[: args.pages]
    pages = [(make_page(a, b, args.width), a, b) for a, b in pairs]
    real = page_mod.reading_order
    with_repair = sum(mended(p, a, b) for p, a, b in pages)
    page_mod.reading_order = lambda texts, usable=None: list(range(len(texts)))  # type: ignore[assignment]
    page_mod.read_page.cache_clear()
    try:
        without = sum(mended(p, a, b) for p, a, b in pages)
    finally:
        page_mod.reading_order = real
        page_mod.read_page.cache_clear()
    n = len(pages)
    print(f"pages {n} (two columns of {args.width} characters, interleaved line by line)")
    print(f"mended with the column repair     {with_repair} ({with_repair / n:.1%})")
    print(f"mended without it                 {without} ({without / n:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
