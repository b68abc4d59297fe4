"""A catalogue of hostile page files: what the world will put in a folder a user opens.

Each case writes into its own subfolder of a corpus and says what must come of it: the page
loads ("page"), loads after a repair the user is told about ("repaired"), or is listed as a
problem with a stable code while the rest of the corpus loads. docs/reliability.md lists every
case by name; tests/core/test_hostile.py checks them and that the list in the docs is complete.
"""

from __future__ import annotations

import codecs
import os
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

LEAD = "本报讯（记者 杨文）11月23日，省委书记林武主持召开省委疫情防控专题会议，研究部署下一步工作。"
MORE = "会议强调，要坚决落实各项防控措施，守住不发生规模性疫情的底线。太原市各区县迅速行动。"
TEXT = f"{LEAD}\n{MORE}\n{MORE}\n"
TRADITIONAL = (
    "本報訊 11月23日，省委常委會議召開，第一時間傳達學習重要指示批示精神。動態清零。\n" * 3
)


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    make: Callable[[Path], None]  # writes the case's files into the folder it is given
    expect: str  # "page", "repaired", "nothing" (skipped silently) or a Problem code
    # a check of the loaded text of the case's page(s), all joined
    text_has: tuple[str, ...] = ()
    text_lacks: tuple[str, ...] = ()
    pages: int = 1  # pages expected when it loads
    posix_only: bool = False


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).write_bytes(data)

    return make


def _random_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _sparse(name: str, size: int) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        with (folder / name).open("wb") as fh:
            fh.truncate(size)

    return make


def _deep(folder: Path) -> None:
    d = folder
    for i in range(60):
        d = d / f"第{i}层"
    d.mkdir(parents=True)
    (d / "深处.txt").write_text(TEXT, encoding="utf-8")


def _loop(folder: Path) -> None:
    (folder / "a" / "b").mkdir(parents=True)
    (folder / "a" / "page.txt").write_text(TEXT, encoding="utf-8")
    os.symlink("..", folder / "a" / "b" / "up")
    os.symlink(str(folder / "a"), folder / "a" / "b" / "again")


def _dangling(folder: Path) -> None:
    os.symlink("nowhere.txt", folder / "dangling.txt")


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")


def _device(folder: Path) -> None:
    os.symlink("/dev/zero", folder / "zero.txt")


def _gbk_name(folder: Path) -> None:
    name = os.fsencode(folder) + b"/" + "中文版面.txt".encode("gbk")
    with open(name, "wb") as fh:
        fh.write(TEXT.encode("utf-8"))


def _odd_names(folder: Path) -> None:
    for name in (
        "line\nbreak.txt",
        "\u202etxt.exe.txt",
        "<b>bold<b> & 'quotes'.txt",
        "-rf leading dash.txt",
        "  spaces  .txt",
        "emoji 📰.txt",
        "长" * 80 + ".txt",  # 240 bytes in UTF-8, near the 255-byte limit
        "UPPER.TXT",
    ):
        (folder / name).write_text(TEXT, encoding="utf-8")


def _folder_named_txt(folder: Path) -> None:
    (folder / "looks-like-a-page.txt").mkdir()
    (folder / "looks-like-a-page.txt" / "inside.txt").write_text(TEXT, encoding="utf-8")


def _hidden_and_other(folder: Path) -> None:
    (folder / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD.txt").write_text(TEXT, encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")


def _tiny_files(folder: Path) -> None:
    for i in range(2000):
        (folder / f"{i:04d}.txt").write_text(f"第{i}条：太原市新增{i}例。\n", encoding="utf-8")


