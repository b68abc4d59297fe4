"""Export: each format read back with a real parser, the JSON round trip into an empty data
folder, citations, and files that appear whole or not at all."""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest

from reader import __version__
from reader.core.corpus import drain
from reader.core.entities import Entity
from reader.core.export import (
    CSV_COLUMNS,
    FORMATS,
    ExportError,
    citation,
    export,
    format_for,
    read_marks_file,
)
from reader.core.marks import MarkStore, new_mark
from reader.core.models import Provenance

from .test_marks import BODY, article, span

HOSTILE = "<script>alert(1)</script> [链接](http://example.com) ![图](http://e/x.png) *粗*"


def marks_for_export():
    a = article(BODY + "\n" + HOSTILE)
    return [
        new_mark(a, *span("省委书记林武"), "green", ["人物", "会议"], "第一条\n两行备注"),
        new_mark(a, *span("全省新增7例"), "pink", [], ""),
        new_mark(a, *span(HOSTILE, a.body), "blue", ["=SUM(A1)"], "=1+1"),
    ]


def entities_for(mark):
    text = article(BODY + "\n" + HOSTILE).body
    out = []
    for word, kind in (("林武", "PERSON"), ("7例", "NUMBER"), ("11月23日", "DATE")):
        i = text.find(word)
        out.append(Entity(word, kind, i, i + len(word)))
    return out


def write(tmp_path: Path, fmt: str, **kw) -> Path:
    path = tmp_path / f"marks.{fmt}"
    report = drain(
        export(marks_for_export(), path, fmt, entities_for=entities_for, app_version="9.9", **kw)
    )
    assert report.count == 3 and report.path == path
    return path


def test_gbt7714_citation_for_a_newspaper() -> None:
    m = new_mark(article(), *span("林武"))
    assert (
        citation(m)
        == "杨文. 林武主持召开省委第121次疫情防控专题会强调[N]. 太原日报, 2022-11-24(1)."
    )
    assert citation(m, "plain") == "太原日报, 2022-11-24, 林武主持召开省委第121次疫情防控专题会强调"
    many = article()
    many.byline = "记者 殷雪莹、梁涛、符焯邦、周越"
    assert citation(new_mark(many, 0, 4)).startswith("殷雪莹, 梁涛, 符焯邦, 等. ")
    bare = article()
    bare.byline, bare.source, bare.date, bare.page = None, None, None, None
    assert citation(new_mark(bare, 0, 4)) == (
        "林武主持召开省委第121次疫情防控专题会强调[N]. [出版者不详], [出版日期不详]."
    )
    with pytest.raises(ValueError):
        citation(m, "apa")


