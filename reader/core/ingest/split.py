"""Layout repair, step two: paragraphs -> articles.

Reads a page the way an editor would: leads ("本报讯…"), closing credits ("（某某）"), continuation
markers ("（下转第2版）"), headline groups (before or after their text), section subheads, captions
and sign-offs. Headlines are given to the neighbouring text they describe (shared character pairs),
and a sentence cut by a column, a caption or another article is rejoined with the text that
continues it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from .dates import find_dates
from .layout import CREDIT_END, Para, build_paragraphs
from .page import (
    BRACKETED,
    BYLINE_LINE,
    BYLINE_MARKS,
    CAPTION_START,
    CITED,
    COLUMN_LABELS,
    DAY,
    GLUED_LEAD,
    PHOTO_CREDIT_LINE,
    QUOTE_HEADS,
    PageModel,
    read_page,
)
from .text import CJK, bigrams, display_width, ends_sentence, join_wrapped, tidy_spaces

_NUM = "0-9０-９一二三四五六七八九十〇零"
# Continuation markers in both scripts, with OCR's bracket variants and lettered pages (A3).
MARKER = re.compile(
    r"[（(〔【\[]\s*(?P<dir>上接|接上|紧接|緊接|下转|下轉|下装|下接|转至|轉至|转|轉|接|续|續)\s*第?\s*"
    rf"(?P<page>[A-H]?\s?[{_NUM}]+)\s*(?:版|页|頁|面)\s*[）)〕】\]]"
)
_FROM_DIRS = {"上接", "接上", "紧接", "緊接", "接", "续", "續"}

_CREDIT_ONLY = re.compile(r"[（(][^（）()。，,]{1,24}[）)]")
_CAPTION_END = re.compile(
    rf"(?:[。！？”\s]|^)\s*(?:(?:本报)?(?:记者|通讯员)\s*)?[{CJK}·]{{2,6}}"
    rf"(?:[ 　、/]+[{CJK}·]{{2,6}})*\s*[摄攝](?:影)?$"
)
_DATE_LINE = re.compile(
    r"(?:\d{4}|[〇零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月"
    r"[0-9一二三四五六七八九十]{1,3}日\s*(?:星期.|周.)?"
)
_LEAD = re.compile(
    rf"^(?:本报讯|本刊讯|(?:本报|本刊)(?:记者|评论员|通讯员)|[{CJK}]{{2,6}}(?:社|网)[{CJK}0-9]{{0,12}}电|据[{CJK}]{{2,10}}报道)"
)
_LEAD_BYLINE = re.compile(r"^(?:本报讯|本刊讯)\s*[（(]([^（）()]{1,40})[）)]")
_TRAILING_NAME = re.compile(rf"[。！？”]\s+([{CJK}]{{2,4}}(?:\s+[{CJK}]{{2,4}}){{0,2}})\s*$")
# A report that opens with its day (11月4日，…; 十一月四日晚，…).
_DATELINE = re.compile(rf"^{DAY}(?:[上下中晚凌早]午?|晚间|凌晨|清晨|傍晚)?[，,]")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def parse_page_number(s: str) -> int | None:
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789")).replace(" ", "")
    if len(s) > 1 and s[0] in "ABCDEFGH":
        s = s[1:]  # a section's page: A3 is page 3 of section A
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if "十" in s:
        a, _, b = s.partition("十")
        tens = _CN_DIGITS.get(a, 1) if a else 1
        return tens * 10 + (_CN_DIGITS.get(b, 0) if b else 0)
    if all(c in _CN_DIGITS for c in s):
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    return None


@dataclass
class Unit:
    paras: list[Para] = field(default_factory=list)
    level: int = 0
    lead: bool = False
    byline: str | None = None
    closed: bool = False
    terminated: bool = False
    heads_before: list[Para] = field(default_factory=list)
    heads_after: list[Para] = field(default_factory=list)
    from_page: int | None = None
    from_marker: bool = False

    def text(self, limit: int | None = None) -> str:
        t = "".join(p.text for p in self.paras)
        return t[:limit] if limit else t


@dataclass
class Group:
    lines: list[Para]
    prev: Unit | None
    next: Unit | None = None


@dataclass
class Draft:
    """One article as split from one page, before ids and metadata are added."""

    title: str
    title_derived: bool
    subtitles: list[str]
    column: str | None
    byline: str | None
    paragraphs: list[str]
    captions: list[str]
    spans: list[tuple[int, int]]
    continues_to_page: int | None = None
    continued_from_page: int | None = None

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


class _Similarity:
    """IDF-weighted share of a short text's character pairs found in a longer one."""

    def __init__(self, docs: list[str]) -> None:
        self.docs = docs
        self.n = max(1, len(docs))
        self._df: Counter[str] | None = None

    @property
    def df(self) -> Counter[str]:
        # Built on first use: most pages (one article, no fragments) never compare anything.
        if self._df is None:
            self._df = Counter()
            for d in self.docs:
                self._df.update(bigrams(d))
        return self._df

    def idf(self, g: str) -> float:
        return math.log(1 + self.n / (1 + self.df.get(g, 0)))

    def __call__(self, short: str, long: str) -> float:
        a = bigrams(short)
        if not a:
            return 0.0
        b = bigrams(long)
        total = sum(self.idf(g) for g in a)
        return sum(self.idf(g) for g in a & b) / total if total else 0.0


