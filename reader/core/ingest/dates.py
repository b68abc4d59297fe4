"""Dates in the forms newspapers print them, found with where they stand.

Arabic and Chinese numerals (2022年11月24日, 一九六七年九月八日, 二〇二二年十一月), dotted
(1967.8.5., 2023.11.17版), slashed (2023/11/17; 08/06/2023 day first, as Hong Kong and
British-style papers print it), and a weekday beside the date (星期一, 週二, 周三, TUE). A weekday
that fits one reading of an ambiguous date decides it; one that fits no reading makes the date
doubtful (`weekday_ok` False).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_CN = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": 0,
    "○": 0,
    "O": 0,
    "o": 0,
    "0": 0,
}
# OCR reads 〇 as the letter O or the digit 0 (第一0二期).
_CN_DIGIT = "〇○零一二三四五六七八九0O"
_CN_NUM = f"[{_CN_DIGIT}十]"

WEEKDAYS = {
    "一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
    "MON": 0, "TUE": 1, "WED": 2, "THU": 3, "FRI": 4, "SAT": 5, "SUN": 6,
}  # fmt: skip
_WEEKDAY = re.compile(
    r"(?:星期|週|周|禮拜|礼拜)\s*(?P<w>[一二三四五六日天])"
    r"|(?<![A-Za-z])(?P<e>MON|TUE|WED|THU|FRI|SAT|SUN)(?:DAY|SDAY|NESDAY|URSDAY|URDAY)?(?![a-z])",
    re.IGNORECASE,
)

# Years 1900-2099 only: a four-digit number in an article is far more often an amount.
_Y = r"(?:19|20)\d{2}"
_ARABIC = re.compile(
    rf"(?<!\d)(?P<y>{_Y})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*[日号]"
)
_CHINESE = re.compile(
    rf"(?P<y>[{_CN_DIGIT}]{{4}})\s*年\s*(?P<m>{_CN_NUM}{{1,2}})\s*月\s*(?P<d>{_CN_NUM}{{1,3}})\s*[日号]"
)
_DOTTED = re.compile(
    rf"(?<![\d.])(?P<y>{_Y})\s*[.．]\s*(?P<m>\d{{1,2}})\s*[.．]\s*(?P<d>\d{{1,2}})(?![\d])"
)
_DASHED = re.compile(rf"(?<![\d-])(?P<y>{_Y})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?!\d)")
_SLASH_YMD = re.compile(
    rf"(?<![\d/])(?P<y>{_Y})\s*/\s*(?P<m>\d{{1,2}})\s*/\s*(?P<d>\d{{1,2}})(?![\d/])"
)
_SLASH_DMY = re.compile(
    rf"(?<![\d/])(?P<a>\d{{1,2}})\s*/\s*(?P<b>\d{{1,2}})\s*/\s*(?P<y>{_Y})(?!\d)"
)
# A date stacked over lines and read as one string: "18 / 02 / TUE·2025" (day, month, weekday,
# year), "02 18 2025".
_STACKED = re.compile(
    rf"(?<!\d)(?P<a>\d{{1,2}})\s*[/.\s]\s*(?P<b>\d{{1,2}})\s*[/.\s·]\s*"
    rf"(?:(?P<w>MON|TUE|WED|THU|FRI|SAT|SUN)[A-Z]*\s*[·.\s]\s*)?(?P<y>{_Y})(?!\d)",
    re.IGNORECASE,
)


def chinese_number(s: str) -> int | None:
    """一九六七 -> 1967 (digit by digit), 十一 -> 11, 二十五 -> 25, 三十 -> 30."""
    s = s.strip()
    if not s:
        return None
    if "十" not in s:
        if all(c in _CN for c in s):
            return int("".join(str(_CN[c]) for c in s))
        return None
    a, _, b = s.partition("十")
    if (a and a not in _CN) or (b and b not in _CN) or len(a) > 1 or len(b) > 1:
        return None
    return (_CN[a] if a else 1) * 10 + (_CN[b] if b else 0)


@dataclass(frozen=True)
class DateHit:
    iso: str
    start: int
    end: int
    form: str
    weekday_ok: bool | None = None  # None: no weekday printed beside it


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _weekday_after(text: str, end: int) -> int | None:
    m = _WEEKDAY.search(text, end, min(len(text), end + 12))
    if not m or text[end : m.start()].strip(" ·,，（()）|｜/\t"):
        return None
    key = (m["w"] or m["e"] or "").upper()
    return WEEKDAYS.get(key)


_WIDE = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {0x3000: " "}


_FULLWIDTH_RUN = re.compile("[\uff01-\uff5e]+")


def _fold_run(m: re.Match[str]) -> str:
    return m.group(0).translate(_WIDE)


def fold_width(text: str) -> str:
    """Full-width digits, letters and signs as ASCII, keeping every offset (one code point for
    one)."""
    # Only the full-width runs are translated: str.translate looks up every character of a text.
    return _FULLWIDTH_RUN.sub(_fold_run, text.replace("\u3000", " "))


_MAYBE = re.compile(rf"[0-9０-９]|[{_CN_DIGIT}十]\s*[年月]")


def find_dates(text: str, stacked: bool = False) -> list[DateHit]:
    """Every date printed in `text`, in order; each with the weekday check where one is beside it.
    `stacked` also reads day, month and year standing apart (for short lines read together)."""
    if not _MAYBE.search(text):
        return []
    text = fold_width(text)
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(cands: list[dt.date], start: int, end: int, form: str, weekday: int | None) -> None:
        if not cands or not free(start, end):
            return
        ok: bool | None = None
        if weekday is not None:
            fitting = [c for c in cands if c.weekday() == weekday]
            ok = bool(fitting)
            cands = fitting or cands
        hits.append(DateHit(cands[0].isoformat(), start, end, form, ok))
        taken.append((start, end))

    has_year = "年" in text
    for m in _ARABIC.finditer(text) if has_year else ():
        d = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
        add([d] if d else [], m.start(), m.end(), "arabic", _weekday_after(text, m.end()))
    for m in _CHINESE.finditer(text) if has_year else ():
        y, mo, da = chinese_number(m["y"]), chinese_number(m["m"]), chinese_number(m["d"])
        d = _valid(y, mo, da) if y and mo and da else None
        add([d] if d else [], m.start(), m.end(), "chinese", _weekday_after(text, m.end()))
    for rx, form, sign in (
        (_DOTTED, "dotted", "."),
        (_DASHED, "dashed", "-"),
        (_SLASH_YMD, "slashed", "/"),
    ):
        if sign not in text:
            continue
        for m in rx.finditer(text):
            d = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
            add([d] if d else [], m.start(), m.end(), form, _weekday_after(text, m.end()))
    for rx, form in ((_SLASH_DMY, "day-first"), (_STACKED, "stacked"))[: 2 if stacked else 1]:
        if form == "day-first" and "/" not in text:
            continue
        for m in rx.finditer(text):
            a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
            # Day first is what these papers print; month first only when the day cannot be.
            cands = [c for c in (_valid(y, b, a), _valid(y, a, b)) if c]
            weekday = None
            if form == "stacked" and m["w"]:
                weekday = WEEKDAYS.get(m["w"].upper()[:3])
            else:
                weekday = _weekday_after(text, m.end())
            add(list(dict.fromkeys(cands)), m.start(), m.end(), form, weekday)
    hits.sort(key=lambda h: h.start)
    return hits


def year_month(text: str) -> str | None:
    """'二〇二二年十一月' / '2022年11月' -> '2022-11' (a monthly's issue line), else None."""
    text = fold_width(text)
    m = re.search(
        rf"(?P<y>{_Y}|[{_CN_DIGIT}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|{_CN_NUM}{{1,2}})\s*月", text
    )
    if not m:
        return None
    y = int(m["y"]) if m["y"].isdigit() else chinese_number(m["y"])
    mo = int(m["m"]) if m["m"].isdigit() else chinese_number(m["m"])
    if y and mo and 1900 <= y <= 2099 and 1 <= mo <= 12:
        return f"{y:04d}-{mo:02d}"
    return None
