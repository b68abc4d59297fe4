"""The query language, parsed by hand so that no input can raise.

    words              all must appear (AND)            疫情 防控
    a OR b             either                           太原 OR 朔州
    NOT a, -a          must not appear                  疫情 -体育
    "exact phrase"     this string exactly              "动态清零"
    field:value        title: source: date: (person: place: org: later)
    date:2022-11       a month (or a day, or a year)
    date:[2022-11-01 TO 2022-11-30]
    ( ... )            grouping

Full-width punctuation (（）：“”「」) is read as its ASCII form. A malformed query (an unclosed
quote or bracket, a dangling OR, an unknown field) gives a short message and the best reading of
what was typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .analysis import fold, segment_query

TEXT_FIELDS = ("title", "subtitles", "body", "captions")
FIELDS = {"title", "source", "date", "body", "caption", "captions", "subtitle", "subtitles"}
ENTITY_FIELDS = {"person", "place", "org"}  # names the entity extractor found


@dataclass
class Node:
    kind: str  # "and", "or", "not", "text", "phrase", "date", "range", "all"
    children: list[Node] = field(default_factory=list)
    text: str = ""  # for text/phrase: folded; for date: the value; range: "lo\x00hi"
    field: str = ""  # "" = all text fields


@dataclass
class Parsed:
    node: Node | None
    messages: list[str]
    needles: dict[str, list[str]]  # field ("" = any text) → strings whose occurrences are hits


_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', "＂": '"'})
_TOKEN = re.compile(r'"[^"]*"?|\(|\)|\[[^\]]*\]?|[^\s()"]+')
_DATE = re.compile(r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$")


def normalise(query: str) -> str:
    return unicodedata.normalize("NFKC", query.translate(_QUOTES))


class _Parser:
    def __init__(self, query: str) -> None:
        self.tokens: list[str] = _TOKEN.findall(normalise(query))
        self.i = 0
        self.messages: list[str] = []

    def peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> str:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node | None:
        node = self.or_expr()
        while self.peek() is not None:  # a stray ')' — skip it and read on
            if self.take() == ")":
                self.say("unbalanced-paren")
            more = self.or_expr()
            node = _and([n for n in (node, more) if n is not None])
        return node

    def say(self, code: str) -> None:
        if code not in self.messages:
            self.messages.append(code)

    def or_expr(self) -> Node | None:
        parts = [self.and_expr()]
        while self.peek() in ("OR", "|"):
            self.take()
            nxt = self.and_expr()
            if nxt is None:
                self.say("dangling-or")
            parts.append(nxt)
        kept = [p for p in parts if p is not None]
        if len(parts) > 1 and len(kept) < len(parts) and "dangling-or" not in self.messages:
            self.say("dangling-or")
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Node("or", kept)

    def and_expr(self) -> Node | None:
        parts: list[Node] = []
        while True:
            tok = self.peek()
            if tok is None or tok == ")" or tok in ("OR", "|"):
                break
            node = self.unary()
            if node is not None:
                parts.append(node)
        return _and(parts) if parts else None

    def unary(self) -> Node | None:
        tok = self.peek()
        if tok == "NOT" or tok == "AND":
            self.take()
            if tok == "AND":
                return None  # AND is the default; accept it
            inner = self.unary()
            if inner is None:
                self.say("dangling-not")
                return None
            return Node("not", [inner])
        if tok is not None and tok.startswith("-") and len(tok) > 1 and not _DATE.match(tok[1:]):
            self.tokens[self.i] = tok[1:]
            inner = self.unary()
            return Node("not", [inner]) if inner is not None else None
        return self.primary()

    def primary(self) -> Node | None:
        tok = self.take()
        if tok == "(":
            inner = self.or_expr()
            if self.peek() == ")":
                self.take()
            else:
                self.say("unbalanced-paren")
            return inner
        if tok.startswith('"'):
            return self.phrase(tok, "")
        if tok.startswith("["):
            self.say("range-needs-field")
            return self.words(tok.strip("[]"), "")
        name, sep, value = tok.partition(":")
        fname = name.lower()
        if sep and (fname in FIELDS or fname in ENTITY_FIELDS):
            fname = {"caption": "captions", "subtitle": "subtitles"}.get(fname, fname)
            if not value and self.peek() is not None and self.peek() not in (")", "OR", "|"):
                value = self.take()  # "title: 疫情" with a space
            if not value:
                self.say("empty-field")
                return None
            if fname == "date":
                return self.date(value)
            if value.startswith('"'):
                return self.phrase(value, fname)
            if value == "(":
                self.say("field-group")
                return self.or_expr_in_field(fname)
            return self.words(value, fname)
        if sep and name and not name.isdigit() and name.isascii() and name.isalpha():
            self.say("unknown-field")
        return self.words(tok, "")

    def or_expr_in_field(self, fname: str) -> Node | None:
        inner = self.or_expr()
        if self.peek() == ")":
            self.take()
        return _refield(inner, fname) if inner else None

    def phrase(self, tok: str, fname: str) -> Node | None:
        if not (len(tok) > 1 and tok.endswith('"')):
            self.say("unclosed-quote")
        text = fold(tok.strip('"')).strip()
        return Node("phrase", text=text, field=fname) if text else None

    def words(self, tok: str, fname: str) -> Node | None:
        if fname == "source":
            text = fold(tok)
            return Node("phrase", text=text, field="source") if text.strip() else None
        if fname in ENTITY_FIELDS:  # a name is looked up whole, never cut into words
            text = fold(tok)
            return Node("phrase", text=text, field=fname) if text.strip() else None
        pieces = segment_query(fold(tok))
        nodes = [Node("text", text=p, field=fname) for p in pieces if p]
        return _and(nodes) if nodes else None

    def date(self, value: str) -> Node | None:
        if value.startswith("["):
            text = value
            # the lexer splits "[a TO b]" on its spaces: gather the pieces up to the "]"
            while "]" not in text and self.peek() is not None and self.peek() != ")":
                text += " " + self.take()
            if "]" not in text:
                self.say("unclosed-range")
            lo, to, hi = text.strip("[]").strip().partition(" TO ")
            if not to:
                lo, hi = lo, lo
            lo, hi = lo.strip(), hi.strip()
            if not all(not v or v == "*" or _DATE.match(v) for v in (lo, hi)):
                self.say("bad-date")
                return None
            return Node("range", text=f"{_pad(lo)}\x00{_pad(hi)}", field="date")
        if not _DATE.match(value):
            self.say("bad-date")
            return None
        return Node("date", text=_pad(value), field="date")


def _pad(value: str) -> str:
    """2022-1-5 → 2022-01-05 (ISO, so that text order is date order)."""
    if not value or value == "*":
        return ""
    parts = value.split("-")
    return "-".join([parts[0], *(p.zfill(2) for p in parts[1:])])


def _and(nodes: list[Node]) -> Node:
    return nodes[0] if len(nodes) == 1 else Node("and", nodes)


def _refield(node: Node, fname: str) -> Node:
    if node.kind in ("text", "phrase") and not node.field:
        node.field = fname
    for c in node.children:
        _refield(c, fname)
    return node


def _needles(node: Node | None, out: dict[str, list[str]], negated: bool = False) -> None:
    if node is None:
        return
    if node.kind == "not":
        negated = not negated
    if node.kind in ("text", "phrase") and not negated and node.field != "source":
        out.setdefault(node.field, []).append(node.text)
    for c in node.children:
        _needles(c, out, negated)


MESSAGES = {
    "unbalanced-paren": "括号不配对，已按最接近的理解搜索 (unbalanced parenthesis)",
    "dangling-or": "OR 两边都要有词 (OR needs a word on each side)",
    "dangling-not": "NOT 后面要有词 (NOT needs a word after it)",
    "unclosed-quote": "引号没有闭合，已按短语搜索到末尾 (unclosed quote)",
    "unclosed-range": "日期范围缺少 ] (unclosed date range)",
    "range-needs-field": "日期范围要写成 date:[2022-11-01 TO 2022-11-30]",
    "bad-date": "日期要写成 2022-11-24、2022-11 或 2022 (bad date)",
    "empty-field": "字段后面要有内容，如 title:疫情 (empty field)",
    "unknown-field": "未知字段，已当作普通文字搜索 (unknown field, searched as text)",
    "field-group": "字段后的括号按该字段搜索 (field applied to the group)",
}


def parse(query: str) -> Parsed:
    """Never raises: whatever was typed gives a node (or None) and messages."""
    p = _Parser(query)
    try:
        node = p.parse()
    except (IndexError, ValueError, RecursionError):
        p.say("unbalanced-paren")
        node = None
    needles: dict[str, list[str]] = {}
    _needles(node, needles)
    return Parsed(node, [MESSAGES[m] for m in p.messages], needles)