# ---------------------------------------------------------------------------------------------
# Classification


def _doubled_glyphs(t: str) -> bool:
    """OCR of bold or shadowed running heads doubles glyphs: '管 理产产 经经'."""
    s = t.replace(" ", "")
    if len(s) > 30:
        return False
    pairs = sum(1 for i in range(len(s) - 1) if s[i] == s[i + 1] and "\u4e00" <= s[i] <= "\u9fff")
    half = len(s) // 2
    repeated = half >= 4 and s[:half] == s[half : 2 * half]
    repeated_tail = any(s.endswith(s[-k:] * 2) for k in range(3, min(9, len(s) // 2 + 1)))
    return pairs >= 2 or repeated or repeated_tail


def _is_headish(t: str) -> bool:
    if not t or len(t) > 64:
        return False
    if not re.search(f"[{CJK}]", t):
        return False
    if "。" in t or t[-1] in "，、；：,;:。":
        return False
    width = display_width(t)
    return width <= 32 or (" " in t and width <= 60)


def classify(p: Para) -> str:
    t = p.text
    if p.heading:
        return "heading"
    if MARKER.fullmatch(t):
        return "marker"
    if _CREDIT_ONLY.fullmatch(t):
        return "credit"
    if PHOTO_CREDIT_LINE.fullmatch(t):
        return "photo_credit"
    if t.startswith(CAPTION_START) or (len(t) < 300 and _CAPTION_END.search(p.raw.strip())):
        return "caption"
    if _DATE_LINE.fullmatch(t):
        return "date_line"
    if BYLINE_LINE.fullmatch(t.lstrip(BYLINE_MARKS)):
        return "byline"
    if t in ("本报讯", "本刊讯") or _LEAD.match(t):
        return "lead"
    if _doubled_glyphs(t):
        return "furniture"
    if _is_headish(t):
        return "head_excl" if t[-1] in "！？!?" else "head"
    return "body"


# ---------------------------------------------------------------------------------------------
# Preparation: markers, captions, sign-offs, lone leads

# What the page model reads as a headline (or a box's head, or a column's name) opens a headline
# group, whatever the older shape rules said of the line (a bracketed deck is not a credit).
_MODEL_HEADS = frozenset({"headline", "quote_box", "column_label"})


def _split_markers(paras: list[Para]) -> list[Para]:
    """Cut paragraphs at continuation markers and record them on the pieces."""
    out: list[Para] = []
    for p in paras:
        pieces: list[Para] = []
        rest = p.text
        while True:
            m = MARKER.search(rest)
            if not m:
                break
            before, after = rest[: m.start()].strip(), rest[m.end() :].strip()
            page = parse_page_number(m.group("page"))
            if m.group("dir") in _FROM_DIRS:
                if before:
                    pieces.append(_derive(p, before))
                rest = after
                nxt_from = page
                pieces.append(_derive(p, "", from_page=nxt_from))
            else:
                if before:
                    pieces.append(_derive(p, before, to_page=page))
                elif pieces:
                    pieces[-1].extra["to_page"] = page
                elif out:
                    out[-1].extra["to_page"] = page
                else:
                    pieces.append(_derive(p, "", to_page=page))
                rest = after
        if not pieces:
            out.append(p)
            continue
        if rest:
            pieces.append(_derive(p, rest))
        # Fold empty "from" markers into the text that follows them.
        merged: list[Para] = []
        for q in pieces:
            if merged and not merged[-1].text and "from_page" in merged[-1].extra and q.text:
                q.extra["from_page"] = merged[-1].extra["from_page"]
                merged[-1] = q
            else:
                merged.append(q)
        for q in merged:
            if not q.text:
                q.kind = "marker"
        out.extend(merged)
    return out


def _derive(p: Para, text: str, **extra: object) -> Para:
    q = Para(
        text=text,
        raw=text,
        start=p.start,
        end=p.end,
        region_break=p.region_break,
        heading=p.heading,
        wrapped=p.wrapped,
    )
    q.extra.update(extra)
    return q


def _prepare(paras: list[Para]) -> tuple[list[Para], list[tuple[int, Para]]]:
    """Classify (with the page model's hints), lift captions out (remembering where they
    stood), fold lone leads."""
    paras = _split_markers(paras)
    for p in paras:
        if p.kind != "marker":
            p.kind = classify(p)
            model_kind = p.extra.get("page_kind")
            if model_kind in _MODEL_HEADS and p.kind in ("head", "head_excl", "credit", "body"):
                p.kind = "head"
            elif model_kind == "signoff" and p.kind != "date_line":
                # A signature stays in its letter's body, as it stands; one that carries its
                # date (中央军委一九六七年八月二十九日) ends the document, as a date line does.
                p.kind = "signoff_end" if find_dates(p.text) else "signoff"
            elif model_kind == "body" and p.kind == "head" and "，" in p.text[:-1]:
                p.kind = "body"  # a comma inside: a clause of running text, never a headline
            elif p.kind == "head" and CITED.search(p.text):
                p.kind = "body"  # a quotation's source, printed under it: not a headline
            elif model_kind == "firm_body" and p.kind in ("head", "head_excl"):
                # Read beside its neighbours (cut mid-sentence, a signature, a salutation) the
                # line is text, whatever its own shape says.
                p.kind = "body"
    # A signature line followed by a date closes a letter: both stay in its body.
    for i, p in enumerate(paras):
        if p.kind == "date_line" and i > 0:
            p.kind = "signoff_end"
            if paras[i - 1].kind == "head" and i > 1 and paras[i - 2].kind in ("body", "head_excl"):
                paras[i - 1].kind = "signoff"
    captions: list[tuple[int, Para]] = []
    flow: list[Para] = []
    for p in paras:
        if p.kind == "caption":
            captions.append((len(flow), p))
            continue
        if p.kind == "photo_credit":
            prev = flow[-1] if flow else None
            if (
                prev is not None
                and prev.kind == "body"
                and prev.region_break
                and len(prev.text) <= 160
                and ends_sentence(prev.text)
            ):
                flow.pop()
                merged = Para(
                    text=f"{prev.text} {p.text}",
                    raw=f"{prev.raw} {p.raw}",
                    start=prev.start,
                    end=p.end,
                    kind="caption",
                )
                captions.append((len(flow), merged))
            else:
                captions.append((len(flow), p))
            continue
        flow.append(p)
    # "本报讯" on a line of its own belongs to the paragraph after it.
    folded: list[Para] = []
    for p in flow:
        if folded and folded[-1].kind == "lead" and folded[-1].text in ("本报讯", "本刊讯"):
            lone = folded.pop()
            p.text = f"{lone.text} {p.text}"
            p.start = lone.start
            p.kind = "lead"
        folded.append(p)
    # Caption positions index the flow before lone leads were folded; keep them in range.
    captions = [(min(pos, len(folded)), c) for pos, c in captions]
    return folded, captions


# ---------------------------------------------------------------------------------------------
# Walking the page


def _is_label(t: str) -> bool:
    """A column's name or a box's head (社论, 【短评】, 毛主席语录): it heads an article but is
    not its title while a headline stands beside it."""
    return bool(BRACKETED.match(t) or COLUMN_LABELS.match(t) or QUOTE_HEADS.match(t))


def _is_section(lines: list[Para], cur: Unit, nxt: Para | None) -> bool:
    """A short heading inside a running article (a section subhead), not a new article."""
    if nxt is None or nxt.kind in ("lead", "byline") or "from_page" in nxt.extra:
        return False
    if _DATELINE.match(nxt.text):
        return False  # text that opens with its day (11月4日，…) is a new report, not a section
    if any(_is_label(ln.text) for ln in lines):
        return False
    if any(ln.heading for ln in lines):
        # Markdown: a deeper heading inside an article is a section of it; the same level or
        # higher starts a new article.
        return bool(cur.level) and all(ln.heading > cur.level for ln in lines if ln.heading)
    if len(cur.text()) < _SECTION_AFTER and not _SECTION_MARK.match(lines[0].text):
        # A section heading divides an article that has run for a while; after a few lines
        # (a quotation box, a short notice, a letter) a heading starts the next piece.
        return False
    return all(display_width(ln.text) <= 20 for ln in lines)


def _open_unit(units: list[Unit], pending: Group | None, **kw: object) -> Unit:
    """A new article unit; the headline group waiting before it (if any) points to it."""
    u = Unit(**kw)  # type: ignore[arg-type]
    if pending is not None:
        pending.next = u
        u.level = min((ln.heading for ln in pending.lines if ln.heading), default=0)
    units.append(u)
    return u


# Characters of article text before a heading can be a section of it (unless it is numbered or
# bulleted as one).
_SECTION_AFTER = 200
_SECTION_MARK = re.compile(
    r"^(?:[◆■●▲★※□◇◎○•·]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])"
)


def _walk(flow: list[Para]) -> tuple[list[Unit], list[Group]]:
    units: list[Unit] = []
    groups: list[Group] = []
    cur: Unit | None = None
    pending: Group | None = None
    waiting_for_body = False  # a unit opened by a byline line has no body yet
    i = 0
    while i < len(flow):
        p = flow[i]
        k = p.kind
        if k == "head_excl" and not (cur is None or cur.terminated):
            k = p.kind = "body"
        if k in ("head", "heading", "head_excl"):
            j = i
            lines: list[Para] = []
            while j < len(flow) and flow[j].kind in ("head", "heading", "head_excl"):
                lines.append(flow[j])
                j += 1
            nxt = flow[j] if j < len(flow) else None
            if cur is not None and not cur.closed and _is_section(lines, cur, nxt):
                for ln in lines:
                    ln.kind = "subhead"
                    cur.paras.append(ln)
                i = j
                continue
            g = Group(lines=lines, prev=cur)
            groups.append(g)
            if cur is not None:
                cur.closed = True
            cur = None
            pending = g
            waiting_for_body = False
            i = j
            continue
        if k == "furniture":
            i += 1
            continue
        if k == "credit" or (k == "marker" and "to_page" in p.extra):
            if cur is not None and cur.paras:
                if k == "credit":
                    cur.paras[-1].extra["credit"] = p.text[1:-1].strip()
                else:
                    cur.paras[-1].extra["to_page"] = p.extra["to_page"]
                cur.paras[-1].end = max(cur.paras[-1].end, p.end)
                cur.closed = cur.terminated = True
            i += 1
            continue
        if k == "marker":
            i += 1
            continue
        if k == "byline":
            cur = _open_unit(units, pending, lead=True, byline=p.text.lstrip(BYLINE_MARKS))
            pending = None
            waiting_for_body = True
            i += 1
            continue
        new = (
            cur is None
            or cur.closed
            or (k == "lead" and bool(cur.paras) and not waiting_for_body)
            or "from_page" in p.extra
        )
        if waiting_for_body:
            new = False
            waiting_for_body = False
        if new:
            cur = _open_unit(units, pending, lead=(k == "lead"))
            pending = None
            if "from_page" in p.extra:
                cur.from_page = p.extra["from_page"]  # type: ignore[assignment]
                cur.from_marker = True
        assert cur is not None
        cur.paras.append(p)
        m = CREDIT_END.search(p.text)
        if m and k not in ("subhead",):
            credit = p.text[m.start() :].strip()
            credit = credit.lstrip("。！？!?…”」』").strip()
            p.text = p.text[: m.start() + 1].rstrip()
            p.extra["credit"] = credit[1:-1].strip()
            cur.closed = cur.terminated = True
        if "to_page" in p.extra or k == "signoff_end":
            cur.closed = cur.terminated = True
        i += 1
    return units, groups


# ---------------------------------------------------------------------------------------------
# Giving headline groups to their articles


def _resolve_groups(groups: list[Group], units: list[Unit], sim: _Similarity) -> list[Unit]:
    extra_units: list[Unit] = []
    decided: dict[int, int] = {}
    ambiguous: list[int] = []
    # A page whose first text has its headline before it prints headlines before their text:
    # only a clear resemblance then gives a headline to the article above it.
    margin = 0.5 if groups and groups[0].prev is None and groups[0].next is not None else 0.2
    for gi, g in enumerate(groups):
        n = len(g.lines)
        p, nx = g.prev, g.next
        if nx is None and p is None:
            u = Unit()
            u.heads_before = g.lines[:1]
            u.paras = g.lines[1:]
            extra_units.append(u)
            continue
        if any(ln.heading for ln in g.lines) or p is None or not p.terminated:
            decided[gi] = 0 if nx is not None else n
            continue
        if nx is None:
            decided[gi] = n
            continue
        sp = [sim(ln.text, p.text(600)) for ln in g.lines]
        sn = [sim(ln.text, nx.text(600)) for ln in g.lines]
        ks = range(0, n if nx.lead else n + 1)
        scores = {k: sum(sp[:k]) + sum(sn[k:]) for k in ks}
        # Near-ties go to the smaller split: headlines before their text are the common layout.
        best = min(scores.items(), key=lambda kv: (-round(kv[1], 1), kv[0]))
        opposite = scores[0] if best[0] > 0 else scores.get(n, scores[max(ks)])
        if best[1] - opposite >= (margin if best[0] > 0 else 0.2) or nx.lead:
            decided[gi] = best[0]
        else:
            ambiguous.append(gi)
    after_votes = sum(
        1 for gi, k in decided.items() if k == len(groups[gi].lines) and groups[gi].next
    )
    before_votes = sum(1 for gi, k in decided.items() if k == 0 and groups[gi].prev)
    if units and not any(g.next is units[0] for g in groups) and not units[0].lead:
        after_votes += 1
    # (A group still undecided gives no title yet: its own next article is free.)
    has_title = {
        id(g.next) for gi, g in enumerate(groups) if gi in decided and decided[gi] < len(g.lines)
    }
    has_title |= {id(g.prev) for gi, g in enumerate(groups) if decided.get(gi, 0) > 0}
    for gi in ambiguous:
        g = groups[gi]
        n = len(g.lines)
        prev_free = g.prev is not None and id(g.prev) not in has_title
        next_free = g.next is not None and id(g.next) not in has_title
        if prev_free and (not next_free or after_votes > before_votes):
            decided[gi] = n
            has_title.add(id(g.prev))
        else:
            decided[gi] = 0
            has_title.add(id(g.next))
    for gi, k in decided.items():
        g = groups[gi]
        if g.prev is not None:
            g.prev.heads_after.extend(g.lines[:k])
        if g.next is not None:
            g.next.heads_before.extend(g.lines[k:])
    return extra_units


# ---------------------------------------------------------------------------------------------
# Rejoining text cut by columns, captions, other articles and continuation markers


def _dangling(p: Para) -> bool:
    """A paragraph that stops mid-sentence (its rest is elsewhere). A quotation's source
    (《论持久战》（一九三八年五月）) ends its quotation without a full stop."""
    return (
        p.kind in ("body", "lead")
        and not (len(p.text) <= 160 and CITED.search(p.text))
        and "credit" not in p.extra
        and "to_page" not in p.extra
        and not ends_sentence(p.text)
        and p.text[-1:] not in "：:"
    )


@dataclass
class _Piece:
    unit: Unit
    paras: list[Para]
    pos: int
    default_owner: _Piece | None = None
    owner: _Piece | None = None
    claimed: bool = False

    @property
    def dangling(self) -> bool:
        return bool(self.paras) and _dangling(self.paras[-1])

    def text(self) -> str:
        return "".join(p.text for p in self.paras)


def _rejoin(units: list[Unit], sim: _Similarity) -> list[list[_Piece]]:
    """Chains of pieces, each chain one article, in page order."""
    pieces: list[_Piece] = []
    first_piece: dict[int, _Piece] = {}
    for u in units:
        cur: list[Para] = []
        prev_piece: _Piece | None = None
        for p in u.paras:
            cur.append(p)
            if _dangling(p) and p is not u.paras[-1]:
                pc = _Piece(u, cur, len(pieces), default_owner=prev_piece)
                pieces.append(pc)
                prev_piece = pc
                cur = []
        pc = _Piece(u, cur, len(pieces), default_owner=prev_piece)
        pieces.append(pc)
        first_piece[id(u)] = pieces[-1] if prev_piece is None else _first_of(prev_piece)

    def head_of(pc: _Piece) -> _Piece:
        while pc.owner is not None:
            pc = pc.owner
        return pc

    def upto(t: _Piece) -> str:
        return "".join(pc.text() for pc in pieces if pc.unit is t.unit and pc.pos <= t.pos)

    # Every candidate piece against every open dangling tail before it; the strongest pairs are
    # joined first, so a fragment that clearly belongs elsewhere frees its neighbour for another.
    pairs: list[tuple[float, int, int]] = []
    for c in pieces:
        is_first = c.default_owner is None
        u = c.unit
        if is_first and (u.from_marker or u.heads_before or u.heads_after or u.lead or not c.paras):
            continue
        text = c.text()[:1500]
        for t in pieces[: c.pos]:
            if not t.dangling or t.unit is u and t is not c.default_owner:
                continue
            score = sim(text, upto(t))
            if t is c.default_owner:
                score = score * 1.3 + 0.05
            elif score < (0.15 if is_first else 0.06):
                continue
            pairs.append((score, c.pos, t.pos))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    for _score, cpos, tpos in pairs:
        c, t = pieces[cpos], pieces[tpos]
        if c.owner is not None or t.claimed:
            continue
        c.owner = t
        t.claimed = True
    # Continuation markers: "(上接第一版)" text goes after the article that says "(下转…)".
    heads_with_marker = [pc for pc in pieces if pc.paras and "to_page" in pc.paras[-1].extra]
    for u in units:
        if not u.from_marker:
            continue
        first = first_piece.get(id(u))
        if first is None:
            continue
        c = first
        cands = [
            t
            for t in heads_with_marker
            if t.pos < c.pos and not t.claimed and head_of(t) is not head_of(c)
        ]
        if not cands:
            continue

        # Pages of one file come in order, so the continuation met first goes to the article
        # sent to the nearest page; among those, the one whose text it resembles.
        def key(t: _Piece, c: _Piece = c) -> tuple[int, float, int]:
            page = t.paras[-1].extra.get("to_page")
            return (page if isinstance(page, int) else 999, -sim(c.text()[:1500], upto(t)), t.pos)

        t = min(cands, key=key)
        # A tail piece that was already continued cannot take another continuation.
        c.owner = t
        t.claimed = True
    chains: dict[int, list[_Piece]] = {}
    order: list[int] = []
    # Children lists, then walk from heads.
    children: dict[int, list[_Piece]] = {}
    for pc in pieces:
        if pc.owner is not None:
            children.setdefault(id(pc.owner), []).append(pc)
    for pc in pieces:
        if pc.owner is None:
            chain = [pc]
            node = pc
            while id(node) in children:
                node = children[id(node)][0]
                chain.append(node)
            chains[id(pc)] = chain
            order.append(id(pc))
    return [chains[k] for k in order]


def _first_of(pc: _Piece) -> _Piece:
    while pc.default_owner is not None:
        pc = pc.default_owner
    return pc


# ---------------------------------------------------------------------------------------------
# Building articles


def _derive_title(paragraphs: list[str]) -> tuple[str, list[str]]:
    """A title for an article printed without one; also splits a headline glued to its body."""
    if not paragraphs:
        return "（无标题）", paragraphs
    first = paragraphs[0]
    m = GLUED_LEAD.search(first[:90])
    if m and 6 <= m.start() <= 60 and not re.search("[。！？]", first[: m.start()]):
        title = first[: m.start()].strip()
        return title, paragraphs  # caller marks this title as printed, not derived
    text = _LEAD_BYLINE.sub("", first)
    text = re.sub(r"^(?:本报讯|本刊讯)\s*", "", text)
    sentence = re.split(r"(?<=[。！？!?])", text, maxsplit=1)[0]
    if len(sentence) > 28:
        clause = re.split(r"[，,；;：:]", sentence)[0]
        sentence = clause if 6 <= len(clause) <= 28 else sentence[:26] + "…"
    return sentence.rstrip("。，,；;：: "), paragraphs


def _spans_of(p: Para) -> list[tuple[int, int]]:
    spans = p.extra.get("spans")
    if isinstance(spans, list):
        return [(int(a), int(b)) for a, b in spans]
    return [(p.start, p.end)]


def _clean_head(t: str) -> str:
    return tidy_spaces(t.lstrip("#").strip().lstrip("◆■●▲★※□◇").strip())


def _build(chain: list[_Piece], captions: list[Para], sim: _Similarity) -> Draft:
    u = chain[0].unit
    paras: list[Para] = []
    for idx, pc in enumerate(chain):
        for j, p in enumerate(pc.paras):
            if (
                idx > 0
                and j == 0
                and paras
                and paras[-1].kind in ("body", "lead")
                and not ends_sentence(paras[-1].text)
            ):
                last = paras[-1]
                joined = Para(
                    text=join_wrapped(last.text, p.text),
                    raw=last.raw + p.raw,
                    start=last.start,
                    end=p.end,
                    kind=last.kind,
                )
                joined.extra = {k: v for k, v in last.extra.items() if k != "to_page"}
                joined.extra.update(p.extra)
                joined.extra["spans"] = [*_spans_of(last), (p.start, p.end)]
                paras[-1] = joined
            else:
                paras.append(p)
    units_in_chain = []
    for pc in chain:
        if pc.unit not in units_in_chain:
            units_in_chain.append(pc.unit)
    heads_before = u.heads_before
    heads_after = [h for un in units_in_chain for h in un.heads_after]
    title = ""
    subtitles: list[str] = []
    column: str | None = None
    derived = False
    labels = [h for h in heads_before + heads_after if _is_label(_clean_head(h.text))]
    if labels:
        column = _clean_head(labels[0].text).strip("（）()【】[]〔〕")
    body_text = "".join(p.text for p in paras)[:600]
    if heads_before:
        cands = [h for h in heads_before if h not in labels]
        if cands:
            title = _clean_head(cands[0].text)
            subtitles = [_clean_head(h.text) for h in cands[1:]]
        after = [_clean_head(h.text) for h in heads_after if h not in labels]
        if after and column is None:
            column = after[0]
            after = after[1:]
        subtitles += after
    elif heads_after:
        cands = [h for h in heads_after if h not in labels and not h.text.startswith("——")]
        if cands:
            best = max(cands, key=lambda h: sim(h.text, body_text))
            title = _clean_head(best.text)
            subtitles = [
                _clean_head(h.text) for h in heads_after if h is not best and h not in labels
            ]
        else:
            subtitles = [_clean_head(h.text) for h in heads_after if h not in labels]
    body = [p.text for p in paras if p.text]
    box = [h for h in heads_before if QUOTE_HEADS.match(_clean_head(h.text))]
    if not title and box:
        # A quotation box's head (毛主席语录) is the title of the box's text.
        title = _clean_head(box[0].text)
        column = None if column == title else column
    if not title:
        title, body = _derive_title(body)
        derived = True
        if (
            body
            and body[0].startswith(title)
            and len(title) >= 6
            and GLUED_LEAD.match(body[0][len(title) :].lstrip())
        ):
            derived = False
            body[0] = body[0][len(title) :].lstrip()
    byline = u.byline
    if byline is None and paras:
        m = _LEAD_BYLINE.match(paras[0].text)
        if m:
            byline = m.group(1).strip()
    credits = [str(p.extra["credit"]) for p in paras if "credit" in p.extra]
    if credits:
        credit = credits[-1]
        byline = credit if byline is None else byline
    elif byline is None and paras:
        m = _TRAILING_NAME.search(paras[-1].raw)
        if m:
            byline = m.group(1)
            last_text = paras[-1].text
            name = m.group(1).replace(" ", "")
            if last_text.replace(" ", "").endswith(name):
                trimmed = last_text.rstrip()
                trimmed = trimmed[: len(trimmed) - len(name)].rstrip()
                if not trimmed.endswith(tuple("。！？”")):
                    trimmed = last_text
                body[-1] = trimmed
    spans: list[tuple[int, int]] = []
    for p in [*heads_before, *paras, *heads_after, *captions]:
        spans.extend(_spans_of(p))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s in spans:
        if merged and s[0] <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], s[1]))
        else:
            merged.append(s)
    to_page = None
    last_para = paras[-1] if paras else None
    if last_para is not None and "to_page" in last_para.extra:
        to_page = last_para.extra["to_page"]
    from_page = u.from_page if u.from_marker else None
    return Draft(
        title=title,
        title_derived=derived,
        subtitles=subtitles,
        column=column,
        byline=byline,
        paragraphs=body,
        captions=[tidy_spaces(c.text) for c in captions],
        spans=merged,
        continues_to_page=to_page,  # type: ignore[arg-type]
        continued_from_page=from_page,
    )


