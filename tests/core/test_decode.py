import codecs
import os

import pytest

from reader.core.ingest import decode
from reader.core.ingest.decode import DecodeError, decode_bytes

SIMPLIFIED = "本报讯（记者 杨文）11月23日，省委书记林武主持召开省委第121次疫情防控专题会。" * 3
TRADITIONAL = "本報訊 11月23日，省委常委會議召開，第一時間傳達學習重要指示批示精神。動態清零。" * 3


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED.encode("utf-16"), None),
        (SIMPLIFIED.encode("utf-16-le"), None),
        (SIMPLIFIED.encode("utf-16-be"), None),
        (SIMPLIFIED.encode("gb18030"), None),
        (SIMPLIFIED.encode("gbk"), None),
    ],
)
def test_encodings_of_simplified_text(data, encoding):
    got = decode_bytes(data)
    assert got.text == SIMPLIFIED
    if encoding:
        assert got.encoding == encoding


def test_big5_traditional():
    assert decode_bytes(TRADITIONAL.encode("big5")).text == TRADITIONAL


def test_crlf_is_normalised():
    assert decode_bytes("一行\r\n二行\r三行".encode()).text == "一行\n二行\n三行"


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", decode.EMPTY),
        (b"   \n\n  ", decode.NO_TEXT),
        (b"\x89PNG\r\n\x1a\n" + os.urandom(200), decode.BINARY),
        (b"%PDF-1.4\n" + os.urandom(200), decode.BINARY),
        (bytes(range(0, 32)) * 50, decode.BINARY),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", decode.UNDECODABLE),
    ],
)
def test_problem_files(data, code):
    with pytest.raises(DecodeError) as err:
        decode_bytes(data)
    assert err.value.code == code
    assert err.value.message


def test_too_large():
    with pytest.raises(DecodeError) as err:
        decode_bytes(SIMPLIFIED.encode(), max_bytes=10)
    assert err.value.code == decode.TOO_LARGE
    assert "MB" in err.value.message
