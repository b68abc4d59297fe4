"""Small character-level helpers shared by the layout repair and the article splitter."""

from __future__ import annotations

import re
import unicodedata

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_CJK_RE = re.compile(f"[{CJK}]")

# Punctuation that ends a sentence, and closers that may follow it.
SENTENCE_END = "。！？!?…；;"
CLOSERS = "”’」』）)》〉】\"'"
OPENERS = "“‘「『（(《〈【"
CJK_PUNCT = "，。、；：！？…—·”“‘’「」『』（）《》〈〉【】,.;:!?"


def is_cjk(ch: str) -> bool:
    return bool(_CJK_RE.match(ch))


_NOT_CJK_RUN = re.compile(f"[^{CJK}]+")


def cjk_count(text: str) -> int:
    # Removing the runs between Chinese characters is far faster than matching each character.
    return len(_NOT_CJK_RUN.sub("", text))


# Characters East Asian Width calls W or F (CJK, kana, hangul, full-width forms), counted by
# one regular expression instead of a unicodedata call per character (the page model measures
# every line several times).
_WIDE = re.compile(
    "[\u1100-\u115f\u231a\u231b\u2329\u232a\u2e80-\u2fff\u3001-\u303e\u3041-\u33ff\u3400-\u4dbf"
    "\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19"
    "\ufe30-\ufe6f\uff01-\uff60\uffe0-\uffe6\U0001f300-\U0001f64f\U00020000-\U0003fffd]"
)
_NOT_WIDE_RUN = re.compile("[^" + _WIDE.pattern[1:] + "+")
# Wide punctuation (，。、「」…) is set half-width: counted back out.
_WIDE_PUNCT = "".join(c for c in CJK_PUNCT if _WIDE.match(c))
_NOT_WIDE_PUNCT_RUN = re.compile("[^" + re.escape(_WIDE_PUNCT) + "]+")


def display_width(text: str) -> float:
    """Width in ems as a justified column prints it: CJK counts 1; punctuation (often set
    half-width by compression), Latin letters, digits and spaces count half."""
    wide = len(_NOT_WIDE_RUN.sub("", text)) - len(_NOT_WIDE_PUNCT_RUN.sub("", text))
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


def undo_letter_spacing(text: str) -> str:
    """'记 录 太 重 集 团' -> '记录太重集团'; multi-character words separated by spaces stay apart."""
    text = _SPACED_RUN.sub(lambda m: m.group(0).replace(" ", ""), text)
    text = _SPACED_PAIR_IN_BRACKETS.sub(r"\1\2", text)
    stripped = text.strip()
    if re.fullmatch(rf"[{CJK}] [{CJK}]", stripped):
        return stripped.replace(" ", "")
    return text


def tidy_spaces(text: str, numbers: bool = False) -> str:
    """Remove the stray spaces OCR leaves around Chinese punctuation (and, in typeset columns
    where they are artefacts of justification, around numbers)."""
    text = text.replace("\u3000", " ").replace("\xa0", " ")
    text = _MULTI_SPACE.sub(" ", text)
    text = undo_letter_spacing(text)
    text = _SPACE_BEFORE_PUNCT.sub("", text)
    text = _SPACE_AFTER_OPENER.sub("", text)
    text = _SPACE_AFTER_PUNCT.sub("", text)
    if numbers:
        text = _CJK_DIGIT.sub("", text)
    return text.strip()


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
