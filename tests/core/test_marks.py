"""Marks: the store (WAL, schema version, damaged and newer files, backups, merging), placing a
mark again after its article changed, a process killed right after marking, and the CLI."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core import corpus
from reader.core.marks import (
    BACKUPS_KEPT,
    SCHEMA_VERSION,
    Mark,
    MarkFilter,
    MarkStore,
    MarkStoreError,
    anchor,
    clean_tags,
    colour_of,
    new_mark,
    page_key_of,
    place,
)
from reader.core.models import Article

ROOT = Path(__file__).resolve().parents[2]
BODY = (
    "11月23日，省委书记林武主持召开省委第121次疫情防控专题会议。\n"
    "会议强调，要坚持科学精准，坚决打赢疫情防控阻击战。全省新增7例。\n"
    "会议要求，各地要坚持科学精准，抓细抓实各项措施。"
)


def article(body: str = BODY, aid: str = "a1", file: str = "p.txt") -> Article:
    return Article(
        id=aid,
        file=file,
        corpus="/tmp/papers",
        source="太原日报",
        date="2022-11-24",
        page=1,
        title="林武主持召开省委第121次疫情防控专题会强调",
        title_derived=False,
        subtitles=[],
        byline="山西日报记者 杨文",
        body=body,
        captions=[],
    )


def span(text: str, body: str = BODY, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return start, start + len(text)


@pytest.fixture
def store(tmp_path: Path):
    s = MarkStore(tmp_path / "marks.sqlite", tmp_path / "backups")
    yield s
    s.close()


# -- the store --------------------------------------------------------------------------------
def test_a_mark_keeps_everything_it_needs(store: MarkStore) -> None:
    m = new_mark(article(), *span("省委书记林武"), "green", ["会议, 防控", "会议"], "开头")
    store.put(m)
    got = store.get(m.id)
    assert got == m
    assert got.quote == "省委书记林武" and got.tags == ("会议", "防控")
    assert got.before == "11月23日，" and got.after.startswith("主持召开")
    assert (got.title, got.source, got.date, got.page) == (
        "林武主持召开省委第121次疫情防控专题会强调",
        "太原日报",
        "2022-11-24",
        1,
    )
    assert got.page_key == "papers/p.txt" == page_key_of(article())
    assert got.created and got.updated == got.created


def test_each_change_is_committed_and_seen_by_another_connection(store: MarkStore, tmp_path):
    m = store.put(new_mark(article(), *span("林武")))
    other = MarkStore(tmp_path / "marks.sqlite")
    assert [x.id for x in other.all()] == [m.id]
    changed = store.update(m.id, note="要点", tags=["甲，乙"], colour="blue")
    assert other.get(m.id) == changed
    assert changed.tags == ("甲", "乙") and changed.updated >= m.updated
    assert store.delete(m.id) == changed
    assert other.get(m.id) is None and store.delete(m.id) is None
    other.close()
    db = sqlite3.connect(tmp_path / "marks.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_a_bad_passage_is_refused() -> None:
    a = article()
    for start, end in ((-1, 3), (5, 5), (10, 5), (0, len(BODY) + 1)):
        with pytest.raises(ValueError):
            new_mark(a, start, end)
    nl = BODY.index("\n")
    with pytest.raises(ValueError):
        new_mark(a, nl, nl + 1)
    with pytest.raises(ValueError):
        new_mark(a, 0, 3, colour="red")


def test_a_damaged_database_is_set_aside_and_a_fresh_one_opened(tmp_path: Path) -> None:
    path = tmp_path / "marks.sqlite"
    junk = b"this is not a database\x00" * 200
    path.write_bytes(junk)
    s = MarkStore(path, tmp_path / "backups")
    assert s.set_aside is not None and s.set_aside.read_bytes() == junk  # kept, not deleted
    assert "damaged" in s.problem and s.set_aside.name in s.problem
    s.put(new_mark(article(), *span("林武")))
    assert len(MarkStore(path)) == 1


def test_a_truncated_database_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "marks.sqlite"
    s = MarkStore(path)
    for i in range(200):
        s.put(new_mark(article(BODY * 3), i, i + 5))
    s.close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] + b"\xff" * 4096)
    fresh = MarkStore(path)
    assert fresh.set_aside is not None and fresh.problem
    assert len(fresh) == 0


def test_a_database_from_a_newer_release_is_opened_read_only(tmp_path: Path) -> None:
    path = tmp_path / "marks.sqlite"
    s = MarkStore(path)
    m = s.put(new_mark(article(), *span("林武")))
    s.close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = path.read_bytes()
    newer = MarkStore(path)
    assert newer.read_only and "newer" in newer.problem
    assert [x.id for x in newer.all()] == [m.id]
    with pytest.raises(MarkStoreError) as err:
        newer.put(replace(m, note="x"))
    assert err.value.code == "read-only"
    newer.close()
    assert path.read_bytes() == before


def test_an_empty_file_is_migrated_to_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "marks.sqlite"
    path.write_bytes(b"")  # a database of version 0
    s = MarkStore(path)
    assert not s.problem and len(s) == 0
    s.put(new_mark(article(), *span("林武")))
    assert len(s) == 1


def test_backups_roll(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    s = MarkStore(tmp_path / "marks.sqlite", backups)
    assert s.backup_files() == []  # nothing to keep yet
    m = s.put(new_mark(article(), *span("林武")))
    s.close()
    backups.mkdir(exist_ok=True)
    for day in range(1, 10):
        (backups / f"marks-202001{day:02d}-000000.sqlite").write_bytes(b"old")
    s = MarkStore(tmp_path / "marks.sqlite", backups)
    copies = s.backup_files()
    assert len(copies) == BACKUPS_KEPT
    newest = sqlite3.connect(copies[-1])
    assert newest.execute("SELECT id FROM marks").fetchall() == [(m.id,)]
    newest.close()
    assert s.backup_if_due() is None  # one a day


def test_merging_never_duplicates(store: MarkStore, tmp_path: Path) -> None:
    a = store.put(new_mark(article(), *span("林武")))
    b = new_mark(article(), *span("新增7例"), note="数字")
    assert store.merge([a, b]) == (1, 0, 1)
    assert store.merge([a, b]) == (0, 0, 2)
    same_passage = replace(b, id="other-id")
    assert store.merge([same_passage]) == (0, 0, 1)
    later = replace(b, note="数字，待核实", updated="2999-01-01T00:00:00+08:00")
    assert store.merge([later]) == (0, 1, 0)
    assert store.get(b.id).note == "数字，待核实"
    # times compare as times: 20:00 UTC on the 31st is after midnight of the 1st in Beijing
    other_zone = replace(b, note="改于伦敦", updated="2998-12-31T20:00:00+00:00")
    assert store.merge([other_zone]) == (0, 1, 0)
    earlier = replace(b, note="旧", updated="2998-12-31T10:00:00+00:00")
    assert store.merge([earlier]) == (0, 0, 1)
    assert store.get(b.id).note == "改于伦敦"
    assert len(store) == 2


# -- placing marks again ------------------------------------------------------------------------
def test_an_unchanged_article_keeps_its_marks() -> None:
    m = new_mark(article(), *span("坚决打赢"))
    assert anchor(m, BODY) == (m.start, m.end)


def test_a_shifted_text_moves_the_mark() -> None:
    m = new_mark(article(), *span("坚决打赢疫情防控阻击战"))
    shifted = "（本报讯）" + BODY
    start, end = anchor(m, shifted)
    assert shifted[start:end] == m.quote and start == m.start + 5


def test_context_chooses_between_repeated_quotes() -> None:
    first = new_mark(article(), *span("坚持科学精准", nth=0))
    second = new_mark(article(), *span("坚持科学精准", nth=1))
    changed = "导语。" + BODY.replace("全省新增7例", "全省新增病例七例")
    q = "坚持科学精准"
    one, two = span(q, changed, 0), span(q, changed, 1)
    assert anchor(first, changed) == one
    assert anchor(second, changed) == two


def test_a_repaired_line_break_does_not_lose_the_mark() -> None:
    m = new_mark(article(), *span("坚决打赢疫情防控阻击战"))
    rewrapped = BODY.replace("打赢疫情", "打赢\n疫情")
    start, end = anchor(m, rewrapped)
    assert rewrapped[start:end] == "坚决打赢\n疫情防控阻击战"


def test_a_quote_that_is_gone_leaves_the_mark_detached_not_dropped(tmp_path: Path) -> None:
    s = MarkStore(tmp_path / "marks.sqlite")
    m = s.put(new_mark(article(), *span("全省新增7例"), note="keep me"))
    edited = article(BODY.replace("全省新增7例", "全省无新增"))
    moved = s.reanchor(lambda aid: edited if aid == "a1" else None, lambda key: [edited])
    assert [x.id for x in moved] == [m.id]
    kept = s.get(m.id)
    assert kept.detached and kept.quote == "全省新增7例" and kept.note == "keep me"
    back = s.reanchor(lambda aid: article(), lambda key: [article()])  # the text comes back
    assert [x.id for x in back] == [m.id] and not s.get(m.id).detached


def test_a_mark_follows_its_passage_to_an_article_with_a_new_id() -> None:
    m = new_mark(article(), *span("抓细抓实各项措施"))
    split_off = article(BODY.split("\n")[2], aid="a2")
    head = article("\n".join(BODY.split("\n")[:2]), aid="a1")
    placed = place(m, [head, split_off])
    assert placed.article_id == "a2" and not placed.detached
    assert split_off.body[placed.start : placed.end] == m.quote


def test_marks_of_articles_not_loaded_stay_as_they_are(store: MarkStore) -> None:
    m = store.put(new_mark(article(), *span("林武")))
    assert store.reanchor(lambda aid: None, lambda key: []) == []
    assert store.get(m.id) == m


# -- small pieces -------------------------------------------------------------------------------
def test_tags_colours_and_filters() -> None:
    assert clean_tags([" 防控，会议 ;防控", "", "a  b"]) == ("防控", "会议", "a b")
    assert colour_of("Green") == colour_of("绿") == colour_of("绿色") == "green"
    with pytest.raises(ValueError):
        colour_of("red")
    m = new_mark(article(), *span("林武"), "pink", ["人物"], "省委書記")
    assert MarkFilter(text="省委书记").matches(m)  # traditional note, simplified query
    assert MarkFilter(tag="人物", colour="pink", source="太原日报", date="2022-11").matches(m)
    assert not MarkFilter(date="2022-12").matches(m)
    assert not MarkFilter(text="林武 朔州").matches(m)
    assert not MarkFilter() and MarkFilter(colour="pink")


def test_from_json_refuses_what_is_not_a_mark() -> None:
    for bad in (
        None,
        [],
        {"quote": "x"},
        {"article_id": "a", "start": "x", "end": 2, "quote": "q"},
    ):
        with pytest.raises(MarkStoreError):
            Mark.from_json(bad)
    m = Mark.from_json({"article_id": "a", "start": 1, "end": 3, "quote": "qq", "colour": "red"})
    assert m.colour == "yellow" and m.id and m.created


# -- a process killed right after marking ---------------------------------------------------------
KILLED = """
import sys, time
from pathlib import Path
from reader.core.marks import MarkStore, Mark
store = MarkStore(Path(sys.argv[1]), Path(sys.argv[2]))
store.put(Mark(id="survivor", article_id="a1", start=0, end=2, quote="11", created="t",
               updated="t"))
