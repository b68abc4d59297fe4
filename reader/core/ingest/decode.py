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


class DecodeError(Exception):
    """A file that cannot become text. `code` is stable, the message says it in words."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


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
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    except DecodeError:
        # Valid UTF-8 full of control characters: binary rather than text in another encoding.
        raise
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


def _finish(text: str, encoding: str) -> Decoded:
    text = _strip_bom(text)
    if not _looks_like_text(text):
        raise DecodeError(
            BINARY, "内容含大量控制字符，像是二进制文件 (mostly control characters: binary)"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise DecodeError(NO_TEXT, "文件里没有文字 (the file holds only white space)")
    return Decoded(text=text, encoding=encoding)
