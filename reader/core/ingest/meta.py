"""A page's newspaper, issue date and page number: from a manifest, the file name, or the text.

Each value records how it was found ("manifest", "filename", "text", "neighbours" or "none");
nothing is guessed beyond what those sources say.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

MANIFEST_NAMES = ("manifest.toml", "manifest.json")

_PAPER_SUFFIX = r"(?:日报|晚报|晨报|早报|商报|时报|都市报|新闻|周报|周刊|导报|快报|消息报|青年报|法制报|经济报|报)"
_CJK = "\u4e00-\u9fff"
_DATE_IN_NAME = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})[-_.年]?(?P<m>0[1-9]|1[0-2]|[1-9](?=[-_.月]))[-_.月]?"
    r"(?P<d>0[1-9]|[12]\d|3[01]|[1-9](?!\d))日?(?!\d)"
)
_PAGE_IN_NAME = re.compile(
    r"(?:第\s*(?P<a>\d{1,3})\s*版|[-_ ](?:p|P|page|版)?(?P<b>\d{1,3})$|(?P<c>\d{1,3})版)"
)
_SOURCE_IN_NAME = re.compile(rf"[{_CJK}]{{1,12}}{_PAPER_SUFFIX}")
_MASTHEAD_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:星期|周)[一二三四五六日天]"
)
_FULL_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_MONTH_DAY = re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_YEAR = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年")
_LEAD_DATE = re.compile(
    r"(?:本报讯|本刊讯)\s*(?:[（(][^）)]{0,40}[）)])?\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
)
# A paper's name alone, or followed by what a masthead line prints beside it: the issue date,
# the weekday, the page, the issue number (太原日报 2022年11月24日 星期四 第1版).
_MASTHEAD = re.compile(
    rf"^\s*#*\s*(?P<name>[{_CJK}]{{2,10}}{_PAPER_SUFFIX})"
    r"(?:[\s|｜·•/，,]*(?:"
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"|(?:星期|周)[一二三四五六日天]"
    r"|第\s*(?P<page>\d{1,3})\s*版|(?P<page2>\d{1,3})\s*版"
    r"|第\s*\d{1,6}\s*期|总第\s*\d{1,6}\s*期"
    r"))*\s*$"
)
_MASTHEAD_LINES = 3  # a masthead is one of the page's first lines


@dataclass(frozen=True)
class Masthead:
    """What a masthead line prints: the paper, and perhaps the issue date and the page; and
    where that line stands in the page's text."""

    name: str
    date: str | None
    page: int | None
    start: int
    end: int


def page_masthead(text: str) -> Masthead | None:
    """The masthead on one of the page's first lines (blank ones not counted, and none after
    the first sentence of text), if any."""
    seen = 0
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        m = _MASTHEAD.match(line)
        if m:
            date = _valid_date(int(m["y"]), int(m["m"]), int(m["d"])) if m["y"] else None
            page = int(m["page"] or m["page2"] or 0) or None
            return Masthead(m["name"], date, page, start, start + len(line))
        seen += 1
        if seen == _MASTHEAD_LINES or any(ch in line for ch in "。！？!?"):
            break
    return None


@dataclass
class PageMeta:
    source: str | None = None
    date: str | None = None
    page: int | None = None
    source_how: str = "none"
    date_how: str = "none"
    page_how: str = "none"


