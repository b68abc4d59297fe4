"""Hostile inputs: every case of tests/hostile.py in one corpus, beside a good page.

Each case must end as its catalogue entry says, with a message for the user when it does not
load, and the rest of the corpus must load, be indexed and be searchable.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from reader.core.corpus import drain, load_library
from reader.core.search.index import SearchIndex
from tests.hostile import CASES, LEAD, TEXT

ROOT = Path(__file__).resolve().parents[2]
POSIX = os.name == "posix"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "hostile-corpus"
    root.mkdir()
    for case in CASES:
        if case.posix_only and not POSIX:
            continue
        folder = root / case.name
        folder.mkdir()
        case.make(folder)
    (root / "good.txt").write_text(TEXT, encoding="utf-8")
    return root, load_library([root])


def _of(items, name):
    return [x for x in items if x.file.startswith(name + "/")]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_input(case, hostile):
    if case.posix_only and not POSIX:
        pytest.skip("needs POSIX file types")
    _root, lib = hostile
    pages, problems = _of(lib.pages, case.name), _of(lib.problems, case.name)
    for q in problems:
        assert q.message.strip() and q.code, q
    if case.expect in ("page", "repaired", "nothing"):
        assert not [q for q in problems if not q.loaded], problems
        assert len(pages) == (0 if case.expect == "nothing" else case.pages)
        assert bool(problems) == (case.expect == "repaired"), problems
        assert all(p.articles for p in pages)
    else:
        assert not pages
        assert len(problems) == 1 and problems[0].code in case.expect.split("|"), problems
        assert not problems[0].loaded
    text = "\n".join(p.original for p in pages)
    shown = "\n".join(
        f"{a.title}\n{a.body}\n{''.join(a.captions)}" for p in pages for a in p.articles
    )
    for needle in case.text_has:
        assert needle in text
    for needle in case.text_lacks:
        assert needle not in text and needle not in shown
    # Whatever loaded can be written out as UTF-8 JSON (names too: no lone surrogates).
    json.dumps([a.to_json() for p in pages for a in p.articles], ensure_ascii=False).encode()
    json.dumps([q.to_json() for q in problems], ensure_ascii=False).encode()


def test_the_rest_of_the_corpus_loads_and_is_searchable(hostile, tmp_path):
    root, lib = hostile
    good = [p for p in lib.pages if p.file == "good.txt"]
    assert len(good) == 1 and LEAD[:20] in good[0].articles[0].body
    index = SearchIndex(tmp_path / "index")
    report = drain(index.sync(lib.pages))
    assert report.articles == len(lib.articles)
    hits = index.search("疫情防控", limit=5000)
    files = {lib.page_of(h.id).file for h in hits.hits}
    assert "good.txt" in files and "gb18030/gb.txt" in files and "utf16be/u16be.txt" in files
    # Markup in a page is text: it is found as text, nothing is run or fetched.
    assert any(lib.page_of(h.id).file == "html/web.txt" for h in index.search("加粗的标题").hits)
    for q in ("<script>", "&amp;", "javascript:alert(2)", "\u202e", "𠮷"):
        index.search(q)
    index.close()


def test_odd_names_are_shown_readably(hostile):
    _root, lib = hostile
    names = {p.file for p in lib.pages}
    assert "gbk-name/中文版面.txt" in names  # GBK bytes read as GB18030, not as escapes
    assert "odd-names/line\\u000abreak.txt" in names  # a line break cannot split a row
    assert "odd-names/\\u202etxt.exe.txt" in names  # an override cannot reverse the name
    for name in names:
        name.encode("utf-8")
        assert not re.search("[\x00-\x1f\u202a-\u202e\u2066-\u2069]", name)


def test_ids_are_stable_across_loads(hostile):
    root, lib = hostile
    again = load_library([root])
    assert [a.id for a in again.articles] == [a.id for a in lib.articles]


def test_every_case_is_in_the_reliability_report():
    doc = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    missing = [c.name for c in CASES if f"`{c.name}`" not in doc]
    assert not missing, f"docs/reliability.md does not list: {missing}"
    # and every test it names exists
    defined = "\n".join(f.read_text(encoding="utf-8") for f in (ROOT / "tests").rglob("test_*.py"))
    named = set(re.findall(r"`(test_\w+)", doc))
    assert named and not [n for n in named if f"def {n}(" not in defined]


@pytest.mark.slow
def test_a_page_just_under_the_size_limit_loads_and_is_searchable(tmp_path):
    """18 MB of real paragraphs in one file (the limit is 20 MB): read, repaired, split,
    indexed and found. The slowest case (about 10 s here), so run with `pytest -m slow`."""
    from tests.hostile import MORE

    folder = tmp_path / "big"
    folder.mkdir()
    paragraph = f"{LEAD}{MORE}\n"
    n = 18 * 1024 * 1024 // (len(paragraph.encode()) + 16)
    with (folder / "big.txt").open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(f"第{i}段。{paragraph}")
    lib = load_library([folder])
    assert not [q for q in lib.problems if not q.loaded] and len(lib.pages) == 1
    index = SearchIndex(tmp_path / "index")
    drain(index.sync(lib.pages))
    assert index.search("第12345段").total >= 1
    index.close()