print("added", flush=True)
time.sleep(120)
"""


def test_a_mark_survives_sigkill_right_after_it_was_added(tmp_path: Path) -> None:
    path = tmp_path / "marks.sqlite"
    with subprocess.Popen(
        [sys.executable, "-c", KILLED, str(path), str(tmp_path / "backups")],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    ) as proc:
        try:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "added"
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == -signal.SIGKILL
    reopened = MarkStore(path)
    assert not reopened.problem
    assert reopened.get("survivor") is not None
    reopened.close()


# -- the command line -------------------------------------------------------------------------------
def cli(*args: str, data: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "reader", "--data-dir", str(data), *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_cli_add_list_export_import(tmp_path: Path, seeds_dir: Path) -> None:
    lib = corpus.load_library([seeds_dir])
    a = next(x for x in lib.articles if x.title.startswith("林武主持召开省委第121次"))
    start, end = span("省委书记林武", a.body)
    data = tmp_path / "data"
    r = cli("marks", "add", a.id, str(start), str(end), "--note", "要点", "--tag", "人物",
            "--colour", "绿", data=data)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "省委书记林武" in r.stdout
    bad = cli("marks", "add", a.id, "5", str(len(a.body) + 9), data=data)
    assert bad.returncode == 2 and "cannot mark" in bad.stderr
    missing = cli("marks", "add", "nope", "0", "2", data=data)
    assert missing.returncode == 3
    listed = json.loads(cli("marks", "list", "--json", data=data).stdout)
    assert [(m["quote"], m["note"], m["tags"], m["colour"]) for m in listed] == [
        ("省委书记林武", "要点", ["人物"], "green")
    ]
    out = tmp_path / "out.json"
    r = cli("marks", "export", "-o", str(out), data=data)
    assert r.returncode == 0, r.stderr
    exported = json.loads(out.read_text(encoding="utf-8"))
    rec = exported["marks"][0]
    assert rec["citation"] == f"杨文. {a.title}[N]. 太原日报, 2022-11-24(1)."
    assert {"text": "林武", "type": "PERSON", "start": 4, "end": 6} in rec["entities"]
    again = cli("marks", "export", "-o", str(out), data=data)
    assert again.returncode == 2 and "--force" in again.stderr
    csv_out = cli("marks", "export", "--format", "csv", data=data)
    assert csv_out.returncode == 0 and "省委书记林武" in csv_out.stdout
    empty = tmp_path / "elsewhere"
    r = cli("marks", "import", str(out), data=empty)
    assert r.returncode == 0 and "1 marks added" in r.stdout
    r = cli("marks", "import", str(out), data=empty)
    assert "0 marks added" in r.stdout
    moved = json.loads(cli("marks", "list", "--json", data=empty).stdout)
    assert moved == listed
    not_marks = tmp_path / "x.json"
    not_marks.write_text('{"hello": 1}', encoding="utf-8")
    r = cli("marks", "import", str(not_marks), data=empty)
    assert r.returncode == 4 and "not a Press Reader marks file" in r.stderr


def test_a_version_1_database_gains_the_inferred_date_column(tmp_path: Path) -> None:
    from reader.core.marks import MIGRATIONS

    path = tmp_path / "marks.sqlite"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    db.execute(
        'INSERT INTO marks (id, article_id, start, "end", quote, created, updated, date) '
        "VALUES ('m1', 'a1', 0, 2, '林武', '2022-11-24T10:00:00+08:00', "
        "'2022-11-24T10:00:00+08:00', '2022-11-24')"
    )
    db.commit()
    db.close()
    store = MarkStore(path)
    got = store.get("m1")
    assert got is not None and got.quote == "林武" and got.date_inferred is False
    store.close()
