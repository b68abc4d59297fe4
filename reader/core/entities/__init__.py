"""People, places, organisations, dates and numbers in an article's text.

`extract(text)` runs offline: a character CRF trained on public data finds people, places
and organisations (tagger.py); rules add dates, numbers with units, titles in front of names
and names in bylines (rules.py). Offsets are Python code points into the text given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.core.entities import rules
from reader.core.entities.features import FEATURES_VERSION
from reader.core.entities.tagger import tag_spans

PERSON, PLACE, ORG, DATE, NUMBER = "PERSON", "PLACE", "ORG", "DATE", "NUMBER"
TYPES = (PERSON, PLACE, ORG, DATE, NUMBER)
NAME_TYPES = (PERSON, PLACE, ORG)
_MODEL_TYPES = {"PER": PERSON, "LOC": PLACE, "ORG": ORG}
EXTRACTOR_VERSION = f"3.{FEATURES_VERSION}"


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    type: str
    start: int
    end: int
    title: str = ""
    title_start: int = -1  # where the title begins (it ends where the name starts)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "type": self.type,
            "start": self.start,
            "end": self.end,
        }
        if self.title:
            out["title"] = self.title
            out["title_start"] = self.title_start
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entity:
        return cls(
            str(data["text"]),
            str(data["type"]),
            int(data["start"]),
            int(data["end"]),
            str(data.get("title", "")),
            int(data.get("title_start", -1)),
        )


def extract(text: str) -> list[Entity]:
    """All entities of a text, sorted by position, never overlapping."""
    taken = bytearray(len(text))
    found: list[tuple[int, int, str]] = []

    def claim(a: int, b: int, kind: str) -> None:
        if b > a and not any(taken[a:b]):
            # what holds each character: 2 for a place or organisation, which a person's title
            # may cover (市委 in 市委书记郑长河), 1 for anything else
            taken[a:b] = (b"\x02" if kind in (PLACE, ORG) else b"\x01") * (b - a)
            found.append((a, b, kind))

    for a, b in rules.byline_people(text):
        claim(a, b, PERSON)
    words = rules.words(text)
    starts = [0]
    for w, _ in words:
        starts.append(starts[-1] + len(w))
    at = {s: i for i, s in enumerate(starts)}
    model: list[tuple[int, int, str]] = []
    for a, b, kind in tag_spans(text):
        if kind == "PER":
            trimmed = rules.trim_person(text, a, b)
            if trimmed is None or not rules.plausible_person(text[trimmed[0] : trimmed[1]]):
                continue
            a, b = trimmed
        if kind in ("LOC", "ORG") and b in at:
            # 中国 + 足球队, 中共中央 + 政治局: the words after a name that make it an organisation
            extra = rules.organisation_ends(words, at[b])
            if extra:
                b = starts[at[b] + extra]
                kind = "ORG"
        model.append((a, b, _MODEL_TYPES[kind]))
    # the model's people first, then a name right after an official's title (which outranks
    # the model calling part of it a place), then the model's places and organisations
    for a, b, kind in model:
        if kind == PERSON:
            claim(a, b, kind)
    for a, b in rules.titled_people(text, words):
        claim(a, b, PERSON)
    for a, b, kind in model:
        if kind != PERSON:
            claim(a, b, kind)
    for (w, tag), a in zip(words, starts[:-1], strict=True):
        if tag == "nt" and len(w) > 1:
            claim(a, a + len(w), ORG)

    for a, b in rules.dates(text):
        claim(a, b, DATE)
    for a, b in rules.numbers(text):
        claim(a, b, NUMBER)
    found.sort()
    out = []
    for a, b, kind in found:
        title, title_start = "", -1
        if kind == PERSON:
            t = rules.title_before(text, a)
            if t is not None and b"\x01" not in taken[t[0] : a]:
                title_start, title = t
        out.append(Entity(text[a:b], kind, a, b, title, title_start))
    return out
