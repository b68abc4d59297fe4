"""Character features for the entity tagger.

One list of feature strings per character: the character and its neighbours, character
pairs, and the word jieba's dictionary puts around it (its part-of-speech tag and where the
character sits in the word). The training tool and the tagger share this code, so what the
model learned is what it is shown.
"""

from __future__ import annotations

from reader.core.entities.rules import words
from reader.core.search.analysis import _fold_table

FEATURES_VERSION = 1


def _kind(ch: str) -> str:
    if ch.isdigit():
        return "d"
    if "\u4e00" <= ch <= "\u9fff":
        return "h"
    if ch.isalpha():
        return "a"
    if ch.isspace():
        return "s"
    return "p"


def word_tags(text: str) -> list[tuple[str, str, str]]:
    """Per character: (part-of-speech tag with the character's place in its word,
    previous word's tag, next word's tag), from jieba's dictionary via rjieba."""
    found = words(text)
    out: list[tuple[str, str, str]] = []
    if sum(len(w) for w, _ in found) != len(text):  # never expected; keep the tagger safe
        return [("?", "?", "?")] * len(text)
    for k, (word, tag) in enumerate(found):
        prev = found[k - 1][1] if k else "^"
        nxt = found[k + 1][1] if k + 1 < len(found) else "$"
        n = len(word)
        if n == 1:
            out.append((tag + "S", prev, nxt))
            continue
        out.append((tag + "B", prev, nxt))
        out.extend((tag + "M", prev, nxt) for _ in range(n - 2))
        out.append((tag + "E", prev, nxt))
    return out


def sentence_features(text: str) -> list[list[str]]:
    """Feature strings for each character of one sentence."""
    t = text.translate(_fold_table())
    tags = word_tags(t)
    padded = "\x02\x02" + t + "\x03\x03"
    feats: list[list[str]] = []
    for i, c in enumerate(t):
        p2, p1, n1, n2 = padded[i], padded[i + 1], padded[i + 3], padded[i + 4]
        tag, prev, nxt = tags[i]
        feats.append(
            [
                "c" + c,
                "p" + p1,
                "n" + n1,
                "q" + p2,
                "m" + n2,
                "pc" + p1 + c,
                "cn" + c + n1,
                "pn" + p1 + n1,
                "qp" + p2 + p1,
                "nm" + n1 + n2,
                "t" + tag,
                "tp" + prev + tag,
                "tn" + tag + nxt,
                "k" + _kind(p1) + _kind(c) + _kind(n1),
            ]
        )
    return feats
