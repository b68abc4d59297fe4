"""Writing files so that a crash never leaves half of one: write beside, flush, then rename."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path


def atomic_write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def atomic_write_json(path: Path, data: object) -> None:
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1))


# Line breaks, controls and bidi overrides in a name would break a table row or reverse what
# follows them ("‮txt.exe"): they are shown as escapes.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def readable_name(name: str) -> str:
    """A path or file name fit to show, store as text and write as UTF-8.

    On Linux a name that is not UTF-8 (a folder copied from an old Windows disk, in GBK bytes)
    reaches Python with its bytes escaped as lone surrogates, which cannot be encoded, shown or
    put in JSON. Such bytes are read as GB18030 when they are that, else shown as \\xNN."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(name)
        try:
            name = raw.decode("gb18030")
        except UnicodeDecodeError:
            name = raw.decode("utf-8", errors="backslashreplace")
    return _UNSHOWABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", name)
