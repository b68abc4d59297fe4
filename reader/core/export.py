"""Marks out into the formats a writer uses: Markdown, CSV, JSON (lossless, for re-import), DOCX
and HTML, each mark with its citation. Files are written beside the target and renamed over it
only when complete, so an interrupted export leaves the previous file as it was."""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reader.core.corpus import Progress
from reader.core.entities import Entity, rules
from reader.core.marks import COLOUR_NAMES_ZH, Mark, MarkStoreError

FORMATS = ("md", "csv", "json", "docx", "html")
STYLES = ("gbt7714", "plain")
JSON_FORMAT = "press-reader-marks"
JSON_VERSION = 1

# A citation lists at most three authors, then "等" (GB/T 7714-2015, 8.1.2).
MAX_AUTHORS = 3

EntitiesFor = Callable[[Mark], list[Entity]]


class ExportError(MarkStoreError):
    pass


@dataclass(frozen=True)
class ExportReport:
    path: Path
    count: int
    format: str


# -- citations ----------------------------------------------------------------------------------
def authors(mark: Mark) -> list[str]:
    """The people named in the article's byline (reporters, correspondents)."""
    return rules.byline_names(mark.byline) if mark.byline else []


def _title(mark: Mark) -> str:
    return mark.title.strip().rstrip("。.") or "[无题名]"


def citation(mark: Mark, style: str = "gbt7714") -> str:
    """GB/T 7714-2015 for a newspaper article (作者. 题名[N]. 报纸名, 出版日期(版次).), or the
    plain "source, date, title"."""
    if style == "plain":
        return ", ".join(
            [mark.source or "未注明来源", _cited_date(mark) or "未注明日期", _title(mark)]
        )
    if style != "gbt7714":
        raise ValueError(style)
    names = authors(mark)
    head = ""
    if names:
        shown = names[:MAX_AUTHORS]
        head = ", ".join(shown) + (", 等" if len(names) > MAX_AUTHORS else "") + ". "
    source = mark.source or "[出版者不详]"
    date = _cited_date(mark) or "[出版日期不详]"
    page = f"({mark.page})" if mark.page else ""
    return f"{head}{_title(mark)}[N]. {source}, {date}{page}."


def _cited_date(mark: Mark) -> str | None:
    """The date as cited: an inferred one in square brackets, as GB/T 7714 writes a date
    supplied by the cataloguer rather than printed ([2022-04-19])."""
    if mark.date and mark.date_inferred:
        return f"[{mark.date}]"
    return mark.date


def quote_entities(mark: Mark, entities: Iterable[Entity]) -> list[dict[str, Any]]:
    """The article's entities that lie inside the quote, with offsets into the quote."""
    out = []
    for e in entities:
        if mark.start <= e.start and e.end <= mark.end and not mark.detached:
            out.append({"text": e.text, "type": e.type, "start": e.start - mark.start,
                        "end": e.end - mark.start})  # fmt: skip
    return out


def record(mark: Mark, entities: list[Entity], style: str) -> dict[str, Any]:
    """Everything exported about one mark, in a stable order."""
    data = mark.to_json()
    data["entities"] = quote_entities(mark, entities)
    data["citation"] = citation(mark, style)
    data["citation_gbt7714"] = citation(mark, "gbt7714")
    data["citation_plain"] = citation(mark, "plain")
    return data


# -- formats ------------------------------------------------------------------------------------------
def _header(app_version: str, exported: str, count: int) -> dict[str, Any]:
    return {"format": JSON_FORMAT, "format_version": JSON_VERSION, "app_version": app_version,
            "exported_at": exported, "count": count}  # fmt: skip


_MD_SPECIAL = re.compile(r"([\\`*_<>#|~]|\](?=[(\[:])|!(?=\[))")


def _md(text: str) -> str:
    """Text shown as itself in Markdown: characters that would format, link or load an image are
    escaped (a bracket only where it would make a link, so a citation's [N] stays readable)."""
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(1), text)


def _entity_list(rec: dict[str, Any]) -> str:
    return "; ".join(f"{e['text']}/{e['type']}" for e in rec["entities"])


def _where(rec: dict[str, Any]) -> str:
    where = f"{rec['article_id']} [{rec['start']}, {rec['end']})"
    return where + (" (detached)" if rec["detached"] else "")


