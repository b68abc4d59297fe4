"""How text becomes index terms, and how a query word becomes what must be found.

Design: every field is indexed as overlapping character bigrams of each CJK run (the last
character of a run as a unigram), one token per character position, and Latin letters/digits as
whole lowercase words. A Chinese query string is then found as an exact substring: a two-character
name (韦韬) is one bigram term, so only articles containing that string match, never ones with 韦
and 韬 apart; a longer string is a phrase of its bigrams. No dictionary decides what can be
found. Query words are segmented with jieba's dictionary (via rjieba, see segment_query) so that a
long typed string means "all of these words" rather than "this exact string".

Folding (both sides): NFKC (full-width → half-width), lower case, traditional → simplified
(OpenCC t2s), whitespace between Chinese characters ignored (OCR spreads it around).

This module's path is pickled into the index with the tokenizer class: keep the name stable.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from whoosh.analysis import Token, Tokenizer

# Bump when tokens change: an index built with another version is rebuilt.
ANALYZER_VERSION = 2


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x20000 <= o <= 0x323AF
        or 0xF900 <= o <= 0xFAFF
        or o == 0x3007  # 〇
    )


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Each character whose NFKC + lower-case form is one other character (full-width forms,
    compatibility ideographs, letters); characters that would become several are left alone,
    so folding never moves a character and offsets into folded text are offsets into the
    original."""
    table: dict[int, str] = {}
    ranges = (
        range(0x20, 0xD800),
        range(0xE000, 0x10000),
        range(0x1D400, 0x1D800),
        range(0x2F800, 0x2FA20),
    )
    for cp in (c for r in ranges for c in r):
        ch = chr(cp)
        f = unicodedata.normalize("NFKC", ch).lower()
        if f != ch and len(f) == 1:
            table[cp] = f
    return table


def fold(text: str) -> str:
    """The comparable form of a text, character for character (same length)."""
    folded = text.translate(_fold_table())
    converted: str = _t2s().convert(folded)
    return converted if len(converted) == len(folded) else folded


@dataclass(frozen=True)
class Unit:
    """One index token: its text and whether a query may only require it as a prefix."""

    text: str
    prefix: bool = False


_CJK = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
_RUN = re.compile(rf"([{_CJK}]+(?:\s+[{_CJK}]+)*)|((?:(?![{_CJK}])[^\W_])+)")
_SPACE = re.compile(r"\s+")


def _runs(text: str) -> Iterator[tuple[str, str]]:
    """('cjk'|'word', run) over folded text; whitespace between CJK characters does not end a
    run; anything else that is neither CJK nor a letter/digit separates runs."""
    for m in _RUN.finditer(text):
        cjk = m.group(1)
        if cjk is not None:
            yield (
                "cjk",
                _SPACE.sub("", cjk)
                if " " in cjk or "\n" in cjk or "\t" in cjk or "\u3000" in cjk
                else cjk,
            )
        else:
            yield "word", m.group(2)


def index_tokens(text: str) -> Iterator[str]:
    """Tokens of a (folded) text, one per position."""
    for kind, run in _runs(text):
        if kind == "word":
            yield run
        else:
            yield from map(str.__add__, run, run[1:])
            yield run[-1]


def needle_units(needle: str) -> list[Unit]:
    """The tokens that must appear in consecutive positions for a document to contain `needle`
    (already folded). A run's last character is implied by its last bigram when the needle ends
    there; a single trailing character must be the start of whatever token stands there."""
    runs = list(_runs(needle))
    units: list[Unit] = []
    for n, (kind, run) in enumerate(runs):
        final = n == len(runs) - 1
        if kind == "word":
            units.append(Unit(run))
            continue
        for k in range(len(run) - 1):
            units.append(Unit(run[k : k + 2]))
        if len(run) == 1 or not final:
            # Followed by another token in the needle, the run ends here in the document too,
            # so its last character is a unigram; at the needle's end it may go on.
            units.append(Unit(run[-1], prefix=final))
    return units


class BigramTokenizer(Tokenizer):  # type: ignore[misc]
    """Whoosh tokenizer for index_tokens (positions are ordinal, so phrases work)."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BigramTokenizer)

    def __hash__(self) -> int:
        return hash(BigramTokenizer)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        for text in index_tokens(fold(value)):
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = pos
            pos += 1
            yield t


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import rjieba

    return rjieba


def segment_query(word: str) -> list[str]:
    """Split a typed word (folded, no spaces) into the pieces that must each appear.

    Chinese runs are cut with jieba's dictionary (rjieba: the same dictionary, loads in 0.1 s
    instead of 1.5 s); consecutive single characters are glued back together, so a name the
    dictionary does not know (韦韬 → 韦 / 韬) stays one exact string."""
    pieces: list[str] = []
    for kind, run in _runs(word):
        if kind == "word" or len(run) <= 2:
            pieces.append(run)
            continue
        singles = ""
        for w in _segmenter().cut(run):
            if len(w) == 1:
                singles += w
                continue
            if singles:
                pieces.append(singles)
                singles = ""
            pieces.append(w)
        if singles:
            pieces.append(singles)
    return pieces


# -- finding hits in a text, for snippets and highlighting ------------------------------------


def _comparable(text: str) -> tuple[str, list[int]]:
    """The text as the index sees it (folded; spaces between CJK characters dropped; other
    separators as \x00), with each character's offset in the original text."""
    folded = fold(text)
    # Whether the next character that is not a space is CJK, for every position (one pass from
    # the end, so that long runs of spaces cost no more than short ones).
    cjk_after = [False] * (len(folded) + 1)
    for i in range(len(folded) - 1, -1, -1):
        c = folded[i]
        cjk_after[i] = cjk_after[i + 1] if c.isspace() else is_cjk(c)
    out: list[str] = []
    where: list[int] = []
    prev_sep = True
    for i, c in enumerate(folded):
        if is_cjk(c) or c.isalnum():
            out.append(c)
            where.append(i)
            prev_sep = False
        elif c.isspace() and out and is_cjk(out[-1]) and cjk_after[i + 1]:
            continue
        elif not prev_sep:
            out.append("\x00")
            where.append(i)
            prev_sep = True
    return "".join(out), where


def find_all(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Code-point ranges in `text` where any of the (folded) needles occurs, sorted, merged."""
    if not needles or not text:
        return []
    hay, where = _comparable(text)
    spans: list[tuple[int, int]] = []
    for needle in needles:
        nd, _ = _comparable(needle)
        nd = nd.strip("\x00")
        if not nd:
            continue
        start = hay.find(nd)
        while start >= 0:
            end = start + len(nd)
            spans.append((where[start], where[end - 1] + 1))
            start = hay.find(nd, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged
