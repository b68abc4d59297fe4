"""The statistical part of entity extraction: a linear-chain CRF over characters
(python-crfsuite) that labels people, places and organisations sentence by sentence."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.core.entities.features import sentence_features

MODEL_PATH = Path(__file__).with_name("ner.crfsuite")
MAX_SENTENCE = 300

_SENTENCE_END = re.compile(r"[。！？!?；;\n]+[”’」』）)]*|\s{2,}")
_local = threading.local()


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence: cut after sentence-final punctuation and line breaks;
    a very long run is cut at commas, then hard, so no sequence grows without bound."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        yield from _bounded(text, start, m.end())
        start = m.end()
    if start < len(text):
        yield from _bounded(text, start, len(text))


def _bounded(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    while b - a > MAX_SENTENCE:
        cut = max(text.rfind(p, a, a + MAX_SENTENCE) for p in "，,、：:")
        cut = cut + 1 if cut > a else a + MAX_SENTENCE
        yield a, cut
        a = cut
    if text[a:b].strip():
        yield a, b


def _tagger() -> Any:
    tagger = getattr(_local, "tagger", None)
    if tagger is None:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(MODEL_PATH))
        _local.tagger = tagger
    return tagger


def tag_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, PER|LOC|ORG) spans found by the model, in code points."""
    tagger = _tagger()
    out: list[tuple[int, int, str]] = []
    for a, b in split_sentences(text):
        labels = tagger.tag(sentence_features(text[a:b]))
        start = None
        kind = ""
        for i, lab in enumerate([*labels, "O"]):
            if start is not None and (lab == "O" or lab.startswith("B-") or lab[2:] != kind):
                out.append((a + start, a + i, kind))
                start = None
            if lab != "O" and start is None:
                start, kind = i, lab[2:]
    return out
