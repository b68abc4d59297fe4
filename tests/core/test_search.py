"""Search over real Whoosh indexes in temp folders."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.corpus import drain as run
from reader.core.corpus import load_library
from reader.core.search import index as index_mod
from reader.core.search.analysis import find_all, fold, index_tokens
from reader.core.search.index import SearchIndex
from reader.core.search.query import parse

ROOT = Path(__file__).resolve().parents[2]


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def build(folder: Path, data: Path, **kw):
    lib = load_library([folder])
    idx = SearchIndex(data / "index")
    report = run(idx.sync(lib.pages, **kw))
    return lib, idx, report


def ids(idx, q, **kw):
    return {h.id for h in idx.search(q, limit=1000, **kw).hits}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "papers"
    write(
        folder / "太原日报",
        "2022-11-24.txt",
        "本报讯 市委书记韦韬主持召开会议，部署疫情防控工作。\n",
    )
    write(
        folder / "太原日报", "2022-11-25.txt", "本报讯 韦国清同志的韬略为人称道，防控工作有序。\n"
    )
    write(folder / "朔州日报", "2022-12-01.txt", "本报讯 省委书记林武强调坚持动态清零不动摇。\n")
    write(
        folder / "朔州日报", "2022-04-15.txt", "本报讯 林业部门武装巡逻，COVID-19检测点增至12个。\n"
    )
    write(folder / "太重新闻", "2022-04-19.txt", "本报讯 集团召开会议，研究体育活动和生产经营。\n")
    return folder


def by_file(lib, name):
    return {a.id for a in lib.articles if a.file.endswith(name)}


def test_two_character_names_match_exactly(corpus, tmp_path):
    lib, idx, report = build(corpus, tmp_path)
    assert report.rebuilt and report.articles == 5
    assert ids(idx, "韦韬") == by_file(lib, "2022-11-24.txt")  # not the article with 韦…韬 apart
    assert ids(idx, "林武") == by_file(lib, "2022-12-01.txt")  # not 林业…武装
    assert ids(idx, "韦 韬") == by_file(lib, "2022-11-24.txt") | by_file(lib, "2022-11-25.txt")


def test_phrases_words_not_or_and_fields(corpus, tmp_path):
    lib, idx, _ = build(corpus, tmp_path)
    t24, t25 = by_file(lib, "2022-11-24.txt"), by_file(lib, "2022-11-25.txt")
    s01, s15 = by_file(lib, "2022-12-01.txt"), by_file(lib, "2022-04-15.txt")
    heavy = by_file(lib, "2022-04-19.txt")
    assert ids(idx, '"防控工作"') == t24 | t25
    assert ids(idx, '"疫情 防控"') == t24  # a space inside a Chinese phrase does not matter
    assert ids(idx, "疫情防控工作") == t24  # typed words: each must appear
    assert ids(idx, "防控 -韦韬") == t25
    assert ids(idx, "防控 NOT 韦韬") == t25
    assert ids(idx, "韦韬 OR 林武") == t24 | s01
    assert ids(idx, "(韦韬 OR 林武) 动态清零") == s01
    assert ids(idx, "会议") == t24 | heavy
    assert ids(idx, "source:朔州") == s01 | s15
    assert ids(idx, "source:太原日报 防控") == t24 | t25
    assert ids(idx, "date:2022-11") == t24 | t25
    assert ids(idx, "date:2022-04-15") == s15
    assert ids(idx, "date:[2022-11-01 TO 2022-11-30]") == t24 | t25
    assert ids(idx, "date:[2022-04-16 TO *]") == t24 | t25 | s01 | heavy
    assert ids(idx, "date:2022") == t24 | t25 | s01 | s15 | heavy
    assert ids(idx, "covid") == ids(idx, "ＣＯＶＩＤ-19") == s15
    assert ids(idx, "12个") == s15
    assert ids(idx, "-体育") == t24 | t25 | s01 | s15


def test_traditional_and_full_width_input_find_simplified_text(corpus, tmp_path):
    lib, idx, _ = build(corpus, tmp_path)
    assert ids(idx, "動態清零") == by_file(lib, "2022-12-01.txt")
    assert ids(idx, '"動態清零"') == by_file(lib, "2022-12-01.txt")
    assert ids(idx, "“动态清零”") == by_file(lib, "2022-12-01.txt")


def test_results_carry_snippets_highlights_and_facets(corpus, tmp_path):
    _lib, idx, _ = build(corpus, tmp_path)
    result = idx.search("防控")
    assert result.total == 2
    for hit in result.hits:
        assert [hit.snippet[s:e] for s, e in hit.highlights] == ["防控"]
        assert hit.source == "太原日报"
    assert dict(result.facets["source"]) == {"太原日报": 2}
    assert dict(result.facets["month"]) == {"2022-11": 2}
    by_date = idx.search("本报讯", sort="date")
    dates = [h.date for h in by_date.hits]
    assert dates == sorted(dates, reverse=True)
    assert idx.search("本报讯", source="朔州日报").total == 2
    assert idx.search("本报讯", month="2022-04").total == 2


@pytest.mark.parametrize(
    "query",
    [
        "((",
        ")",
        '"',
        "OR",
        "NOT",
        "-",
        "title:",
        "date:明天",
        "date:[2022",
        "foo:bar",
        "[a TO b]",
        "AND OR NOT",
        "(((韦韬",
        "韦韬))",
        "\x00",
        "date:[* TO *]",
        "：：",
        "*",
        "?",
    ],
)
def test_malformed_queries_answer_with_a_message(corpus, tmp_path, query):
    _lib, idx, _ = build(corpus, tmp_path)
    result = idx.search(query)
    assert result.total >= 0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_the_parser_never_raises(text):
    parse(text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet='韦韬林武疫情 ()"-:ORNOTdate[]TO2022-11*', max_size=30))
def test_random_queries_never_raise(tmp_path_factory, text):
    idx = _shared_index(tmp_path_factory)
    idx.search(text)


_CACHE: dict[str, SearchIndex] = {}


def _shared_index(factory) -> SearchIndex:
    if "idx" not in _CACHE:
        folder = factory.mktemp("fuzz")
        write(folder, "a.txt", "本报讯 韦韬林武疫情防控。\n")
        _CACHE["idx"] = build(folder, folder / "data")[1]
    return _CACHE["idx"]


def test_incremental_update_reindexes_only_changed_pages(corpus, tmp_path):
    lib, idx, _ = build(corpus, tmp_path)
    write(corpus / "太原日报", "2022-11-25.txt", "本报讯 新的文字：抗疫物资到位。\n")
    (corpus / "太重新闻" / "2022-04-19.txt").unlink()
    write(corpus / "朔州日报", "2022-12-02.txt", "本报讯 新增一个版面，核酸检测。\n")
    lib2 = load_library([corpus])
    report = run(idx.sync(lib2.pages))
    assert not report.rebuilt
    assert (report.added, report.removed) == (2, 1)
    assert ids(idx, "抗疫物资") == by_file(lib2, "2022-11-25.txt")
    assert ids(idx, "韬略") == set()
    assert ids(idx, "体育") == set()
    assert ids(idx, "核酸检测") == by_file(lib2, "2022-12-02.txt")
    again = run(idx.sync(lib2.pages))
    assert (again.added, again.removed, again.rebuilt) == (0, 0, False)


def test_a_changed_source_or_date_is_reindexed(corpus, tmp_path):
    from reader.core.corpus import apply_override

    lib, idx, _ = build(corpus, tmp_path)
    page = next(p for p in lib.pages if p.file.endswith("2022-04-19.txt"))
    apply_override(page, "山西日报", "2022-05-01")
    report = run(idx.sync(lib.pages))
    assert report.added == 1
    assert ids(idx, "source:山西日报") == {a.id for a in page.articles}
    assert ids(idx, "date:2022-05") == {a.id for a in page.articles}


def test_schema_change_rebuilds_beside_the_live_index(corpus, tmp_path, monkeypatch):
    lib, idx, _ = build(corpus, tmp_path)
    old = idx.live_dir()
    monkeypatch.setattr(index_mod, "SCHEMA_VERSION", index_mod.SCHEMA_VERSION + 1)
    assert idx.status() == "outdated"
    report = run(idx.sync(lib.pages))
    assert report.rebuilt and report.reason == "outdated"
    assert idx.live_dir() != old and not old.exists()
    assert ids(idx, "韦韬") == by_file(lib, "2022-11-24.txt")


def test_cancelled_rebuild_keeps_the_previous_index(corpus, tmp_path):
    lib, idx, _ = build(corpus, tmp_path)
    live = idx.live_dir()
    report = run(idx.sync(lib.pages, rebuild=True, cancelled=lambda: True))
    assert report.reason == "cancelled"
    assert idx.live_dir() == live
    assert ids(idx, "韦韬") == by_file(lib, "2022-11-24.txt")
    assert [p.name for p in (tmp_path / "index").glob("ix-*")] == [live.name]


def test_corrupt_index_is_reported_and_rebuilt(corpus, tmp_path):
    lib, idx, _ = build(corpus, tmp_path)
    for f in idx.live_dir().glob("*.seg"):
        f.write_bytes(b"garbage")
    for f in idx.live_dir().glob("_MAIN_*.toc"):
        f.write_bytes(b"garbage")
    fresh = SearchIndex(tmp_path / "index")
    assert fresh.status() == "corrupt"
    report = run(fresh.sync(lib.pages))
    assert report.rebuilt and report.reason == "corrupt"
    assert ids(fresh, "林武") == by_file(lib, "2022-12-01.txt")


KILLER = r"""
import sys, time
from pathlib import Path
from reader.core.corpus import load_library
from reader.core.search.index import SearchIndex
folder, data, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
lib = load_library([folder])
gen = SearchIndex(data / "index").sync(lib.pages, rebuild=(mode == "rebuild"))
n = 0
for p in gen:
    n += 1
    if n == 3:
        print("ready", flush=True)
        time.sleep(60)
