"""Turn a file's bytes into text, or say clearly why that is not possible.

Detection: a BOM wins; then strict UTF-8; then charset-normalizer (GB18030/GBK, Big5, UTF-16
without BOM and the rest). Whatever is chosen must also look like text (few control characters),
otherwise the file is reported as binary or undecodable instead of loaded as mojibake.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

EMPTY = "empty"
TOO_LARGE = "too-large"
BINARY = "binary"
UNDECODABLE = "undecodable"
UNREADABLE = "unreadable"
NO_TEXT = "no-text"
NOT_A_FILE = "not-a-file"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# File signatures of common binary formats that can end up named .txt.
_MAGIC = (
    b"\x89PNG",
    b"%PDF",
    b"PK\x03\x04",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x7fELF",
    b"MZ",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"Rar!",
    b"7z\xbc\xaf",
    b"SQLite format 3",
    b"\xd0\xcf\x11\xe0",
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    # What was changed to make the file readable (bytes replaced, invisible characters
    # removed), in words; empty for a clean file.
    notes: tuple[str, ...] = ()


class DecodeError(Exception):
    """A file that cannot become text. `code` is stable, the message says it in words."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# Characters removed from every page: C0/C1 controls other than tab and newline (a form feed
# becomes a newline first), bidi embeddings, overrides and isolates (they can make text read
# backwards, "Trojan Source"), marks that only steer direction, zero-width spaces and stray BOMs.
# None is ever meant to be read in a newspaper page, and left in they break search and quoting.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
# Up to this share of bytes may be invalid in a file that is otherwise UTF-8 (a file cut in the
# middle of a character, a few damaged bytes); they are shown as U+FFFD and the user is told.
_UTF8_DAMAGE = 0.002

# Control characters other than line/tab breaks, the replacement character, lone surrogates and
# private-use code points: text that is mostly these is binary, whatever the decoder said.
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ud800-\udfff\ue000-\uf8ff]")


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    return len(_BAD_CHARS.findall(sample)) / len(sample)


def _looks_like_text(text: str) -> bool:
    return _control_ratio(text) < 0.02


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def too_large(size: int, max_bytes: int) -> DecodeError:
    return DecodeError(
        TOO_LARGE,
        f"文件太大：{size / 1048576:.1f} MB，上限 {max_bytes / 1048576:.1f} MB "
        f"(file is larger than the {max_bytes / 1048576:.1f} MB limit)",
    )


def decode_bytes(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Decode a page file. Raises DecodeError with a code from this module."""
    if len(data) == 0:
        raise DecodeError(EMPTY, "文件是空的 (the file is empty)")
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = _strip_bom(data[len(bom) :].decode(enc))
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    UNDECODABLE, f"文件声明为 {enc} 但内容无法解码 (invalid {enc}: {exc.reason})"
                ) from exc
            return _finish(text, enc if enc != "utf-8" else "utf-8-sig")
    if any(data.startswith(m) for m in _MAGIC):
        raise DecodeError(BINARY, "这是二进制文件，不是文本 (binary file, not text)")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return _finish(data.decode(utf16), utf16)
        except (UnicodeDecodeError, DecodeError):
            pass
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    except DecodeError:
        # Valid UTF-8 full of control characters: binary rather than text in another encoding.
        raise
    nearly = _nearly_utf8(data)
    if nearly is not None:
        return nearly
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        if b"\x00" in data[:4096]:
            raise DecodeError(BINARY, "这是二进制文件，不是文本 (binary file, not text)")
        raise DecodeError(
            UNDECODABLE,
            "无法识别文件的编码 (could not recognise the encoding: not UTF-8, GB18030, Big5 or UTF-16)",
        )
    encoding = str(best.encoding)
    return _finish(str(best), encoding)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of mostly Latin text has a zero in every other byte; Chinese UTF-16 has few zeros
    and is left to the detector."""
    sample = data[:4096]
    if len(sample) < 8 or sample.count(0) < len(sample) // 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _nearly_utf8(data: bytes) -> Decoded | None:
    """A UTF-8 file with a few damaged bytes (or cut in the middle of its last character):
    keep it, with the damage shown as U+FFFD, rather than guess another encoding for it all.
    Text in another encoding read as UTF-8 is damaged all over, so a share decides."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    cut = text.endswith("\ufffd") and not data.endswith("\ufffd".encode())
    inside = bad - int(cut)
    if inside > max(8, len(data) * _UTF8_DAMAGE) or inside > len(text) * 0.05:
        return None
    done = _finish(text, "utf-8", replaced=True)
    note = f"{bad} 处字节不是有效的 UTF-8，显示为 � ({bad} invalid UTF-8 sequence(s) shown as �)"
    return Decoded(done.text, done.encoding, (note, *done.notes))


def _finish(text: str, encoding: str, replaced: bool = False) -> Decoded:
    """Check and clean decoded text; `replaced`: U+FFFD stands for bytes already counted."""
    text = _strip_bom(text)
    nuls = text.count("\x00")
    if nuls > len(text) * 0.3:
        raise DecodeError(BINARY, "这是二进制文件，不是文本 (binary file, not text)")
    sample = text.replace("\x00", "")
    if replaced:
        sample = sample.replace("\ufffd", "")
    if not _looks_like_text(sample):
        raise DecodeError(
            BINARY, "内容含大量控制字符，像是二进制文件 (mostly control characters: binary)"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text, removed = _INVISIBLE.subn("", text)
    if not text.strip():
        raise DecodeError(NO_TEXT, "文件里没有文字 (the file holds only white space)")
    notes: tuple[str, ...] = ()
    if removed:
        notes = (
            f"删除了 {removed} 个不可见的控制字符 ({removed} invisible control character(s) removed)",
        )
    return Decoded(text=text, encoding=encoding, notes=notes)