def split_text(text: str, model: PageModel | None = None) -> list[Draft]:
    """Split one page's text into articles (`model`: its page model, if already read)."""
    paras = build_paragraphs(text, model or read_page(text))
    flow, captions = _prepare(paras)
    sim = _Similarity([p.text for p in flow] + [c.text for _, c in captions])
    units, groups = _walk(flow)
    units = [u for u in units if u.paras or u.heads_before or u.byline]
    units += _resolve_groups(groups, units, sim)
    units = [u for u in units if u.paras or u.heads_before or u.heads_after]
    chains = _rejoin(units, sim)
    # Captions go to the article whose text they stand in (or beside), by content.
    chain_of_para: dict[int, int] = {}
    for ci, chain in enumerate(chains):
        for pc in chain:
            for p in pc.paras:
                chain_of_para[id(p)] = ci
    caps: dict[int, list[Para]] = {}
    for pos, cap in captions:
        before = [p for p in flow[:pos] if id(p) in chain_of_para]
        after = [p for p in flow[pos:] if id(p) in chain_of_para]
        cand: list[int] = []
        if before:
            cand.append(chain_of_para[id(before[-1])])
        if after:
            cand.append(chain_of_para[id(after[0])])
        if not cand:
            if chains:
                cand = [0]
            else:
                continue
        if len(cand) == 2 and cand[0] != cand[1]:
            prev_dangles = _dangling(before[-1])
            s_prev = sim(cap.text, "".join(pc.text() for pc in chains[cand[0]]))
            s_next = sim(cap.text, "".join(pc.text() for pc in chains[cand[1]]))
            choice = cand[1] if (s_next > s_prev + 0.1 and not prev_dangles) else cand[0]
        else:
            choice = cand[0]
        caps.setdefault(choice, []).append(cap)
    drafts = [_build(chain, caps.get(ci, []), sim) for ci, chain in enumerate(chains)]
    if not drafts and captions:
        drafts = [
            Draft(
                title=_derive_title([c.text for _, c in captions])[0],
                title_derived=True,
                subtitles=[],
                column=None,
                byline=None,
                paragraphs=[],
                captions=[tidy_spaces(c.text) for _, c in captions],
                spans=[(c.start, c.end) for _, c in captions],
            )
        ]
    return [d for d in drafts if d.paragraphs or d.captions or d.title]
