"""Python counts code points; Qt's text cursors count UTF-16 code units. Every conversion between
the two goes through this module, so a name written with a character outside the BMP (rare CJK
characters are, e.g. 𠮷) still lines up."""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class OffsetMap:
    """Converts positions in one text between code points and UTF-16 units."""

    def __init__(self, text: str) -> None:
        # Code-point positions of characters that take two UTF-16 units, in order.
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._len = len(text)
        # The same characters' UTF-16 positions.
        self._wide16 = [i + n for n, i in enumerate(self._wide)]

    def to_utf16(self, offset: int) -> int:
        offset = max(0, min(offset, self._len))
        return offset + bisect_left(self._wide, offset)

    def from_utf16(self, pos: int) -> int:
        """The code point at or before UTF-16 position `pos` (a position inside a surrogate pair
        falls back to the start of its character)."""
        pos = max(0, min(pos, self.utf16_len))
        before = bisect_right(self._wide16, pos - 2)  # pairs that end at or before pos
        inside = before < len(self._wide16) and self._wide16[before] == pos - 1
        return pos - 1 - before if inside else pos - before

    @property
    def utf16_len(self) -> int:
        return self._len + len(self._wide)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
