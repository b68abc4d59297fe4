"""The search index under faults: a process killed at each step of a build or an update, a
damaged segment, a stale lock, a full disk. Afterwards a fresh start finds a usable index (or
none), never an exception, and one sync brings it back complete."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.corpus import drain, load_library
from reader.core.search.index import SearchIndex

ROOT = Path(__file__).resolve().parents[2]
PAGES = 120  # a first build publishes its first 20 pages, then commits the other 100

CHILD = r"""
import os, signal, sys
from pathlib import Path
import whoosh.index, whoosh.writing
from reader.core.corpus import load_library
from reader.core.search import index as ix

folder, data, point = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
calls = {}

def die_at(name, n, real):
    def wrapper(*args, **kwargs):
        calls[name] = calls.get(name, 0) + 1
        if calls[name] == n:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return wrapper

kind, _, nth = point.partition("#")
nth = int(nth or 1)
if kind == "meta":          # the new folder exists, before its meta.json
    ix.atomic_write_json = die_at(kind, nth, ix.atomic_write_json)
elif kind == "toc":         # inside Whoosh's commit: segments written, table of contents not
    whoosh.index.TOC.write = die_at(kind, nth, whoosh.index.TOC.write)
elif kind == "add":         # halfway through adding documents
    whoosh.writing.SegmentWriter.add_document = die_at(
        kind, nth, whoosh.writing.SegmentWriter.add_document)
elif kind == "current":     # switching CURRENT to the new folder
    ix.atomic_write_text = die_at(kind, nth, ix.atomic_write_text)
elif kind == "cleanup":     # CURRENT switched, the old folder not yet removed
    ix.SearchIndex.cleanup = die_at(kind, nth, ix.SearchIndex.cleanup)
elif kind == "pages":       # an update: old entries deleted, new ones not yet added
    ix.SearchIndex._add = die_at(kind, nth, ix.SearchIndex._add)
lib = load_library([folder])
gen = ix.SearchIndex(data / "index").sync(lib.pages, rebuild=os.environ.get("REBUILD") == "1")
for _ in gen:
    pass