def test_csv_has_a_bom_one_row_per_mark_and_every_field(tmp_path: Path) -> None:
    path = write(tmp_path, "csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM as UTF-8
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 3 and tuple(rows[0]) == CSV_COLUMNS
    first = rows[0]
    assert first["quote"] == "省委书记林武" and first["note"] == "第一条\n两行备注"
    assert first["tags"] == "人物; 会议" and first["colour"] == "green"
    assert first["entities"] == "林武/PERSON"
    assert first["citation"].endswith("[N]. 太原日报, 2022-11-24(1).")
    assert (first["source"], first["date"], first["page"]) == ("太原日报", "2022-11-24", "1")
    assert first["app_version"] == "9.9" and first["exported_at"]
    assert rows[1]["entities"] == "7例/NUMBER"
    # a cell a spreadsheet would run as a formula is defused
    assert rows[2]["note"] == "'=1+1" and rows[2]["tags"] == "'=SUM(A1)"


def test_json_round_trips_into_an_empty_data_folder(tmp_path: Path) -> None:
    path = write(tmp_path, "json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "press-reader-marks" and data["app_version"] == "9.9"
    assert data["count"] == 3 and data["exported_at"]
    rec = data["marks"][0]
    for key in ("id", "quote", "note", "tags", "colour", "title", "source", "date", "page",
                "article_id", "start", "end", "before", "after", "created", "updated",
                "entities", "citation", "citation_plain"):  # fmt: skip
        assert key in rec
    assert rec["entities"] == [{"text": "林武", "type": "PERSON", "start": 4, "end": 6}]
    fresh = MarkStore(tmp_path / "empty" / "marks.sqlite")
    assert fresh.merge(read_marks_file(path)) == (3, 0, 0)
    assert [m.to_json() for m in fresh.all()] == [
        {
            k: v
            for k, v in r.items()
            if k not in ("entities", "citation", "citation_gbt7714", "citation_plain")
        }  # fmt: skip
        for r in data["marks"]
    ]
    assert fresh.merge(read_marks_file(path)) == (0, 0, 3)
    fresh.close()


def test_docx_reads_back_with_python_docx(tmp_path: Path) -> None:
    document = docx.Document(str(write(tmp_path, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "省委书记林武" in text and HOSTILE in text
    assert "—— 杨文. 林武主持召开省委第121次疫情防控专题会强调[N]. 太原日报, 2022-11-24(1)." in text
    assert "备注 (note): 第一条\n两行备注" in text
    assert "Press Reader 9.9" in text
    quotes = [p for p in document.paragraphs if p.style.name == "Quote"]
    assert [q.text for q in quotes][:2] == ["省委书记林武", "全省新增7例"]
    assert quotes[0].runs[0].font.highlight_color is not None
    assert document.sections[0].page_width  # the section properties are still in place


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_html_shows_quotes_as_text(tmp_path: Path) -> None:
    parser = _Text()
    parser.feed(write(tmp_path, "html").read_text(encoding="utf-8"))
    text = "".join(parser.text)
    assert HOSTILE in text and "省委书记林武" in text
    assert "script" not in parser.tags and "img" not in parser.tags and "a" not in parser.tags
    assert parser.tags.count("blockquote") == 3


def test_markdown_has_the_header_and_escapes_links(tmp_path: Path) -> None:
    text = write(tmp_path, "md").read_text(encoding="utf-8")
    assert "Press Reader 9.9" in text and "导出时间" in text
    assert "> 省委书记林武" in text
    assert "—— 杨文. 林武主持召开省委第121次疫情防控专题会强调[N]. 太原日报, 2022-11-24(1)." in text
    # shown as the characters they are: no link, no image, no HTML
    assert "[链接\\](http" in text and "\\![图\\](" in text and "\\<script\\>" in text
    assert "<script>" not in text
    assert "- 标签 (tags): 人物, 会议" in text


def test_an_interrupted_export_leaves_the_earlier_file(tmp_path: Path) -> None:
    path = tmp_path / "marks.md"
    path.write_text("my earlier export", encoding="utf-8")

    def broken(mark):
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        drain(export(marks_for_export(), path, "md", entities_for=broken))
    with pytest.raises(ExportError):
        drain(export(marks_for_export(), path, "md", cancelled=lambda: True))
    assert path.read_text(encoding="utf-8") == "my earlier export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["marks.md"]
    with pytest.raises(ExportError):
        drain(export(marks_for_export(), tmp_path / "no" / "such" / "x.md", "md"))


def test_every_format_and_its_file_name() -> None:
    assert {format_for(Path(f"x.{f}")) for f in FORMATS} == set(FORMATS)
    assert format_for(Path("x.markdown")) == "md" and format_for(Path("x.txt")) is None
    assert __version__


def test_a_file_that_is_not_an_export_is_refused(tmp_path: Path) -> None:
    for content in ("not json", '{"format": "other"}', '{"marks": 3}', '[{"quote": 1}]'):
        path = tmp_path / "x.json"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ExportError):
            read_marks_file(path)


def test_an_inferred_date_is_cited_in_brackets(tmp_path: Path) -> None:
    a = article()
    a.provenance = Provenance(date="inferred")
    m = new_mark(a, *span("林武"))
    assert m.date_inferred
    assert "太原日报, [2022-11-24](1)." in citation(m)
    assert citation(m, "plain").startswith("太原日报, [2022-11-24], ")
    printed = new_mark(article(), *span("林武"))
    assert not printed.date_inferred and "2022-11-24(1)" in citation(printed)
    store = MarkStore(tmp_path / "marks.sqlite")
    store.put(m)
    assert store.get(m.id).date_inferred  # kept in the database
    store.close()