_HTML = (
    '<html><body><script>document.location="http://127.0.0.1:9/steal"</script>\n'
    '<img src="http://127.0.0.1:9/pixel.png" onerror="alert(1)">\n'
    "<b>加粗的标题</b> &amp; &lt;实体&gt;\n" + TEXT + '<a href="javascript:alert(2)">点这里</a>\n'
)
_MARKDOWN = (
    "# 太原市疫情防控通报\n\n"
    "[官方链接](http://127.0.0.1:9/x) ![图](http://127.0.0.1:9/y.png) <script>alert(3)</script>\n\n"
    + TEXT
)
_NO_PUNCT = ("省委书记林武主持召开会议研究部署疫情防控工作要求各地落实措施" * 200) + "\n"
_HEADLINES = "坚决打赢疫情防控阻击战\n全力保障群众基本生活\n太原市新增本土病例\n众志成城\n"
_LATIN = "Taiyuan reported new cases on Wednesday. The city closed schools.\n" * 30
_ONE_LINE = (LEAD + MORE) * 40000  # about 5.3 MB of UTF-8 without a line break
_CONTROLS = "".join(f"{line}\x07\n" for line in TEXT.splitlines()) + "\x1b[0m" + TEXT
_BIDI = "\u202e" + LEAD + "\u202c\n\u2066" + MORE + "\u2069\u200f\n" + TEXT
_NULS = TEXT.replace("，", "，\x00")
_NON_BMP = "𠮷野家与𡈽地：" + TEXT + "e\u0301 a\u0308\n"