print("finished", flush=True)
"""


def _write_corpus(folder: Path, word: str = "韦韬") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(PAGES):
        (folder / f"p{i:04d}.txt").write_text(
            f"本报讯 第{i}号版面，{word}主持会议，部署防控工作。\n" * 3, encoding="utf-8"
        )


def _child(folder: Path, data: Path, point: str, rebuild: bool = False) -> int:
    env = dict(os.environ, PYTHONPATH=str(ROOT), REBUILD="1" if rebuild else "0")
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(data), point],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert "finished" not in proc.stdout, f"{point} was never reached"
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    return proc.returncode


def _after(folder: Path, data: Path, word: str = "韦韬") -> SearchIndex:
    """A fresh start: the index opens without raising, and one sync makes it complete."""
    idx = SearchIndex(data / "index")
    assert idx.status() in ("ok", "missing")
    if idx.status() == "ok":
        idx.search(word)  # whatever is live answers
    drain(idx.sync(load_library([folder]).pages))
    assert idx.status() == "ok"
    assert idx.search(word).total == PAGES
    assert len(list((data / "index").glob("ix-*"))) == 1
    return idx


FIRST_BUILD_POINTS = ["meta#1", "toc#1", "add#10", "toc#2", "current#1", "cleanup#2", "add#60",
                      "toc#3", "current#2"]  # fmt: skip


@pytest.mark.parametrize("point", FIRST_BUILD_POINTS)
def test_killed_during_a_first_build(tmp_path, point):
    folder, data = tmp_path / "c", tmp_path / "data"
    _write_corpus(folder)
    _child(folder, data, point)
    _after(folder, data).close()


@pytest.mark.parametrize("point", ["meta#1", "add#50", "toc#2", "current#1", "cleanup#2"])
def test_killed_during_a_rebuild_keeps_the_previous_index(tmp_path, point):
    folder, data = tmp_path / "c", tmp_path / "data"
    _write_corpus(folder)
    drain(SearchIndex(data / "index").sync(load_library([folder]).pages))
    _child(folder, data, point, rebuild=True)
    idx = SearchIndex(data / "index")
    assert idx.status() == "ok" and idx.search("韦韬").total == PAGES
    idx.close()
    _after(folder, data).close()


@pytest.mark.parametrize("point", ["pages#1", "add#5", "toc#2"])
def test_killed_during_an_update(tmp_path, point):
    folder, data = tmp_path / "c", tmp_path / "data"
    _write_corpus(folder)
    drain(SearchIndex(data / "index").sync(load_library([folder]).pages))
    _write_corpus(folder, word="林武")  # every page changed
    _child(folder, data, point)
    idx = _after(folder, data, word="林武")
    assert idx.search("韦韬").total == 0
    idx.close()


def _built(tmp_path: Path) -> tuple[Path, Path, SearchIndex]:
    """A corpus and its index, closed (as after a quit)."""
    folder, data = tmp_path / "c", tmp_path / "data"
    _write_corpus(folder)
    idx = SearchIndex(data / "index")
    drain(idx.sync(load_library([folder]).pages))
    idx.close()
    return folder, data, idx


def test_a_damaged_segment_is_reported_and_rebuilt(tmp_path):
    folder, data, idx = _built(tmp_path)
    seg = max(idx.live_dir().glob("*.seg"), key=lambda p: p.stat().st_size)
    raw = bytearray(seg.read_bytes())
    raw[len(raw) // 3 : len(raw) // 3 + 64] = os.urandom(64)
    seg.write_bytes(bytes(raw[: len(raw) * 2 // 3]))
    fresh = SearchIndex(data / "index")
    assert fresh.status() == "corrupt"
    report = drain(fresh.sync(load_library([folder]).pages))
    assert report.rebuilt and report.reason == "corrupt"
    assert fresh.search("韦韬").total == PAGES
    fresh.close()


def test_stale_locks_from_a_dead_process_are_ignored(tmp_path):
    folder, data, idx = _built(tmp_path)
    live = idx.live_dir()
    (live / "MAIN_WRITELOCK").write_text("12345")  # Whoosh's lock file, left by a crash
    stale = data / "index" / "ix-99"
    stale.mkdir()
    (stale / "BUILDING").write_text("")  # a build whose process is gone (no OS lock held)
    _write_corpus(folder, word="林武")
    fresh = SearchIndex(data / "index")
    report = drain(fresh.sync(load_library([folder]).pages))
    assert report.added == PAGES and not report.rebuilt
    assert fresh.search("林武").total == PAGES and not stale.exists()
    fresh.close()


DISK_FULL = r"""
import json, resource, signal, sys
from pathlib import Path
from reader.core.corpus import load_library, drain
from reader.core.search.index import SearchIndex
folder, data = Path(sys.argv[1]), Path(sys.argv[2])
lib = load_library([folder])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # then a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
idx = SearchIndex(data / "index")
try:
    drain(idx.sync(lib.pages, rebuild=True))
    print(json.dumps({"error": None}))
except OSError as exc:
    print(json.dumps({"error": exc.strerror, "live": idx.status()}))
"""


def test_a_full_disk_during_a_rebuild_keeps_the_previous_index(tmp_path):
    if not hasattr(signal, "SIGXFSZ"):
        pytest.skip("POSIX file size limits")
    folder, data, idx = _built(tmp_path)
    live = idx.live_dir()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", DISK_FULL, str(folder), str(data)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    got = json.loads(out.stdout)
    assert got["error"] and got["live"] == "ok", out
    # the half-written folder is gone at once, so a full disk is not made fuller
    assert [p.name for p in (data / "index").glob("ix-*")] == [live.name]
    fresh = SearchIndex(data / "index")
    assert fresh.live_dir() == live and fresh.search("韦韬").total == PAGES
    fresh.close()