def write_markdown(recs: list[dict[str, Any]], head: dict[str, Any]) -> bytes:
    lines = [
        "# Press Reader 标注 (marks)",
        "",
        f"导出时间 (exported): {head['exported_at']} · Press Reader {head['app_version']} · "
        f"{head['count']} 条标注 (marks)",
        "",
    ]
    for n, r in enumerate(recs, 1):
        lines.append(f"## {n}. {_md(r['title'] or '[无题名]')}")
        lines.append("")
        lines += [f"> {_md(line)}" if line else ">" for line in r["quote"].split("\n")]
        lines.append("")
        lines.append(f"—— {_md(r['citation'])}")
        lines.append("")
        if r["note"]:
            note = _md(r["note"]).replace("\n", "  \n  ")
            lines.append(f"- 备注 (note): {note}")
        if r["tags"]:
            lines.append(f"- 标签 (tags): {_md(', '.join(r['tags']))}")
        lines.append(f"- 颜色 (colour): {COLOUR_NAMES_ZH.get(r['colour'], '')} {r['colour']}")
        if r["entities"]:
            lines.append(f"- 实体 (entities): {_md(_entity_list(r))}")
        meta = [r["source"] or "未注明来源", r["date"] or "未注明日期"]
        if r["page"]:
            meta.append(f"第{r['page']}版")
        lines.append(f"- 出处 (source): {_md(' · '.join(meta))}")
        lines.append(f"- 位置 (article, offsets): {_md(_where(r))}")
        lines.append("")
    return "\n".join(lines).encode("utf-8")


CSV_COLUMNS = (
    "id", "quote", "note", "tags", "colour", "title", "source", "date", "date_inferred", "page",
    "article_id", "start", "end", "detached", "entities", "citation", "citation_plain", "created", "updated",
    "exported_at", "app_version",
)  # fmt: skip
_FORMULA = re.compile(r"^[=+@\t\r]|^-(?![\d.])")


