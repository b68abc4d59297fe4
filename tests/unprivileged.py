"""Run Python as an ordinary user, so that file permissions mean something.

Root reads and writes whatever the mode bits say, and CI machines often run tests as root. There
the code runs as `nobody` through util-linux's setpriv; as any other user it runs as that user.
Files it must reach go in `shared_tmp()`, a folder everyone can enter (pytest's own tmp_path is
private to the user who runs the tests).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOBODY = 65534


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _prefix() -> list[str]:
    if not is_root():
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def run_python(code: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `python -c code args…` as an ordinary user; skips the test if that is impossible."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": tempfile.gettempdir()}
    probe = subprocess.run(
        [*_prefix(), sys.executable, "-c", "import reader"], env=env, capture_output=True
    )
    if probe.returncode != 0:
        pytest.skip(f"an ordinary user cannot run this Python: {probe.stderr[-300:]!r}")
    return subprocess.run(
        [*_prefix(), sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=tempfile.gettempdir(),
    )


def shared_tmp() -> Path:
    """A new folder an ordinary user can enter and write to; the caller removes it."""
    path = Path(tempfile.mkdtemp(prefix="press-reader-test-"))
    path.chmod(0o777)
    return path


def give_away(path: Path) -> None:
    """Make `path` (a tree) belong to the ordinary user, when we are root."""
    if not is_root():
        return
    for p in [path, *path.rglob("*")]:
        os.lchown(p, NOBODY, NOBODY)
