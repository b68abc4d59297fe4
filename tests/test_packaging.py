"""The packaged app: `--self-test` from the checkout, the no-Chinese-font warning, and (marked
`bundle`, run with `pytest -m bundle` after `pip install -e '.[package]'`) a PyInstaller build whose
executable passes the self-test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def self_test(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, object]:
    out = subprocess.run(
        [*cmd, "--self-test"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        env={k: v for k, v in (env or os.environ).items() if k != "QT_QPA_PLATFORM"},
    )
    assert out.returncode == 0, out.stdout + out.stderr
    line = out.stdout.strip().splitlines()[-1]
    assert line.startswith("self-test ok: ")
    return json.loads(line.removeprefix("self-test ok: "))


def test_self_test_from_the_checkout() -> None:
    facts = self_test([sys.executable, "-m", "reader"])
    assert facts["articles"] and facts["search_hits"] and facts["entities"]
    assert facts["marks_exported"] == 1 and facts["docx_bytes"] > 1000
    assert facts["version"] == VERSION and facts["frozen"] is False


def test_no_chinese_font_is_said(tmp_path: Path) -> None:
    (tmp_path / "fonts").mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f"<?xml version='1.0'?><fontconfig><dir>{tmp_path / 'fonts'}</dir>"
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    facts = self_test([sys.executable, "-m", "reader"], dict(os.environ, FONTCONFIG_FILE=str(conf)))
    assert facts["chinese_font"] is False and facts["no_font_warning"] is True


def test_a_failing_self_test_says_where(tmp_path: Path) -> None:
    code = (
        "import sys, reader.paths as p; from pathlib import Path;"
        f"p.seeds_dir = lambda: Path({str(tmp_path)!r});"
        "from reader.selftest import run; sys.exit(run())"
    )
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=300, cwd=ROOT, env=env)  # fmt: skip
    assert out.returncode == 1
    assert out.stdout.startswith("self-test FAILED at load the seeds")


@pytest.mark.bundle
def test_the_bundle_builds_and_passes_its_self_test(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="pip install -e '.[package]'")
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "packaging/build.py", "--dist", str(dist), "--work", str(tmp_path / "w")],
        capture_output=True, text=True, timeout=1800, cwd=ROOT,
    )  # fmt: skip
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    bundle = dist / "press-reader"
    exe = bundle / ("press-reader.exe" if sys.platform == "win32" else "press-reader")
    internal = bundle / "_internal"
    assert sorted(p.name for p in (internal / "seeds").glob("*.txt")) == sorted(
        p.name for p in (ROOT / "seeds").glob("*.txt")
    )
    for needed in ("resources/translations/press_reader_zh.qm", "resources/press-reader.svg",
                   "reader/core/entities/ner.crfsuite", "reader/core/entities/common_words.txt",
                   "reader/core/entities/transliteration_chars.txt",
                   "docx/templates/default.docx"):  # fmt: skip
        assert (internal / needed).is_file(), needed
    assert not (internal / "jieba").exists()  # rjieba carries the dictionary
    facts = self_test([str(exe)])
    assert facts["frozen"] is True and facts["version"] == VERSION
    assert facts["articles"] and facts["search_hits"] and facts["marks_exported"] == 1
    # a launch as a user's (the data folder's lock, the hand-over socket: QtNetwork is inside)
    launch = subprocess.run(
        [str(exe), "--data-dir", str(tmp_path / "data"), "--startup-report", "searchable"],
        capture_output=True, text=True, timeout=300,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )  # fmt: skip
    assert launch.returncode == 0, launch.stderr[-3000:]
    events = [json.loads(line)["event"] for line in launch.stdout.splitlines() if line[:1] == "{"]
    assert "painted" in events and "searchable" in events
    if sys.platform.startswith("linux"):
        archive = dist / f"press-reader-{VERSION}-linux-{os.uname().machine}.tar.gz"
        with tarfile.open(archive) as tar:
            names = set(tar.getnames())
        top = f"press-reader-{VERSION}"
        for item in ("press-reader", "press-reader.desktop", "press-reader.png",
                     "install-desktop-entry.sh"):  # fmt: skip
            assert f"{top}/{item}" in names
