"""A page's newspaper, issue date and page number: from a manifest, the file name, or the text.

Each value records how it was found ("manifest", "filename", "text" (the page's furniture),
"inferred" (the text's own dates agree), "neighbours" (another page of the same paper and issue)
or "none"); nothing is guessed beyond what those sources say.
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

from .dates import chinese_number, find_dates
from .page import PageModel, read_page

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


@dataclass
class PageMeta:
    source: str | None = None
    date: str | None = None
    page: int | None = None
    source_how: str = "none"
    date_how: str = "none"
    page_how: str = "none"
    issue: str | None = None  # the issue number the page prints (第3期), to match its neighbours


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


def page_meta(
    rel: str, text: str, manifest: dict[str, dict[str, Any]], model: PageModel | None = None
) -> PageMeta:
    """The page's source, date and page: the manifest, then the file name, then what the page's
    own furniture prints (masthead, issue line, folio, imprint). Never a date one article
    mentions: without a printed issue date the date stays unknown, unless the text's dates
    agree (infer_date), and then it is marked "inferred"."""
    meta = PageMeta()
    entry = manifest.get(rel)
    if entry:
        _from_manifest(entry, meta)
    _from_filename(rel, meta)
    model = model or read_page(text)
    if meta.source is None and model.source is not None:
        meta.source, meta.source_how = model.source.value, "text"
    if meta.date is None and model.date is not None:
        meta.date, meta.date_how = model.date.value, "text"
    if meta.date is None:
        inferred = infer_date(text)
        if inferred:
            meta.date, meta.date_how = inferred, "inferred"
    if meta.page is None and model.page is not None:
        meta.page, meta.page_how = int(model.page.value), "text"
    if model.issue is not None:
        m = _ISSUE_NO.search(model.issue.value)
        meta.issue = re.sub(r"\s+", "", m.group(0)) if m else None
    return meta


_MONTH_DAY = re.compile(
    r"(?<![年\d一二三四五六七八九十〇])(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]"
)
_FULL_DATE_HINT = re.compile(r"年\s*[0-9一二三四五六七八九十]{1,2}\s*月|(?:19|20)\d\d[.-]\d")
_INFER_WINDOW = 7  # days: an issue reports what happened in the days before it


def infer_date(text: str) -> str | None:
    """A date for a page that prints none, only where the text agrees with itself: a full date
    (year, month, day) and another day mentioned within a week after it; the latest of them.
    A lone date, a year from one sentence and a day from another, give nothing. The result is an
    inference, never shown as printed (its provenance is "inferred")."""
    if not _FULL_DATE_HINT.search(text):
        return None
    full = [h for h in find_dates(text) if h.form in ("arabic", "chinese", "dotted", "dashed")]
    if not full:
        return None
    anchor = max(dt.date.fromisoformat(h.iso) for h in full)
    support: list[dt.date] = [
        dt.date.fromisoformat(h.iso) for h in full if dt.date.fromisoformat(h.iso) != anchor
    ]
    for m in _MONTH_DAY.finditer(text):
        mo = int(m["m"]) if m["m"].isdigit() else chinese_number(m["m"])
        da = int(m["d"]) if m["d"].isdigit() else chinese_number(m["d"])
        if not (mo and da):
            continue
        try:
            support.append(dt.date(anchor.year, mo, da))
        except ValueError:
            continue
    near = [d for d in support if 0 < (d - anchor).days <= _INFER_WINDOW]
    if not near:
        return None
    return max(near).isoformat()


_ISSUE_NO = re.compile(r"第\s*[0-9〇○零一二三四五六七八九十百O]{1,6}\s*[期号號]")


def fill_from_same_issue(metas: list[tuple[PageMeta, str]]) -> None:
    """A page with no printed date takes the date of another page of the same paper and the same
    issue number in the same folder (page 2 of 文革消息 第3期 is of page 1's day); nothing else
    is borrowed. Such a date is marked "neighbours", never "text"."""
    known: dict[tuple[str, str, str], str] = {}
    for meta, rel in metas:
        if meta.date and meta.source and meta.issue:
            key = (str(PurePosixPath(rel).parent), meta.source, meta.issue)
            known.setdefault(key, meta.date)
    for meta, rel in metas:
        if meta.date or not (meta.source and meta.issue):
            continue
        date = known.get((str(PurePosixPath(rel).parent), meta.source, meta.issue))
        if date:
            meta.date, meta.date_how = date, "neighbours"


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