def _cell(value: object) -> str:
    """A CSV cell. Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if _FORMULA.match(text) else text


def write_csv(recs: list[dict[str, Any]], head: dict[str, Any]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in recs:
        row = dict(r)
        row["tags"] = "; ".join(r["tags"])
        row["entities"] = _entity_list(r)
        row["citation_plain"] = r["citation_plain"]
        row["detached"] = "yes" if r["detached"] else ""
        row["date_inferred"] = "yes" if r.get("date_inferred") else ""
        row["exported_at"], row["app_version"] = head["exported_at"], head["app_version"]
        writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
    # With a BOM Excel reads the file as UTF-8, so Chinese opens as Chinese.
    return out.getvalue().encode("utf-8-sig")


def write_json(recs: list[dict[str, Any]], head: dict[str, Any]) -> bytes:
    data = {**head, "marks": recs}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


_HTML_COLOURS = {"yellow": "#FFF3A3", "green": "#C8F0C8", "blue": "#CDE3FA", "pink": "#F9D0E3",
                 "purple": "#E2D4F7"}  # fmt: skip


def write_html(recs: list[dict[str, Any]], head: dict[str, Any]) -> bytes:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        # Nothing in an export loads from anywhere: quotes are text, not markup.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        "<title>Press Reader 标注 (marks)</title>",
        "<style>body{font-family:serif;max-width:46em;margin:2em auto;line-height:1.7}"
        "blockquote{margin:0;padding:.3em 1em;border-left:4px solid #999}"
        ".meta{color:#555;font-size:90%}</style></head><body>",
        "<h1>Press Reader 标注 (marks)</h1>",
        f'<p class="meta">导出时间 (exported): {e(head["exported_at"])} · Press Reader '
        f"{e(head['app_version'])} · {head['count']} 条标注 (marks)</p>",
    ]
    for n, r in enumerate(recs, 1):
        colour = _HTML_COLOURS.get(r["colour"], "#FFF3A3")
        quote = "<br>".join(e(line) for line in r["quote"].split("\n"))
        parts.append(f'<section id="mark-{e(r["id"])}"><h2>{n}. {e(r["title"])}</h2>')
        parts.append(f'<blockquote><mark style="background:{colour}">{quote}</mark></blockquote>')
        parts.append(f'<p>—— {e(r["citation"])}</p><ul class="meta">')
        if r["note"]:
            parts.append(
                f"<li>备注 (note): {'<br>'.join(e(x) for x in r['note'].split(chr(10)))}</li>"
            )
        if r["tags"]:
            parts.append(f"<li>标签 (tags): {e(', '.join(r['tags']))}</li>")
        parts.append(f"<li>颜色 (colour): {e(r['colour'])}</li>")
        if r["entities"]:
            parts.append(f"<li>实体 (entities): {e(_entity_list(r))}</li>")
        parts.append(f"<li>位置 (article, offsets): {e(_where(r))}</li></ul></section>")
    parts.append("</body></html>")
    return "\n".join(parts).encode("utf-8")


def write_docx(recs: list[dict[str, Any]], head: dict[str, Any]) -> bytes:
    import docx  # python-docx: loaded only for this format
    from docx.enum.text import WD_COLOR_INDEX
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    highlight = {"yellow": WD_COLOR_INDEX.YELLOW, "green": WD_COLOR_INDEX.BRIGHT_GREEN,
                 "blue": WD_COLOR_INDEX.TURQUOISE, "pink": WD_COLOR_INDEX.PINK,
                 "purple": WD_COLOR_INDEX.VIOLET}  # fmt: skip
    document = docx.Document()
    normal = document.styles["Normal"]
    # Word picks the East Asian font separately; name one every Chinese Word has.
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    props = document.core_properties
    props.title = "Press Reader 标注 (marks)"
    props.comments = f"exported {head['exported_at']} by Press Reader {head['app_version']}"
    # python-docx's add_paragraph scans the body for its section properties and the styles for
    # the default one on every call: 5,000 marks took 35 s. Paragraphs are appended directly
    # (the section properties go back last) with style ids looked up once: 5,000 in about 2 s.
    ids = {name: document.styles[name].style_id for name in ("Heading 1", "Heading 2", "Quote")}
    body = document.element.body
    section = body.sectPr
    if section is not None:
        body.remove(section)

    def para(text: str, style: str = "") -> Any:
        element = OxmlElement("w:p")
        body.append(element)
        p = Paragraph(element, document)
        if style:
            p._p.style = ids[style]
        if text:
            p.add_run(text)
        return p

    para("Press Reader 标注 (marks)", "Heading 1")
    para(
        f"导出时间 (exported): {head['exported_at']} · Press Reader {head['app_version']} · "
        f"{head['count']} 条标注 (marks)"
    )
    for n, r in enumerate(recs, 1):
        para(f"{n}. {r['title'] or '[无题名]'}", "Heading 2")
        run = para("", "Quote").add_run(r["quote"])
        run.font.highlight_color = highlight.get(r["colour"], WD_COLOR_INDEX.YELLOW)
        para(f"—— {r['citation']}")
        if r["note"]:
            para(f"备注 (note): {r['note']}")
        if r["tags"]:
            para(f"标签 (tags): {', '.join(r['tags'])}")
        para(f"颜色 (colour): {r['colour']}")
        if r["entities"]:
            para(f"实体 (entities): {_entity_list(r)}")
        para(f"位置 (article, offsets): {_where(r)}")
    if section is not None:
        body.append(section)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


WRITERS: dict[str, Callable[[list[dict[str, Any]], dict[str, Any]], bytes]] = {
    "md": write_markdown,
    "csv": write_csv,
    "json": write_json,
    "html": write_html,
    "docx": write_docx,
}


def format_for(path: Path) -> str | None:
    """The format a file name asks for (.md, .markdown, .csv, .json, .docx, .html, .htm)."""
    ext = path.suffix.lower().lstrip(".")
    return {"markdown": "md", "htm": "html"}.get(ext, ext if ext in FORMATS else None)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write beside the target, flush to disk, then rename over it."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def export(
    marks: list[Mark],
    path: Path,
    fmt: str,
    *,
    entities_for: EntitiesFor | None = None,
    style: str = "gbt7714",
    app_version: str = "",
    cancelled: Callable[[], bool] = lambda: False,
) -> Generator[Progress, None, ExportReport]:
    """Write `marks` to `path` in `fmt`, yielding progress; the file appears whole or not at
    all (cancelling or failing leaves an earlier file at `path` untouched)."""
    if fmt not in WRITERS:
        raise ExportError("format", f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if style not in STYLES:
        raise ExportError("style", f"unknown citation style {style!r}")
    exported = datetime.now().astimezone().isoformat(timespec="seconds")
    recs = []
    total = len(marks) + 1
    for n, m in enumerate(marks):
        if cancelled():
            raise ExportError("cancelled", "export cancelled")
        recs.append(record(m, entities_for(m) if entities_for else [], style))
        if n % 50 == 0:
            yield Progress(n, total, "")
    data = WRITERS[fmt](recs, _header(app_version, exported, len(recs)))
    if cancelled():
        raise ExportError("cancelled", "export cancelled")
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise ExportError("write", f"cannot write {path}: {exc.strerror or exc}") from exc
    yield Progress(total, total, "")
    return ExportReport(path, len(recs), fmt)


def read_marks_file(path: Path) -> list[Mark]:
    """Marks from a JSON export (or a bare list of mark records); ExportError when it is not
    one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ExportError("read", f"cannot read {path}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise ExportError("not-json", f"{path.name} is not a JSON file ({exc})") from exc
    if isinstance(data, dict):
        if data.get("format") not in (JSON_FORMAT, None):
            raise ExportError("not-marks", f"{path.name} is not a Press Reader marks file")
        version = data.get("format_version", JSON_VERSION)
        if not isinstance(version, int) or version > JSON_VERSION:
            raise ExportError("newer", f"{path.name} was written by a newer Press Reader")
        data = data.get("marks")
    if not isinstance(data, list):
        raise ExportError("not-marks", f"{path.name} is not a Press Reader marks file")
    try:
        return [Mark.from_json(item) for item in data]
    except MarkStoreError as exc:
        raise ExportError(exc.code, f"{path.name}: {exc.message}") from exc