"""


@pytest.mark.parametrize("mode", ["first", "rebuild"])
def test_killed_during_a_build_then_a_clean_start(tmp_path, mode):
    folder = tmp_path / "big"
    for i in range(700):
        write(folder, f"p{i:04d}.txt", f"本报讯 第{i}号版面，韦韬主持会议，防控工作。\n" * 3)
    data = tmp_path / "data"
    if mode == "rebuild":
        build(folder, data)
    before = SearchIndex(data / "index").live_dir()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with subprocess.Popen(
        [sys.executable, "-c", KILLER, str(folder), str(data), mode],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    ) as proc:
        assert proc.stdout.readline().strip() == "ready"
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    idx = SearchIndex(data / "index")
    # the previous index (or none) is still what is live; a clean sync finishes the job
    if mode == "rebuild":
        assert idx.live_dir() == before and idx.status() == "ok"
        assert idx.search("韦韬").total == 700
    lib = load_library([folder])
    run(idx.sync(lib.pages))
    assert idx.status() == "ok"
    assert idx.search("韦韬").total == 700
    assert len(list((data / "index").glob("ix-*"))) == 1


def test_tokens_and_hits_agree_on_folding():
    assert list(index_tokens(fold("動態 清零"))) == ["动态", "态清", "清零", "零"]
    text = "记者 林 武报道，動態清零"
    assert [text[s:e] for s, e in find_all(text, [fold("林武"), fold("动态清零")])] == [
        "林 武",
        "動態清零",
    ]


def test_cli_search_json(corpus, tmp_path):
    env = dict(os.environ)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "search",
            "韦韬",
            "--json",
            "--corpus",
            str(corpus),
            "--data-dir",
            str(tmp_path / "d"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert [h["title"][:0] for h in hits] == [""] and set(hits[0]) >= {
        "id",
        "title",
        "source",
        "date",
        "score",
        "snippet",
    }
    assert "韦韬" in hits[0]["snippet"]
    time.sleep(0)
