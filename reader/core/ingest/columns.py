"""Two columns read line by line into one: put their lines back in order.

OCR with a naive reading order, and text extracted from PDF pages, can interleave two columns
(a line of the left column, a line of the right, and so on). Within one column a word is often
cut at a line's end and finished at the next line's start (红 / 旗); across columns the two ends
make no word. So for every line we ask the segmenter (jieba's dictionary, through rjieba)
whether a word spans the join with the next line, and with the line after that. On ordinary
text the next line wins far more often; where the line after next wins, over a run of lines,
the run is two columns interleaved, and its lines are read as every other line, then the rest.

Evidence is counted only where a join says something (a join next to punctuation says
nothing), and a run is taken only where the line after next wins by a clear margin.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from .text import cjk_count, display_width

_PUNCT_END = "，。、；：！？）”」』》,.;:!?)"
_PUNCT_START = "，。、；：！？（“「『《,.;:!?("
_MIN_MARGIN = 3  # joins that favour the interleaved reading, net, before a run is taken
# Net evidence per line a run must have: where columns drift (a skewed scan, three columns
# read in a changing order) the evidence is thin over a long run, and reading it as strictly
# alternating would cut sentences that were whole.
_MIN_DENSITY = 0.25
_MIN_LINE = 6  # characters: shorter lines (headlines, labels, ends of paragraphs) are no evidence


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import rjieba

    return rjieba


def word_across(a: str, b: str) -> bool | None:
    """Whether a word spans the end of `a` and the start of `b`; None when punctuation at the
    join (or an empty side) makes the question empty."""
    a, b = a.rstrip()[-4:], b.lstrip()[:4]
    if not a or not b or a[-1] in _PUNCT_END or b[0] in _PUNCT_START:
        return None
    pos = 0
    for tok in _segmenter().cut(a + b, False):  # dictionary words only: no guessed ones
        if pos < len(a) < pos + len(tok):
            return True
        pos += len(tok)
    return False


def _evidence(texts: Sequence[str], usable: Sequence[bool], k: int) -> list[int]:
    """Per line i: +1 when only the line k further on continues it (not the next, nor any
    nearer), -1 when only the next does."""
    n = len(texts)
    out = [0] * n
    for i in range(n - k):
        if not all(usable[i : i + k + 1]):
            continue
        near = [word_across(texts[i], texts[i + j]) for j in range(1, k)]
        far = word_across(texts[i], texts[i + k])
        if far and near[0] is False and not any(near[1:]):
            out[i] = 1
        elif near[0] and far is False:
            out[i] = -1
    return out


def _best_run(ev: list[int], lo: int, hi: int) -> tuple[int, int, int]:
    """The run ev[s:t] within [lo, hi) with the largest sum (Kadane): (sum, s, t)."""
    best = (0, lo, lo)
    total, start = 0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0, i
        total += ev[i]
        if total > best[0]:
            best = (total, start, i + 1)
    return best


def _runs(
    ev: list[int], ok: list[bool], widths: list[float], n: int, k: int
) -> list[tuple[int, int, int]]:
    pending = [(0, n)]
    runs: list[tuple[int, int, int]] = []
    while pending:
        lo, hi = pending.pop()
        score, s, t = _best_run(ev, lo, hi)
        if score < _MIN_MARGIN:
            continue
        end = min(hi, t + k)  # line i's evidence speaks of lines i..i+k
        # Lines that say nothing either way (a join beside punctuation) on either side of the
        # run are part of it: the columns began before the first join that shows them.
        full = statistics.median(widths[s:end])

        def fits(i: int, full: float = full) -> bool:
            return ok[i] and abs(widths[i] - full) <= 1.5  # a full line of the same columns

        while s > lo and fits(s - 1) and ev[s - 1] >= 0:
            s -= 1
        while end < hi and fits(end) and ev[end - k] >= 0:
            end += 1
        if score / (end - s) >= _MIN_DENSITY:
            runs.append((score, s, end))
        pending += [(lo, s), (end, hi)]
    return runs


def reading_order(texts: Sequence[str], usable: Sequence[bool] | None = None) -> list[int]:
    """The order to read the lines in: 0..n-1, except runs of two (or three) columns
    interleaved line by line, which come column by column: every other (every third) line, then
    the next. `usable[i]` False keeps line i out of any run (a headline, furniture)."""
    n = len(texts)
    kinds_ok = list(usable) if usable is not None else [True] * n
    ok = [u and cjk_count(t[:12]) >= _MIN_LINE for u, t in zip(kinds_ok, texts, strict=True)]
    order = list(range(n))
    if n < 6:
        return order
    widths = [display_width(t) for t in texts]
    found: list[tuple[int, int, int, int]] = []
    for k in (2, 3):
        found += [
            (score, s, t, k) for score, s, t in _runs(_evidence(texts, ok, k), ok, widths, n, k)
        ]
    taken: list[tuple[int, int]] = []
    for _score, s, t, k in sorted(found, reverse=True):
        if any(s < b and a < t for a, b in taken):
            continue  # the stronger reading of these lines was already taken
        # A column's last line is often short (开。): the run takes up to k-1 of them.
        for _ in range(k - 1):
            if t < n and kinds_ok[t] and not ok[t] and not any(a <= t < b for a, b in taken):
                t += 1
        taken.append((s, t))
        block = order[s:t]
        order[s:t] = [line for j in range(k) for line in block[j::k]]
    return order
