"""Fuzzing the whole path from a file on disk to an indexed, searchable article, and the query
language with anything a keyboard (or a paste) can produce. Nothing may raise; what loads keeps
its invariants."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.core.corpus import drain, load_library
from reader.core.ingest.decode import _INVISIBLE
from reader.core.search.index import SearchIndex
from reader.core.search.query import parse

ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16-le", "utf-16-be", "utf-16"]
_FUZZ = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _check_library(lib):
    assert len(lib.pages) + sum(not q.loaded for q in lib.problems) == 1
    for q in lib.problems:
        assert q.code and q.message
    for page in lib.pages:
        assert page.articles
        for a in page.articles:
            for s in a.spans:
                assert 0 <= s.start <= s.end <= len(page.original)
            assert not _INVISIBLE.search(a.body + a.title)
            a.to_json()


@_FUZZ
@given(text=st.text(max_size=600), encoding=st.sampled_from(ENCODINGS))
# found by this test: Thai in GB18030 was once read as damaged UTF-8 with no article in it
@example(text="กำ", encoding="gb18030")
def test_any_text_in_any_encoding_loads_or_is_reported(tmp_path_factory, text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", errors="surrogatepass")
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "page.txt").write_bytes(data)
    _check_library(load_library([folder]))


@_FUZZ
@given(data=st.binary(max_size=3000))
def test_any_bytes_load_or_are_reported(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "page.md").write_bytes(data)
    _check_library(load_library([folder]))


_INDEX: dict[str, SearchIndex] = {}


def _index(factory) -> SearchIndex:
    if "idx" not in _INDEX:
        folder = factory.mktemp("fuzz-corpus")
        (folder / "a.txt").write_text(
            "本报讯（记者 杨文）省委书记林武在太原市主持召开疫情防控会议。\n", encoding="utf-8"
        )
        idx = SearchIndex(folder / "index")
        drain(idx.sync(load_library([folder]).pages, names=lambda _id: {"person": ["林武"]}))
        _INDEX["idx"] = idx
    return _INDEX["idx"]


QUERY_PIECES = st.sampled_from(
    ['"', "(", ")", "-", "*", "?", ":", "OR", "AND", "NOT", "TO", "[", "]", "{", "}", "\\",
     "person:", "place:", "org:", "title:", "source:", "date:", "date:[", "2022", "-11-",
     "林武", "疫情", "防控", " ", "　", "“", "”", "：", "\u202e", "\x00", "𠮷", "^", "~2"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(QUERY_PIECES, st.text(max_size=8)), max_size=25))
def test_any_query_searches_without_raising(tmp_path_factory, parts):
    query = "".join(parts)
    parsed = parse(query)
    result = _index(tmp_path_factory).search(query, sort="date")
    assert result.total >= 0 and len(result.hits) <= result.total
    for hit in result.hits:
        for s, e in hit.highlights:
            assert 0 <= s <= e <= len(hit.snippet)
    assert isinstance(parsed.messages, list)
