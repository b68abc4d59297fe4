"""Plain data passed between the core, the command line and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .files import readable_name

UNKNOWN_SOURCE = "未注明来源"
UNKNOWN_DATE = "未注明日期"


@dataclass(frozen=True)
class Problem:
    """Why a file (or part of one) could not be read. `code` is stable; `message` is for people.

    With `loaded` the file did load, and the message says what had to be repaired on the way."""

    file: str
    code: str
    message: str
    corpus: str = ""
    loaded: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "corpus": readable_name(self.corpus),
            "code": self.code,
            "message": self.message,
            "loaded": self.loaded,
        }


@dataclass(frozen=True)
class Provenance:
    """How a page's source, date and page number were found: manifest, filename, text or none."""

    source: str = "none"
    date: str = "none"
    page: str = "none"

    @property
    def date_inferred(self) -> bool:
        """The date is an inference (from the text's own dates, or another page of the same
        issue), not printed on the page nor given by the user."""
        return self.date in ("inferred", "neighbours")

    def to_json(self) -> dict[str, str]:
        return {"source": self.source, "date": self.date, "page": self.page}


@dataclass(frozen=True)
class Span:
    """A half-open range of code points in a page's original (decoded) text."""

    start: int
    end: int


@dataclass
class Article:
    id: str
    file: str
    corpus: str
    source: str | None
    date: str | None
    page: int | None
    title: str
    title_derived: bool
    subtitles: list[str]
    byline: str | None
    body: str
    captions: list[str]
    column: str | None = None
    continued_from: str | None = None
    continues_to: str | None = None
    continues_to_page: int | None = None
    continued_from_page: int | None = None
    provenance: Provenance = field(default_factory=Provenance)
    problems: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n") if self.body else []

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "file": self.file,
            "corpus": readable_name(self.corpus),
            "source": self.source,
            "date": self.date,
            "page": self.page,
            "title": self.title,
            "title_derived": self.title_derived,
            "subtitles": list(self.subtitles),
            "byline": self.byline,
            "column": self.column,
            "body": self.body,
            "captions": list(self.captions),
            "continued_from": self.continued_from,
            "continues_to": self.continues_to,
            "provenance": self.provenance.to_json(),
            "problems": list(self.problems),
            "spans": [[s.start, s.end] for s in self.spans],
        }


@dataclass
class Page:
    """One file of a corpus, decoded, with its metadata and the articles split from it."""

    file: str
    corpus: str
    path: str
    encoding: str
    original: str
    source: str | None
    date: str | None
    page: int | None
    provenance: Provenance
    articles: list[Article] = field(default_factory=list)
    content_hash: str = ""
    # What was found in the files, kept so a user's override can be undone without a reload.
    detected: tuple[str | None, str | None, Provenance] | None = None
