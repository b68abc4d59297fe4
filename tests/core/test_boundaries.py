import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.ingest.decode import DecodeError, decode_bytes
from reader.core.ingest.split import split_text


def test_core_and_cli_load_no_qt():
    code = (
        "import sys, reader.core, reader.core.corpus, reader.core.ingest.split, reader.cli;"
        "bad=[m for m in sys.modules if m.startswith(('PySide6','shiboken6'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4000))
def test_reading_arbitrary_bytes_never_raises_anything_else(data):
    try:
        text = decode_bytes(data).text
    except DecodeError as exc:
        assert exc.code and exc.message
        return
    split_text(text)


PIECES = [
    "本报讯",
    "（下转第2版）",
    "(上接第一版)",
    "（某某）",
    "张三 摄",
    "图为",
    "#",
    "##",
    "\n",
    "\n\n",
    "\n\n\n\n",
    " ",
    "。",
    "，",
    "会议强调",
    "记 者",
    "2022年4月18日",
    "标题",
    "——",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=60))
def test_splitting_arbitrary_text_never_raises(parts):
    text = "".join(parts)
    drafts = split_text(text)
    for d in drafts:
        assert isinstance(d.title, str)
        for a, b in d.spans:
            assert 0 <= a <= b <= len(text)
