"""Layout repair, step one: physical lines -> paragraphs.

Two shapes of OCR output are handled by the same code:
- hard-wrapped narrow columns (a line is 10-25 characters), where lines of one paragraph must be
  rejoined and a paragraph ends at a short line that closes a sentence;
- one paragraph per line, where a paragraph may still be cut in the middle of a sentence (that cut
  is mended later, by the splitter, because the rest may lie after a caption or another article).

Blank-line rhythm is read as layout: the usual gap separates lines or paragraphs, a larger gap or a
missing gap marks a new text region (a new column block, a caption, a new page area).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from functools import cached_property

from .page import HEADLINE, OUT_OF_FLOW, PageModel
from .text import display_width, ends_sentence, join_wrapped, tidy_spaces, undo_letter_spacing

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


@dataclass
class Line:
    raw: str
    start: int
    end: int
    gap_before: int
    indented: bool
    heading: int = 0
    kind: str = ""  # the page model's class of the line ("" when read without one)
    firm: bool = False  # the model read it as text because of its neighbours
    n: int = -1  # which non-blank line of the page it is (or was cut from)
    joins_prev: bool = False  # the model says the sentence runs on from the line before

    @cached_property
    def text(self) -> str:
        return self.raw.strip()

    @cached_property
    def width(self) -> float:
        return display_width(self.text)

    @cached_property
    def closes(self) -> bool:
        return ends_sentence(self.text)


@dataclass
class Para:
    """A paragraph of cleaned text with the original span(s) it came from."""

    text: str
    raw: str
    start: int
    end: int
    region_break: bool = False
    heading: int = 0
    wrapped: bool = False
    kind: str = "body"
    extra: dict[str, object] = field(default_factory=dict)


def split_lines(text: str, model: PageModel | None = None) -> list[Line]:
    """The page's non-blank lines. With a page model, furniture lines leave the flow (the line
    after one keeps the gap before it, so a folio between two halves of a sentence leaves no
    trace) and a headline run into its body becomes two lines."""
    lines: list[Line] = []
    pos = 0
    blank = 0
    n = 0
    carry: int | None = None
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if not raw.strip():
            blank += 1
            continue
        d = model.decisions[n] if model is not None and n < len(model.decisions) else None
        n += 1
        if d is not None and d.kind in OUT_OF_FLOW:
            if carry is None:
                carry = blank
            blank = 0
            continue
        if carry is not None:
            blank, carry = carry, None
        heading = 0
        m = _HEADING.match(raw.strip())
        if m:
            heading = len(m.group(1))
        kind = ("signoff" if d.signoff else d.kind) if d is not None else ""
        rstripped = raw.rstrip()
        indented = raw[:1] in (" ", "\t", "\u3000")
        if d is not None and d.cut:
            cut = d.line.start - start + d.cut
            lines.append(
                Line(rstripped[:cut], start, start + cut, blank, indented, 0, HEADLINE, n=n - 1)
            )
            lines.append(
                Line(rstripped[cut:], start + cut, start + len(rstripped), 0, False, n=n - 1)
            )
        else:
            firm = d is not None and d.firm
            lines.append(
                Line(
                    rstripped,
                    start,
                    start + len(rstripped),
                    blank,
                    indented,
                    heading,
                    kind,
                    firm,
                    n - 1,
                )
            )
        blank = 0
    if model is not None:
        ds = model.decisions
        for a, b in zip(lines, lines[1:], strict=False):
            if 0 <= a.n < len(ds) and 0 <= b.n < len(ds) and b.n == a.n + 1:
                da, db = ds[a.n], ds[b.n]
                both_text = da.kind == db.kind == "body" and not (da.signoff or db.signoff)
                b.joins_prev = both_text and (da.runs_on or db.continues)
    if model is not None and model.order and model.order != sorted(model.order):
        # Two columns read line by line into one: each column's lines together again.
        rank = {line: pos for pos, line in enumerate(model.order)}
        lines.sort(key=lambda ln: rank.get(ln.n, ln.n))
    return lines


def _usual_gap(lines: list[Line]) -> int:
    gaps = [ln.gap_before for ln in lines[1:]]
    if not gaps:
        return 1
    return statistics.mode(gaps)


def _regions(lines: list[Line]) -> list[list[Line]]:
    """Split lines where the blank-line rhythm changes (larger gap, or none where one is usual)."""
    if not lines:
        return []
    usual = _usual_gap(lines)
    regions: list[list[Line]] = [[lines[0]]]
    for ln in lines[1:]:
        if ln.joins_prev:
            regions[-1].append(ln)  # an open sentence is joined across white space
        elif ln.gap_before > usual or (usual > 0 and ln.gap_before < usual) or ln.indented:
            regions.append([ln])
        else:
            regions[-1].append(ln)
    return regions


def _is_wrapped_region(region: list[Line]) -> bool:
    body = [ln for ln in region if not ln.heading]
    if len(body) < 3:
        return False
    widths = sorted(ln.width for ln in body)
    # Most lines short and of a column's width; a region with many long lines is one paragraph
    # per line even if headlines and credits among them are short.
    return widths[(len(widths) * 3) // 4] <= 32


def _column_width(region: list[Line], i: int) -> float:
    """The width of the column line i sits in.

    Lines that end in the middle of a sentence are full lines of their column, so the median of
    their widths nearby is the column width. The window leans forward: what matters is whether
    line i is as wide as the lines that would continue it.
    """

    def full(ln: Line) -> bool:
        return not ln.closes and ln.text[-1:] not in _SOFT_END

    window = [ln.width for ln in region[max(0, i - 3) : i + 7] if full(ln)]
    if len(window) < 3:
        window = [ln.width for ln in region if full(ln)] or [ln.width for ln in region]
    return statistics.median_high(window)


# Lines the page model reads as standing on their own, never part of a wrapped paragraph.
_ALONE = frozenset(
    {
        "headline",
        "column_label",
        "quote_box",
        "byline",
        "marker",
        "caption",
        "photo_credit",
        "signoff",
    }
)
_SOFT_END = "：:"
_ANY_PUNCT = "。，、；：！？,;:!?"
# A closing credit "（某某）" ends an article; a "(上接第一版)" starts a continuation.
CREDIT_END = re.compile(r"[。！？!?…”」』]\s*[（(][^（）()，。,]{1,20}[）)]\s*$")
MARKER_START = re.compile(r"^[（(〔【\[]\s*(?:上接|接上|续|續|紧接|緊接)")
_MID_PUNCT = "，、,"
_ENUM = re.compile(
    r"^(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,3}、|[◆■●▲★※□◇])"
)


def _breaks_after(
    region: list[Line], i: int, starts_para: bool, after_label: bool, after_credit: bool
) -> bool:
    """In a hard-wrapped region: does the paragraph end after line i?"""
    ln = region[i]
    nxt = region[i + 1]
    if ln.heading or nxt.heading:
        return True
    if ln.kind in _ALONE or nxt.kind in _ALONE:
        return True
    if CREDIT_END.search(text := ln.text) or MARKER_START.match(nxt.text):
        return True
    col = _column_width(region, i)
    short = ln.width <= col - 0.9
    next_indented = nxt.width <= col - 1.4 and not nxt.closes
    if ln.closes or text[-1:] in _SOFT_END:
        return short or next_indented or bool(_ENUM.match(nxt.text))
    if text[-1:] in _MID_PUNCT:
        return False
    if not any(c in _ANY_PUNCT for c in text):
        # Lines of one paragraph are as wide as their column. A line with no punctuation that is
        # wider than its column (a headline across columns), or followed by a clearly wider line
        # (body text after a short headline) or by an indented first line, stands alone. A
        # paragraph's own first line may be narrower by its indent.
        # After an article's closing credit, a short line with no punctuation is a headline:
        # inside a paragraph only the last line is short, and that line closes a sentence.
        short_after_credit = after_credit and ln.width <= col - 1.5
        if (
            ln.width > col + 1.5
            or (after_label and ln.width >= col + 0.9)
            or next_indented
            or short_after_credit
        ):
            return True
        if nxt.width > ln.width + (3.1 if starts_para else 1.6):
            return True
    # A short line that does not close a sentence: a headline, label or signature line.
    return ln.width <= col * 0.7 and ln.width <= 16


def _para_from_lines(lines: list[Line], region_break: bool, wrapped: bool) -> Para:
    raw_joined = lines[0].text
    for ln in lines[1:]:
        raw_joined = join_wrapped(raw_joined, ln.text)
    # Letter-spaced runs are undone line by line, before a wrap glues them to their neighbours.
    joined = undo_letter_spacing(lines[0].text)
    for ln in lines[1:]:
        joined = join_wrapped(joined, undo_letter_spacing(ln.text))
    heading = lines[0].heading
    text = joined
    contiguous = all(a.end <= b.start for a, b in zip(lines, lines[1:], strict=False))
    if heading:
        m = _HEADING.match(text)
        text = m.group(2) if m else text
    para = Para(
        text=tidy_spaces(text, numbers=wrapped),
        raw=raw_joined,
        start=min(ln.start for ln in lines),
        end=max(ln.end for ln in lines),
        region_break=region_break,
        heading=heading,
        wrapped=wrapped,
    )
    if not contiguous:
        # Lines put back in their column's order: the paragraph comes from each of them, not
        # from everything between its first and last.
        para.extra["spans"] = [(ln.start, ln.end) for ln in lines]
    if len(lines) == 1 and lines[0].kind:
        kind = lines[0].kind
        para.extra["page_kind"] = "firm_body" if lines[0].firm and kind != "signoff" else kind
    return para


def build_paragraphs(text: str, model: PageModel | None = None) -> list[Para]:
    paras: list[Para] = []
    for region in _regions(split_lines(text, model)):
        wrapped = _is_wrapped_region(region)
        first = True
        if not wrapped:
            # One paragraph per line, except where the page model says a sentence runs on.
            groups: list[list[Line]] = []
            for ln in region:
                if groups and ln.joins_prev:
                    groups[-1].append(ln)
                else:
                    groups.append([ln])
            for group in groups:
                paras.append(_para_from_lines(group, first, len(group) > 1))
                first = False
            continue
        current: list[Line] = []
        after_label = True  # a region start behaves like the line after a headline
        after_credit = False
        for i, ln in enumerate(region):
            current.append(ln)
            if i == len(region) - 1 or _breaks_after(
                region, i, len(current) == 1, after_label, after_credit and len(current) == 1
            ):
                para = _para_from_lines(current, first, True)
                paras.append(para)
                after_credit = bool(CREDIT_END.search(para.text))
                after_label = after_credit or (
                    len(current) == 1 and not any(c in _ANY_PUNCT for c in para.text)
                )
                first = False
                current = []
    return [p for p in paras if p.text]