class ManifestError(Exception):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def _valid_date(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def load_manifest(root: Path) -> dict[str, dict[str, Any]]:
    """Entries keyed by file path relative to the corpus root (POSIX form)."""
    for name in MANIFEST_NAMES:
        path = root / name
        if not path.is_file():
            continue
        try:
            raw = path.read_bytes()
            if name.endswith(".toml"):
                data: Any = tomllib.loads(raw.decode("utf-8-sig"))
            else:
                data = json.loads(raw.decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
            raise ManifestError(
                str(path), f"清单文件无法读取 (manifest unreadable): {exc}"
            ) from exc
        entries = data.get("page", data.get("pages", [])) if isinstance(data, dict) else data
        out: dict[str, dict[str, Any]] = {}
        if not isinstance(entries, list):
            raise ManifestError(
                str(path), "清单格式不对：需要 [[page]] 列表 (expected a list of pages)"
            )
        for entry in entries:
            if isinstance(entry, dict) and isinstance(entry.get("file"), str):
                out[str(PurePosixPath(entry["file"]))] = entry
        return out
    return {}


def _from_manifest(entry: dict[str, Any], meta: PageMeta) -> None:
    source = entry.get("source") or entry.get("newspaper")
    if isinstance(source, str) and source.strip():
        meta.source, meta.source_how = source.strip(), "manifest"
    date = entry.get("date")
    if isinstance(date, dt.datetime):
        date = date.date()
    if isinstance(date, dt.date):
        meta.date, meta.date_how = date.isoformat(), "manifest"
    elif isinstance(date, str):
        m = _DATE_IN_NAME.search(date)
        if m:
            iso = _valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
            if iso:
                meta.date, meta.date_how = iso, "manifest"
    page = entry.get("page")
    if isinstance(page, int) and not isinstance(page, bool) and page > 0:
        meta.page, meta.page_how = page, "manifest"


def _from_filename(rel: str, meta: PageMeta) -> None:
    parts = PurePosixPath(rel).parts
    stem = PurePosixPath(rel).stem
    names = [stem, *reversed(parts[:-1])]
    for name in names:
        if meta.date is None:
            m = _DATE_IN_NAME.search(name)
            if m:
                iso = _valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
                if iso:
                    meta.date, meta.date_how = iso, "filename"
        if meta.source is None:
            s = _SOURCE_IN_NAME.search(name)
            if s:
                meta.source, meta.source_how = s.group(0), "filename"
    if meta.page is None:
        rest = _DATE_IN_NAME.sub("", stem)
        p = _PAGE_IN_NAME.search(rest)
        if p and (meta.date_how == "filename" or meta.source_how == "filename" or p["a"] or p["c"]):
            num = int(p["a"] or p["b"] or p["c"])
            if 0 < num < 200:
                meta.page, meta.page_how = num, "filename"


def text_date(text: str) -> tuple[str | None, tuple[int, int] | None]:
    """(ISO date, or (month, day) when the text names no year)."""
    head = text[:400]
    m = _MASTHEAD_DATE.search(head)
    if m:
        iso = _valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if iso:
            return iso, None
    years = [int(y["y"]) for y in _YEAR.finditer(text)]
    year = max(years) if years else None
    lead = [(int(x["m"]), int(x["d"])) for x in _LEAD_DATE.finditer(text)]
    mentions = lead or [(int(x["m"]), int(x["d"])) for x in _MONTH_DAY.finditer(text)]
    mentions = [md for md in mentions if 1 <= md[0] <= 12 and 1 <= md[1] <= 31]
    if not mentions:
        full = [
            _valid_date(int(x["y"]), int(x["m"]), int(x["d"])) for x in _FULL_DATE.finditer(text)
        ]
        full_ok = sorted(f for f in full if f)
        return (full_ok[-1], None) if full_ok else (None, None)
    month, day = max(mentions)
    if year is None:
        return None, (month, day)
    return _valid_date(year, month, day), None


def page_meta(
    rel: str, text: str, manifest: dict[str, dict[str, Any]]
) -> tuple[PageMeta, tuple[int, int] | None]:
    meta = PageMeta()
    entry = manifest.get(rel)
    if entry:
        _from_manifest(entry, meta)
    _from_filename(rel, meta)
    pending_md: tuple[int, int] | None = None
    top = page_masthead(text)
    if meta.source is None and top is not None:
        meta.source, meta.source_how = top.name, "text"
    if meta.date is None and top is not None and top.date:
        meta.date, meta.date_how = top.date, "text"
    if meta.date is None:
        iso, md = text_date(text)
        if iso:
            meta.date, meta.date_how = iso, "text"
        else:
            pending_md = md
    if meta.page is None and top is not None and top.page:
        meta.page, meta.page_how = top.page, "text"
    return meta, pending_md


def fill_years_from_neighbours(
    metas: list[tuple[PageMeta, tuple[int, int] | None, str]],
) -> None:
    """Pages whose text names a month and day but no year take the year of dated pages in the
    same folder (the closest in month and day), never a year from nowhere."""
    by_folder: dict[str, list[PageMeta]] = {}
    for meta, _md, rel in metas:
        if meta.date:
            by_folder.setdefault(str(PurePosixPath(rel).parent), []).append(meta)
    for meta, md, rel in metas:
        if meta.date or md is None:
            continue
        dated = by_folder.get(str(PurePosixPath(rel).parent), [])
        if not dated:
            continue

        def distance(m: PageMeta, md: tuple[int, int] = md) -> int:
            d = dt.date.fromisoformat(m.date or "")
            return abs((d.month * 31 + d.day) - (md[0] * 31 + md[1]))

        nearest = min(dated, key=distance)
        year = dt.date.fromisoformat(nearest.date or "").year
        iso = _valid_date(year, md[0], md[1])
        if iso:
            meta.date, meta.date_how = iso, "neighbours"


_USER_DATE = re.compile(
    r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?)?\s*月?\s*$"
)


def parse_user_date(text: str) -> str | None:
    """A date typed by a user (2022-11-24, 2022/11/24, 2022年11月24日, 2022-11) as ISO text;
    None for an empty field. Raises ValueError for anything else."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    m = _USER_DATE.match(text)
    if not m:
        raise ValueError(text)
    y, mo = int(m.group(1)), int(m.group(2))
    if m.group(3) is None:
        dt.date(y, mo, 1)  # raises for a month out of range
        return f"{y:04d}-{mo:02d}"
    return dt.date(y, mo, int(m.group(3))).isoformat()
