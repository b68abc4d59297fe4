from hypothesis import given
from hypothesis import strategies as st

from reader.core.offsets import OffsetMap, utf16_len


def test_outside_bmp_counts_twice_in_utf16():
    text = "记者𠮷林武报道"  # 𠮷 (U+20BB7) is one code point, two UTF-16 units
    m = OffsetMap(text)
    assert m.utf16_len == utf16_len(text) == len(text) + 1
    assert m.to_utf16(2) == 2  # before the wide character
    assert m.to_utf16(3) == 4  # after it
    assert m.from_utf16(4) == 3
    assert m.from_utf16(3) == 2  # inside the pair: the character's start
    assert text[m.from_utf16(m.to_utf16(3)) :] == "林武报道"


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])), st.data())
def test_round_trip(text, data):
    m = OffsetMap(text)
    i = data.draw(st.integers(0, len(text)))
    pos = m.to_utf16(i)
    assert pos == utf16_len(text[:i])
    assert m.from_utf16(pos) == i
