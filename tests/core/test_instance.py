"""The data folder's instance lock, and the marks database shared by two processes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from reader.core.instance import DataLock, writable

ROOT = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(ROOT))

HOLD = r"""
import sys, time
from pathlib import Path
from reader.core.instance import DataLock
lock = DataLock(Path(sys.argv[1]))
assert lock.acquire()
print("held", flush=True)
time.sleep(120)
"""


def test_the_lock_is_exclusive_and_dies_with_its_process(tmp_path):
    with subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=ENV
    ) as proc:
        assert proc.stdout.readline().strip() == "held"
        lock = DataLock(tmp_path)
        assert not lock.acquire()
        assert lock.holder() == proc.pid
        proc.send_signal(signal.SIGKILL)  # no chance to clean up
        proc.wait(30)
    assert lock.acquire()  # the lock file is still there, the lock is not
    assert lock.holder() == os.getpid()
    lock.release()


def test_writable_says_why_not(tmp_path):
    assert writable(tmp_path / "new" / "folder") == ""
    (tmp_path / "file").write_text("x")
    assert writable(tmp_path / "file" / "below")  # a file where a folder should be


WRITER = r"""
import sys
from pathlib import Path
from reader.core.corpus import load_library
from reader.core.marks import MarkStore, new_mark
article = load_library([Path(sys.argv[2])]).articles[0]
store = MarkStore(Path(sys.argv[1]) / "marks.sqlite", Path(sys.argv[1]) / "backups")
for i in range(150):
    store.put(new_mark(article, i % 40, i % 40 + 3, note=f"{sys.argv[3]}-{i}"))
store.close()
"""


def test_two_processes_adding_marks_at_once_lose_nothing(tmp_path):
    """The same database written by two processes at the same moment (two instances before the
    lock existed, or the command line beside the window): every mark arrives, the file is sound."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), str(ROOT / "seeds"), name], env=ENV
        )
        for name in ("a", "b")
    ]
    assert [p.wait(120) for p in procs] == [0, 0]
    db = sqlite3.connect(tmp_path / "marks.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    notes = {row[0] for row in db.execute("SELECT note FROM marks")}
    db.close()
    assert notes == {f"{n}-{i}" for n in "ab" for i in range(150)}


LOCK_DB = r"""
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA locking_mode = EXCLUSIVE")
db.execute("BEGIN EXCLUSIVE")
db.execute("SELECT count(*) FROM marks").fetchone()
print("locked", flush=True)
time.sleep(120)
"""


def test_a_locked_marks_database_is_left_alone_and_its_marks_are_said_unavailable(tmp_path):
    """Another program (a sync tool, a database browser) holds the file exclusively: the store
    does not set it aside or touch it, and says so; the window then shows the marks from a copy
    and keeps new ones in memory."""
    from reader.core.corpus import load_library
    from reader.core.marks import MarkStore, MarkStoreError, new_mark

    path = tmp_path / "marks.sqlite"
    store = MarkStore(path)
    store.put(new_mark(load_library([ROOT / "seeds"]).articles[0], 0, 4))
    store.close()
    before = path.read_bytes()
    with subprocess.Popen(
        [sys.executable, "-c", LOCK_DB, str(path)], stdout=subprocess.PIPE, text=True, env=ENV
    ) as proc:
        try:
            assert proc.stdout.readline().strip() == "locked"
            try:
                MarkStore(path)
            except MarkStoreError as exc:
                assert exc.code == "unavailable" and "locked" in exc.message
            else:
                raise AssertionError("a locked database opened")
            # what the window shows meanwhile: the marks, read from a copy of the file
            copy, why = MarkStore.copy_in_memory(path)
            assert why == "" and len(copy) == 1
        finally:
            proc.kill()
    assert path.read_bytes() == before and not list(tmp_path.glob("*.damaged-*"))
    assert len(MarkStore(path).all()) == 1  # and once the other program lets go, all is there
