"""Two Press Readers on one data folder, and a data folder that cannot be written: real
processes of the app (offscreen), as a user starts them."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.corpus import load_library
from reader.core.instance import DataLock
from reader.core.marks import MarkStore, new_mark
from tests.hostile import TEXT
from tests.unprivileged import give_away, run_python, shared_tmp

ROOT = Path(__file__).resolve().parents[1]
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))


def _app(*args: str) -> list[str]:
    return [sys.executable, "-m", "reader", *args]


def _report(out: str) -> dict[str, dict]:
    events = {}
    for line in out.splitlines():
        if line.startswith("{"):
            item = json.loads(line)
            events[item["event"]] = item
    return events


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, except SQLite's -wal/-shm side files, which even a read-only reader
    of a WAL database creates (they hold no data of their own)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


def _wait_for_server(data: Path, proc: subprocess.Popen, timeout: float = 60) -> None:
    """Until the first instance holds the lock and answers on its socket."""
    from PySide6.QtNetwork import QLocalSocket

    from reader.ui.instance import server_name

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        sock = QLocalSocket()
        sock.connectToServer(server_name(data))
        if sock.waitForConnected(200):
            sock.abort()
            return
        time.sleep(0.2)
    raise AssertionError("the first instance never listened")


def test_a_second_launch_hands_its_folder_to_the_first(qapp, tmp_path):
    data, pages = tmp_path / "data", tmp_path / "pages"
    pages.mkdir()
    (pages / "page.txt").write_text(TEXT, encoding="utf-8")
    with subprocess.Popen(
        _app("--data-dir", str(data)), env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    ) as first:
        try:
            _wait_for_server(data, first)
            second = subprocess.run(
                _app("--data-dir", str(data), "--corpus", str(pages)),
                env=ENV,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert second.returncode == 0, second.stderr
            assert "already running" in second.stderr
            # the first instance took the folder: it remembers it for the next start
            corpora = data / "corpora.json"
            deadline = time.monotonic() + 30
            while not corpora.exists() and time.monotonic() < deadline:
                time.sleep(0.2)
            assert json.loads(corpora.read_text(encoding="utf-8")) == [str(pages.resolve())]
        finally:
            first.send_signal(signal.SIGTERM)  # closes the window as its close button does
            first.wait(60)
    assert first.returncode == 0
    # the lock went with the first process
    lock = DataLock(data)
    assert lock.acquire()
    lock.release()


def _marks_file_with_one_mark(data: Path) -> None:
    lib = load_library([ROOT / "seeds"])
    article = lib.articles[0]
    store = MarkStore(data / "marks.sqlite", data / "backups")
    store.put(new_mark(article, 0, 6, note="saved before"))
    store.close()


def test_a_second_launch_opens_read_only_when_the_first_does_not_answer(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    _marks_file_with_one_mark(data)
    holder = DataLock(data)  # a first instance that holds the folder but is hung
    assert holder.acquire()
    before = _snapshot(data)
    try:
        out = subprocess.run(
            _app("--data-dir", str(data), "--startup-report", "searchable"),
            env=ENV,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        holder.release()
    events = _report(out.stdout)
    assert out.returncode == 0, out.stderr
    assert events["shown"]["read_only"] == "instance"
    assert events["loaded"]["marks"] == 1  # the saved marks are shown
    assert "searchable" in events  # searching works, from an index built for the session
    assert _snapshot(data) == before  # and nothing in the folder changed


def test_a_data_folder_without_write_access_opens_read_only(tmp_path):
    shared = shared_tmp()
    try:
        data = shared / "data"
        data.mkdir()
        _marks_file_with_one_mark(data)
        for p in [data, *data.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)
        before = _snapshot(data)
        home = shared / "home"
        home.mkdir()
        give_away(home)
        code = (
            "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
            f"os.environ['HOME'] = {str(home)!r}; os.environ['XDG_RUNTIME_DIR'] = {str(home)!r};"
            "from reader.cli import main; sys.exit(main(sys.argv[1:]))"
        )
        out = run_python(code, "--data-dir", str(data), "--startup-report", "searchable")
        if (
            "Permission denied" not in out.stderr
            and _report(out.stdout).get("shown", {}).get("read_only") == ""
        ):
            pytest.skip("this user can write the folder anyway")
        events = _report(out.stdout)
        assert out.returncode == 0, out.stderr
        assert events["shown"]["read_only"] == "folder"
        assert events["loaded"]["marks"] == 1
        assert "searchable" in events
        assert _snapshot(data) == before
    finally:
        shutil.rmtree(shared, ignore_errors=True)
