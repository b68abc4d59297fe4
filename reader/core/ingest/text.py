"""Small character-level helpers shared by the layout repair and the article splitter."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_CJK_RE = re.compile(f"[{CJK}]")

# Punctuation that ends a sentence, and closers that may follow it.
SENTENCE_END = "。！？!?…；;"
CLOSERS = "”’」』）)》〉】\"'"
OPENERS = "“‘「『（(《〈【"
CJK_PUNCT = "，。、；：！？…—·”“‘’「」『』（）《》〈〉【】,.;:!?"


def is_cjk(ch: str) -> bool:
    return bool(_CJK_RE.match(ch))


_CJK_RUN = re.compile(f"[{CJK}]+")


def cjk_count(text: str) -> int:
    # Summing the runs of Chinese characters is far faster than matching each character.
    return sum(map(len, _CJK_RUN.findall(text)))


# Characters East Asian Width calls W or F (CJK, kana, hangul, full-width forms), counted by
# one regular expression instead of a unicodedata call per character (the page model measures
# every line several times).
_WIDE = re.compile(
    "[\u1100-\u115f\u231a\u231b\u2329\u232a\u2e80-\u2fff\u3001-\u303e\u3041-\u33ff\u3400-\u4dbf"
    "\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19"
    "\ufe30-\ufe6f\uff01-\uff60\uffe0-\uffe6\U0001f300-\U0001f64f\U00020000-\U0003fffd]"
)
_WIDE_RUN = re.compile(_WIDE.pattern + "+")
# Wide punctuation (，。、「」…) is set half-width: counted back out.
_WIDE_PUNCT = "".join(c for c in CJK_PUNCT if _WIDE.match(c))


def display_width(text: str) -> float:
    """Width in ems as a justified column prints it: CJK counts 1; punctuation (often set
    half-width by compression), Latin letters, digits and spaces count half."""
    # Runs of wide characters are long in Chinese text, so summing them is cheaper than deleting
    # what lies between them; str.count is a fast search for each punctuation mark.
    wide = sum(map(len, _WIDE_RUN.findall(text))) - sum(map(text.count, _WIDE_PUNCT))
    return 0.5 * len(text) + 0.5 * wide


def _display_width_reference(text: str) -> float:
    """The same by unicodedata, character by character (what the fast one is tested against)."""
    width = 0.0
    for ch in text:
        if ch.isspace() or ch in CJK_PUNCT:
            width += 0.5
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            width += 1.0
        else:
            width += 0.5
    return width


def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence (allowing closing quotes/brackets after the stop)."""
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        # A closing bracket after a stop ends the sentence; a credit "（某某）" also closes.
        if t[-1] in "）)" and re.search(r"[（(][^（）()]{1,24}[）)]$", t):
            return True
        t = t[:-1].rstrip()
    return bool(t) and t[-1] in SENTENCE_END


_SPACED_RUN = re.compile(rf"(?<![{CJK}])[{CJK}](?: [{CJK}](?![{CJK}])){{2,}}")
_SPACED_PAIR_IN_BRACKETS = re.compile(rf"(?<=[（(])([{CJK}]) ([{CJK}])(?=[）)])")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t\u3000]+(?=[，。、；：！？”’）》」』】,;:!?])")
_SPACE_AFTER_OPENER = re.compile(r"(?<=[“‘（《「『【])[ \t\u3000]+")
_SPACE_AFTER_PUNCT = re.compile(r"(?<=[，。、；：！？])[ \t\u3000]+(?=[^ ])")
_CJK_DIGIT = re.compile(rf"(?<=[{CJK}])[ \t]+(?=[0-9])|(?<=[0-9])[ \t]+(?=[{CJK}])")
_MULTI_SPACE = re.compile(r"[ \t\u3000]{2,}")


_LETTER_PAIR = re.compile(f"[{CJK}] [{CJK}]")


def _letter_pair(text: str) -> str | None:
    """'慰 问' standing alone -> '慰问' (a spaced pair is a word only when it is all there is)."""
    stripped = text.strip()
    if len(stripped) == 3 and _LETTER_PAIR.fullmatch(stripped):
        return stripped.replace(" ", "")
    return None


def _undo_rules(text: str) -> str:
    text = _SPACED_RUN.sub(lambda m: m.group(0).replace(" ", ""), text)
    return _SPACED_PAIR_IN_BRACKETS.sub(r"\1\2", text)