# fmt: off
CASES: list[Case] = [
    # binary files with a page's name
    Case("png-as-txt", "PNG image named .txt", _write("photo.txt", b"\x89PNG\r\n\x1a\n" + _random_bytes(4000, 1)), "binary"),
    Case("pdf-as-txt", "PDF named .txt", _write("paper.txt", b"%PDF-1.7\n" + _random_bytes(4000, 2)), "binary"),
    Case("docx-as-txt", "Word file (zip) named .txt", _write("word.txt", b"PK\x03\x04" + _random_bytes(4000, 3)), "binary"),
    Case("sqlite-as-txt", "SQLite database named .md", _write("db.md", b"SQLite format 3\x00" + bytes(4000)), "binary"),
    Case("program-as-txt", "the Python executable renamed .txt", lambda f: (f / "python.txt").write_bytes(Path(sys.executable).resolve().read_bytes()[:65536]), "binary"),
    Case("random-bytes", "64 KB of random bytes", _write("noise.txt", _random_bytes(65536, 4)), "binary|undecodable"),
    Case("zeros", "4 KB of NUL bytes", _write("zeros.txt", bytes(4096)), "binary"),
    Case("mostly-controls", "text drowned in control characters", _write("ctl.txt", (bytes(range(1, 9)) * 200) + TEXT.encode()), "binary"),
    # encodings
    Case("utf8-bom", "UTF-8 with a BOM", _write("bom.txt", codecs.BOM_UTF8 + TEXT.encode()), "page", text_has=(LEAD,)),
    Case("gb18030", "GB18030 without a BOM", _write("gb.txt", TEXT.encode("gb18030")), "page", text_has=(LEAD,)),
    Case("gbk", "GBK without a BOM", _write("gbk.txt", TEXT.encode("gbk")), "page", text_has=(LEAD,)),
    Case("big5", "Big5 (traditional) without a BOM", _write("big5.txt", TRADITIONAL.encode("big5")), "page", text_has=("動態清零",)),
    Case("utf16le", "UTF-16 LE Chinese without a BOM", _write("u16le.txt", TEXT.encode("utf-16-le")), "page", text_has=(LEAD,)),
    Case("utf16be", "UTF-16 BE Chinese without a BOM", _write("u16be.txt", TEXT.encode("utf-16-be")), "page", text_has=(LEAD,)),
    Case("utf16le-latin", "UTF-16 LE English without a BOM", _write("u16latin.txt", _LATIN.encode("utf-16-le")), "page", text_has=("Taiyuan reported",)),
    Case("utf32-bom", "UTF-32 with a BOM", _write("u32.txt", TEXT.encode("utf-32")), "page", text_has=(LEAD,)),
    Case("invalid-utf8", "UTF-8 with three damaged bytes", _write("bad.txt", TEXT.encode()[:60] + b"\xff\xfe\x80" + TEXT.encode()[60:]), "repaired", text_has=("\ufffd", MORE)),
    Case("cut-utf8", "UTF-8 cut in the middle of its last character", _write("cut.txt", TEXT.encode()[:-2]), "repaired", text_has=(LEAD,)),
    Case("bad-utf16-bom", "UTF-16 BOM followed by an unpaired surrogate", _write("badbom.txt", codecs.BOM_UTF16_LE + b"\x00\xd8"), "undecodable"),
    Case("crlf-and-cr", "Windows and old Mac line ends", _write("crlf.txt", TEXT.replace("\n", "\r\n").encode() + TEXT.replace("\n", "\r").encode()), "page", text_lacks=("\r",)),
    # sizes
    Case("empty", "a 0-byte file", _write("empty.txt", b""), "empty"),
    Case("blank", "only spaces and line breaks", _write("blank.txt", b" \n\t\n\xe3\x80\x80\n"), "no-text"),
    Case("bom-only", "only a UTF-8 BOM", _write("bomonly.txt", codecs.BOM_UTF8), "no-text"),
    Case("huge-100mb", "a 100 MB file (sparse)", _sparse("huge.txt", 100 * 1024 * 1024), "too-large"),
    Case("one-line-5mb", "5 MB of text on one line", _write("oneline.txt", _ONE_LINE.encode()), "page", text_has=(LEAD[:20],)),
    # characters
    Case("nul-bytes", "NUL bytes inside the text", _write("nul.txt", _NULS.encode()), "repaired", text_lacks=("\x00",), text_has=(LEAD,)),
    Case("control-chars", "bells and terminal escapes", _write("ctrl.txt", _CONTROLS.encode()), "repaired", text_lacks=("\x07", "\x1b")),
    Case("bidi", "bidi overrides and isolates (Trojan Source)", _write("bidi.txt", _BIDI.encode()), "repaired", text_lacks=("\u202e", "\u2066", "\u2069", "\u200f"), text_has=(LEAD,)),
    Case("non-bmp", "characters outside the BMP and combining marks", _write("ext.txt", _NON_BMP.encode()), "page", text_has=("𠮷野家与𡈽地", "e\u0301")),
    Case("html", "HTML with <script>, <img src> and a javascript: link", _write("web.txt", _HTML.encode()), "page", text_has=("<script>", '<img src="http://127.0.0.1:9/pixel.png"', "&amp;")),
    Case("markdown", "Markdown with links, an image and a script tag", _write("page.md", _MARKDOWN.encode()), "page", text_has=("[官方链接](http://127.0.0.1:9/x)", "![图]", "<script>")),
    Case("no-punctuation", "a long page without any punctuation", _write("nopunct.txt", _NO_PUNCT.encode()), "page", text_has=(_NO_PUNCT[:40],)),
    Case("only-headlines", "a page of short headlines only", _write("heads.txt", _HEADLINES.encode()), "page", text_has=("众志成城",)),
    Case("only-punctuation", "a page of punctuation and digits", _write("punct.txt", ("。，、；：" * 100 + "\n" + "2022 11 23\n" * 10).encode()), "page"),
    Case("latin", "an English page", _write("english.txt", _LATIN.encode()), "page", text_has=("Taiyuan reported",)),
    # folders and names
    Case("tiny-files", "2,000 tiny files in one folder", _tiny_files, "page", pages=2000),
    Case("deep-nesting", "a page 60 folders deep", _deep, "page"),
    Case("symlink-loop", "symbolic links that loop back", _loop, "page", posix_only=True),
    Case("dangling-link", "a link to a file that does not exist", _dangling, "unreadable", posix_only=True),
    Case("fifo", "a named pipe called .txt (would block a reader)", _fifo, "not-a-file", posix_only=True),
    Case("device", "a link to /dev/zero called .txt", _device, "not-a-file", posix_only=True),
    Case("gbk-name", "a file name in GBK bytes", _gbk_name, "page", posix_only=True),
    Case("odd-names", "names with a line break, RLO, tags, a dash, emoji, 240 bytes", _odd_names, "page", pages=8, posix_only=True),
    Case("folder-named-txt", "a folder named like a page", _folder_named_txt, "page"),
    Case("hidden-and-other", "hidden files, .git, PDF and DOCX beside pages", _hidden_and_other, "nothing"),
]
# fmt: on
