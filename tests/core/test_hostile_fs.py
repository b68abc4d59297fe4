"""The file system misbehaving under a load: permissions, read-only folders, files that change
or vanish between being listed and being read."""

from __future__ import annotations

import json
import shutil

import pytest

from reader.core.corpus import drain, load_library
from reader.core.search.index import SearchIndex
from tests.hostile import LEAD, MORE, TEXT
from tests.unprivileged import run_python, shared_tmp

LOAD_AND_INDEX = """
import json, sys
from pathlib import Path
from reader.core.corpus import load_library, drain
from reader.core.search.index import SearchIndex
lib = load_library([Path(sys.argv[1])])
index = SearchIndex(Path(sys.argv[2]))
report = drain(index.sync(lib.pages))
print(json.dumps({
    "pages": sorted(p.file for p in lib.pages),
    "problems": [q.to_json() for q in lib.problems],
    "indexed": report.articles,
    "hits": index.search("防控").total,
}, ensure_ascii=False))
"""


@pytest.fixture
def shared():
    path = shared_tmp()
    yield path
    for p in [path, *path.rglob("*")]:
        if p.is_dir() and not p.is_symlink():
            p.chmod(0o755)
    shutil.rmtree(path)


def test_unreadable_files_and_folders_are_reported_and_the_rest_loads(shared):
    corpus = shared / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "good.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "secret.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "locked" / "inside.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "secret.txt").chmod(0o000)
    (corpus / "locked").chmod(0o000)
    data = shared / "data"
    data.mkdir(mode=0o777)
    data.chmod(0o777)
    out = run_python(LOAD_AND_INDEX, str(corpus), str(data / "index"))
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["pages"] == ["good.txt"]
    problems = {q["file"]: q for q in got["problems"]}
    assert problems["secret.txt"]["code"] == "unreadable"
    assert "permission denied" in problems["secret.txt"]["message"]
    assert problems["locked"]["code"] == "unreadable"
    assert "folder unreadable" in problems["locked"]["message"]
    assert got["indexed"] >= 1 and got["hits"] >= 1


def test_a_folder_without_write_access_is_read_and_left_unchanged(shared):
    corpus = shared / "readonly"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "sub" / "b.txt").write_text(LEAD + "\n" + MORE + "\n", encoding="gb18030")
    for p in corpus.rglob("*"):
        p.chmod(0o555 if p.is_dir() else 0o444)
    corpus.chmod(0o555)
    before = {p: p.stat().st_mtime_ns for p in corpus.rglob("*")}
    data = shared / "data"
    data.mkdir()
    data.chmod(0o777)
    out = run_python(LOAD_AND_INDEX, str(corpus), str(data / "index"))
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["pages"] == ["a.txt", "sub/b.txt"] and not got["problems"]
    assert got["hits"] >= 2
    assert {p: p.stat().st_mtime_ns for p in corpus.rglob("*")} == before


def _meddle(files_in_order, action):
    """A `cancelled` callback that, just before the n-th file is read, does `action` to it:
    another program changing the folder while the app reads it."""
    calls = {"n": 0}

    def hook() -> bool:
        n = calls["n"]
        calls["n"] += 1
        if n < len(files_in_order) and files_in_order[n] is not None:
            action(files_in_order[n])
        return False

    return hook


@pytest.mark.parametrize(
    "action, code",
    [
        (lambda p: p.unlink(), "unreadable"),
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_bytes(TEXT.encode() * 2000), "too-large"),
        (lambda p: p.replace(p.with_name("moved-away.tmp")), "unreadable"),
    ],
    ids=["deleted", "emptied", "grew-past-limit", "renamed"],
)
def test_a_file_that_changes_while_the_folder_is_read(tmp_path, action, code):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (corpus / name).write_text(TEXT, encoding="utf-8")
    victim = corpus / "b.txt"
    hook = _meddle([None, victim], action)
    lib = load_library([corpus], max_bytes=100_000, cancelled=hook)
    assert sorted(p.file for p in lib.pages) == ["a.txt", "c.txt"]
    assert [(q.file, q.code) for q in lib.problems] == [("b.txt", code)]


def test_a_file_replaced_while_read_gives_the_new_text_and_the_index_follows(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "b.txt").write_text(TEXT, encoding="utf-8")
    index = SearchIndex(tmp_path / "index")
    lib = load_library([corpus])
    drain(index.sync(lib.pages))
    assert index.search("晋祠").total == 0
    # changed between two reads of the folder (a sync client, an editor saving)
    new = "晋祠博物馆恢复开放，游客须查验健康码。\n" + TEXT
    hook = _meddle([None, corpus / "b.txt"], lambda p: p.write_text(new, encoding="utf-8"))
    lib = load_library([corpus], cancelled=hook)
    assert not lib.problems and "晋祠" in lib.page_of(lib.pages[1].articles[0].id).original
    report = drain(index.sync(lib.pages))
    assert report.added == 1 and not report.rebuilt
    assert index.search("晋祠").total == 1
    index.close()