def _tidy_rules(text: str, numbers: bool) -> str:
    text = text.replace("\u3000", " ").replace("\xa0", " ")
    text = _undo_rules(_MULTI_SPACE.sub(" ", text))
    text = _SPACE_BEFORE_PUNCT.sub("", text)
    text = _SPACE_AFTER_OPENER.sub("", text)
    text = _SPACE_AFTER_PUNCT.sub("", text)
    if numbers:
        text = _CJK_DIGIT.sub("", text)
    return text


def _undo_letter_spacing_reference(text: str) -> str:
    """undo_letter_spacing by the rules over the whole text (the fast one is tested against it)."""
    return _letter_pair(_undo_rules(text)) or _undo_rules(text)


def _tidy_spaces_reference(text: str, numbers: bool = False) -> str:
    """tidy_spaces by the rules over the whole text, in the order they were first written (the
    fast one is tested against it)."""
    text = text.replace("\u3000", " ").replace("\xa0", " ")
    text = _undo_letter_spacing_reference(_MULTI_SPACE.sub(" ", text))
    text = _SPACE_BEFORE_PUNCT.sub("", text)
    text = _SPACE_AFTER_OPENER.sub("", text)
    text = _SPACE_AFTER_PUNCT.sub("", text)
    if numbers:
        text = _CJK_DIGIT.sub("", text)
    return text.strip()


_SPACES = " \t\u3000\xa0"
# Every rule above looks at most two characters either side of a space, so it is enough to run
# them on the stretches around spaces, each with three characters of context: a regular
# expression scans the whole text (~8 ns a character, seven of them), `str.find` only jumps.
_CONTEXT = 3


def _islands(text: str) -> list[tuple[int, int]]:
    positions: list[int] = []
    for ch in _SPACES:
        i = text.find(ch)
        while i != -1:
            positions.append(i)
            i = text.find(ch, i + 1)
    if not positions:
        return []
    positions.sort()
    out: list[tuple[int, int]] = []
    a, b = max(0, positions[0] - _CONTEXT), positions[0] + _CONTEXT + 1
    for s in positions[1:]:
        if s - _CONTEXT <= b:
            b = s + _CONTEXT + 1
        else:
            out.append((a, b))
            a, b = s - _CONTEXT, s + _CONTEXT + 1
    out.append((a, min(b, len(text))))
    return out


_SEP = "\x00"  # between stretches: no rule matches across it (not a space, letter or mark)


def _by_islands(text: str, fn: Callable[[str], str]) -> str:
    islands = _islands(text)
    if not islands:
        return text
    if _SEP in text:  # the separator would be ambiguous: the whole text, by the same rules
        return fn(text)
    # All stretches in one string, so each rule runs once per text, not once per stretch.
    done = fn(_SEP.join(text[a:b] for a, b in islands)).split(_SEP)
    parts: list[str] = []
    last = 0
    for (a, b), new in zip(islands, done, strict=True):
        parts.append(text[last:a])
        parts.append(new)
        last = b
    parts.append(text[last:])
    return "".join(parts)


def undo_letter_spacing(text: str) -> str:
    """'记 录 太 重 集 团' -> '记录太重集团'; multi-character words separated by spaces stay apart."""
    if " " not in text:
        return text
    return _letter_pair(text) or _by_islands(text, _undo_rules)


def tidy_spaces(text: str, numbers: bool = False) -> str:
    """Remove the stray spaces OCR leaves around Chinese punctuation (and, in typeset columns
    where they are artefacts of justification, around numbers)."""
    out = _by_islands(text, lambda t: _tidy_rules(t, numbers))
    return _letter_pair(out) or out.strip()


def join_wrapped(left: str, right: str) -> str:
    """Join two pieces of one sentence that a column or page break separated."""
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    a, b = left[-1], right[0]
    # Latin words wrapped across lines keep a space; Chinese joins directly.
    if a.isascii() and a.isalpha() and b.isascii() and b.isalpha():
        return f"{left} {right}"
    return left + right


_RUN = re.compile(f"[{CJK}0-9A-Za-z]+")


def bigrams(text: str) -> set[str]:
    """Character pairs within runs of letters (never across punctuation)."""
    out: set[str] = set()
    for run in _RUN.findall(text):
        out.update(run[i : i + 2] for i in range(len(run) - 1))
    return out
