"""Preferences and window state, typed, with their defaults in one place, stored in QSettings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from reader.core.export import STYLES
from reader.core.marks import COLOURS

DEFAULT_FONT_SIZE = 15
MIN_FONT_SIZE, MAX_FONT_SIZE = 9, 40
THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "zh_CN", "en")

T = TypeVar("T")


class _Setting(Generic[T]):
    """One stored value: its key, default and how a stored value is checked. A damaged or
    hand-edited value falls back to the default instead of failing."""

    def __init__(self, key: str, default: T) -> None:
        self.key, self.default = key, default

    def parse(self, raw: object) -> T:
        raise NotImplementedError

    def store(self, value: T) -> object:
        return value

    def __get__(self, prefs: Prefs, owner: type | None = None) -> T:
        raw = prefs.settings.value(self.key, None)
        if raw is None:
            return self.default
        try:
            return self.parse(raw)
        except (TypeError, ValueError):
            return self.default

    def __set__(self, prefs: Prefs, value: T) -> None:
        prefs.settings.setValue(self.key, self.store(self.parse(value)))


class _Choice(_Setting[str]):
    def __init__(self, key: str, default: str, choices: tuple[str, ...] = ()) -> None:
        super().__init__(key, default)
        self.choices = choices

    def parse(self, raw: object) -> str:
        if not isinstance(raw, str) or (self.choices and raw not in self.choices):
            raise ValueError(raw)
        return raw


class _Int(_Setting[int]):
    def __init__(self, key: str, default: int, lo: int = 0, hi: int = 2**31 - 1) -> None:
        super().__init__(key, default)
        self.lo, self.hi = lo, hi

    def parse(self, raw: Any) -> int:
        return max(self.lo, min(self.hi, int(raw)))


class _Bool(_Setting[bool]):
    def parse(self, raw: object) -> bool:
        if isinstance(raw, bool):
            return raw
        if raw in ("true", "false"):
            return raw == "true"
        raise ValueError(raw)

    def store(self, value: bool) -> object:
        return "true" if value else "false"


class _Strings(_Setting[list[str]]):
    def parse(self, raw: object) -> list[str]:
        data = json.loads(raw) if isinstance(raw, str) else raw
        if not isinstance(data, list) or not all(isinstance(x, str) for x in data):
            raise ValueError(raw)
        return list(data)

    def store(self, value: list[str]) -> object:
        return json.dumps(value, ensure_ascii=False)


class _Bytes(_Setting[QByteArray]):
    def parse(self, raw: object) -> QByteArray:
        if not isinstance(raw, QByteArray):
            raise TypeError(raw)
        return raw


class Prefs:
    font_size = _Int("view/font_size", DEFAULT_FONT_SIZE, MIN_FONT_SIZE, MAX_FONT_SIZE)
    font_family = _Choice("view/font_family", "")  # "" = the best installed CJK font
    theme = _Choice("view/theme", "system", THEMES)
    language = _Choice("ui/language", "system", LANGUAGES)
    newest_first = _Bool("library/newest_first", True)
    last_article = _Choice("reading/article", "")
    # The text position at the top of the reader: survives a new font size or window size.
    last_position = _Int("reading/position", 0)
    printed = _Bool("reading/printed", False)
    recent_queries = _Strings("search/recent", [])
    entity_types = _Strings("view/entity_types", ["PERSON", "PLACE", "ORG", "DATE", "NUMBER"])
    mark_colour = _Choice("marks/colour", "yellow", COLOURS)
    citation_style = _Choice("marks/citation_style", "gbt7714", STYLES)
    export_folder = _Choice("marks/export_folder", "")
    geometry = _Bytes("window/geometry", QByteArray())
    window_state = _Bytes("window/state", QByteArray())

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    @classmethod
    def in_folder(cls, folder: Path) -> Prefs:
        """Settings live in the data folder, so --data-dir keeps a profile whole."""
        return cls(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))

    def sync(self) -> None:
        self.settings.sync()
