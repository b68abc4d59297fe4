"""Keep the Chinese interface catalogue in step with the code.

    python tools/translations.py update    # collect self.tr() strings into the .ts (Qt lupdate)
    python tools/translations.py release   # compile the .ts into the .qm the app loads (lrelease)
    python tools/translations.py check     # exit 1 if a string is untranslated or the .qm is stale

Edit translations in resources/translations/press_reader_zh.ts (Qt Linguist, or any editor)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "press_reader_zh.ts"
QM = TS.with_suffix(".qm")
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "reader" / "ui").glob("*.py"))


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this interpreter, or on PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(here) if here.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found (pip install PySide6-Essentials)")
    return found


def update(ts: Path = TS) -> None:
    subprocess.run(
        [
            tool("lupdate"),
            *SOURCES,
            "-ts",
            str(ts),
            "-no-obsolete",
            "-locations",
            "none",
            "-silent",
        ],
        cwd=ROOT,
        check=True,
    )


def release(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path = TS) -> list[str]:
    root = ET.parse(ts).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                out.append(f"{name}: {msg.findtext('source')}")
    return out


def check() -> list[str]:
    """Problems: strings in the code without a translation, or a .qm older than the .ts."""
    with tempfile.TemporaryDirectory() as tmp:
        ts, qm = Path(tmp) / TS.name, Path(tmp) / QM.name
        shutil.copy(TS, ts)
        update(ts)
        problems = [f"untranslated: {m}" for m in unfinished(ts)]
        release(TS, qm)
        if not QM.exists() or qm.read_bytes() != QM.read_bytes():
            problems.append(f"{QM.name} is stale: run python tools/translations.py release")
    return problems


def main() -> int:
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    if cmd == "update":
        update()
        for m in unfinished():
            print("untranslated:", m)
    elif cmd == "release":
        release()
    else:
        problems = check()
        for p in problems:
            print(p)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
