import os
import shutil
from pathlib import Path

import pytest

from reader.core.corpus import load_library
from reader.core.ingest.meta import infer_date


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


PAGE = "市政府召开常务会议\n\n本报讯 11月3日，市政府召开常务会议，研究部署冬季供暖工作。\n"


def test_bad_files_become_problems_and_the_rest_loads(tmp_path):
    write(tmp_path / "good.txt", PAGE)
    write(tmp_path / "sub" / "deeper" / "also_good.md", "# 标题\n\n正文。\n")
    write(tmp_path / "gbk.txt", PAGE.encode("gb18030"))
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(64))
    write(tmp_path / "huge.txt", "很长的文字。" * 200)
    write(tmp_path / "ignored.docx", b"PK\x03\x04")
    lib = load_library([tmp_path], max_bytes=2000)
    assert sorted(p.file for p in lib.pages) == ["gbk.txt", "good.txt", "sub/deeper/also_good.md"]
    codes = {p.file: p.code for p in lib.problems}
    assert codes == {"empty.txt": "empty", "image.txt": "binary", "huge.txt": "too-large"}
    assert all(p.message for p in lib.problems)


def test_reading_never_writes_to_the_corpus(tmp_path):
    write(tmp_path / "a.txt", PAGE)
    before = {(p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in tmp_path.rglob("*")}
    load_library([tmp_path])
    after = {(p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in tmp_path.rglob("*")}
    assert before == after


def test_ids_are_stable_across_runs_and_machines(tmp_path, seeds_dir):
    ids1 = [a.id for a in load_library([seeds_dir]).articles]
    copy = tmp_path / "elsewhere" / "seeds"
    shutil.copytree(seeds_dir, copy)
    ids2 = [a.id for a in load_library([copy]).articles]
    assert ids1 == ids2
    assert len(set(ids1)) == len(ids1)


def test_source_and_date_from_file_name(tmp_path):
    write(tmp_path / "太原日报_2022-11-24_01.txt", PAGE)
    write(tmp_path / "晋中日报" / "20220315_3.txt", PAGE)
    write(tmp_path / "notes" / "page.txt", PAGE)
    lib = load_library([tmp_path])
    meta = {
        p.file: (p.source, p.date, p.page, p.provenance.source, p.provenance.date)
        for p in lib.pages
    }
    assert meta["太原日报_2022-11-24_01.txt"] == (
        "太原日报",
        "2022-11-24",
        1,
        "filename",
        "filename",
    )
    assert meta["晋中日报/20220315_3.txt"] == ("晋中日报", "2022-03-15", 3, "filename", "filename")
    # No year anywhere, no dated neighbour: the date stays unknown, never invented.
    assert meta["notes/page.txt"][:2] == (None, None)


def test_manifest_wins_and_is_optional(tmp_path):
    write(tmp_path / "a.txt", PAGE)
    write(
        tmp_path / "manifest.toml",
        '[[page]]\nfile = "a.txt"\nsource = "阳泉日报"\ndate = 2021-05-06\npage = 4\n',
    )
    (page,) = load_library([tmp_path]).pages
    assert (page.source, page.date, page.page) == ("阳泉日报", "2021-05-06", 4)
    assert page.provenance.source == "manifest"


def test_broken_manifest_is_a_problem_not_a_crash(tmp_path):
    write(tmp_path / "a.txt", PAGE)
    write(tmp_path / "manifest.toml", "[[page]\nfile = ")
    lib = load_library([tmp_path])
    assert len(lib.pages) == 1
    assert [p.code for p in lib.problems] == ["manifest"]


def test_no_date_is_made_up_from_an_articles_text(tmp_path):
    # A day from one sentence and a year from another are not an issue date.
    assert infer_date("2042年目标。本报讯 6月8日电，会议召开。") is None
    assert infer_date("新华社6月8日电 会议召开。") is None
    assert infer_date("2008年6月8日，会议召开。") is None  # one date alone: no agreement
    # A full date and a later day within the week agree: inferred (and said to be).
    assert infer_date("2022年4月18日 慰问信。4月19日，公司召开会议。") == "2022-04-19"
    write(tmp_path / "p1.txt", "2022年，本报讯 4月14日，会议召开。")
    write(tmp_path / "p2.txt", "本报讯 4月15日，活动举行。")
    write(tmp_path / "p3.txt", "会议召开\n\n2022年4月18日，会议召开。4月19日，活动举行。")
    lib = load_library([tmp_path])
    dates = {p.file: (p.date, p.provenance.date) for p in lib.pages}
    assert dates["p1.txt"] == (None, "none")
    assert dates["p2.txt"] == (None, "none")
    assert dates["p3.txt"] == ("2022-04-19", "inferred")


def test_a_page_of_the_same_paper_and_issue_lends_its_date(tmp_path):
    front = "文革消息\n1967年9月18日\n第3期\n\n标题一\n\n正文第一段，内容很长很长很长很长。\n"
    inner = "文革消息\n第3期\n第二版\n\n标题二\n\n正文第二段，内容很长很长很长很长。\n"
    other = "红卫兵报\n第4期\n\n标题三\n\n正文第三段，内容很长很长很长很长。\n"
    write(tmp_path / "a.txt", front)
    write(tmp_path / "b.txt", inner)
    write(tmp_path / "c.txt", other)
    lib = load_library([tmp_path])
    got = {p.file: (p.source, p.date, p.provenance.date, p.page) for p in lib.pages}
    assert got["a.txt"] == ("文革消息", "1967-09-18", "text", 1)
    assert got["b.txt"] == ("文革消息", "1967-09-18", "neighbours", 2)
    assert got["c.txt"][1:3] == (None, "none")  # another paper: nothing borrowed


@pytest.mark.parametrize(
    ("head", "source", "date", "page"),
    [
        ("人民日报", "人民日报", None, None),  # no year anywhere: no date
        ("人民日报 1998年1月20日 第3版", "人民日报", "1998-01-20", 3),
        ("太原日报｜2022年11月24日 星期四 第1版", "太原日报", "2022-11-24", 1),
        ("# 朔州日报 2022年12月1日 周四 总第9876期 2版", "朔州日报", "2022-12-01", 2),
    ],
)
def test_a_masthead_gives_the_paper_date_and_page_and_is_not_a_headline(
    tmp_path, head, source, date, page
):
    body = "新华社耶路撒冷1月19日电 以色列总理19日在耶路撒冷会见了美国特使，双方交换了意见。"
    write(tmp_path / "p.txt", f"{head}\n\n以色列总理会见美国特使\n\n{body}\n")
    lib = load_library([tmp_path])
    (article,) = lib.articles
    assert article.title == "以色列总理会见美国特使"
    assert (article.source, article.date, article.page) == (source, date, page)


def test_a_paper_name_further_down_is_the_articles_own(tmp_path):
    text = "市政府召开常务会议\n\n本报讯 11月3日，市政府召开会议。\n\n读者与晚报\n\n本报讯 11月4日，座谈会举行。\n"
    write(tmp_path / "p.txt", text)
    titles = [a.title for a in load_library([tmp_path]).articles]
    assert "读者与晚报" in titles


def test_continuation_across_files_is_linked(tmp_path):
    m = (
        '[[page]]\nfile = "p1.txt"\nsource = "某某日报"\ndate = 2022-01-05\npage = 1\n'
        '[[page]]\nfile = "p2.txt"\nsource = "某某日报"\ndate = 2022-01-05\npage = 2\n'
    )
    write(tmp_path / "manifest.toml", m)
    write(
        tmp_path / "p1.txt",
        "\n\n全市冬季供暖全面启动\n\n本报讯 全市冬季供暖今日全面启动，供热企业加强巡检，\n\n（下转第2版）\n",
    )
    write(
        tmp_path / "p2.txt",
        "\n\n别的新闻\n\n本报讯 别的内容。\n\n（上接第1版）确保居民室温达标，供热企业开通服务热线。\n",
    )
    lib = load_library([tmp_path])
    head = next(a for a in lib.articles if a.title == "全市冬季供暖全面启动")
    tail = next(a for a in lib.articles if a.continued_from)
    assert head.continues_to == tail.id and tail.continued_from == head.id
    assert tail.body.startswith("确保居民室温达标")


def test_missing_folder_is_a_problem(tmp_path):
    lib = load_library([tmp_path / "nope"])
    assert lib.problems[0].code == "missing"


def test_thucnews_loads_with_sensible_titles(thucnews_dir):
    lib = load_library([thucnews_dir])
    assert len(lib.pages) == 1000
    # Two files hold a stray DEL (0x7f): they load, and the user is told it was removed.
    assert {(p.file, p.code, p.loaded) for p in lib.problems} == {
        ("时尚/0028.txt", "repaired", True),
        ("时尚/0030.txt", "repaired", True),
    }
    for a in lib.articles:
        assert 4 <= len(a.title) <= 60, a.title
        assert a.title in a.body or a.title_derived or a.title
        assert a.source is None


def test_a_single_file_root_reads_like_its_folder(tmp_path):
    (tmp_path / "a.txt").write_text("本报讯 第一个版面的文章，内容完整。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("本报讯 第二个版面的文章，内容完整。\n", encoding="utf-8")
    whole = load_library([tmp_path])
    alone = load_library([tmp_path / "b.txt"])
    assert [p.file for p in alone.pages] == ["b.txt"]
    assert alone.articles[0].id == whole.articles[1].id
    # a folder and a file inside it: the page loads once
    both = load_library([tmp_path, tmp_path / "b.txt"])
    assert len(both.pages) == 2
    bad = load_library([tmp_path / "notes.pdf"])
    assert [p.code for p in bad.problems] == ["missing"]


def test_override_apply_and_clear(tmp_path):
    from reader.core.corpus import apply_override, clear_override, page_key

    folder = tmp_path / "papers"
    (folder / "太原日报").mkdir(parents=True)
    (folder / "太原日报" / "2022-11-24.txt").write_text("本报讯 市里召开会议。\n", encoding="utf-8")
    (page,) = load_library([folder]).pages
    assert (page.source, page.date) == ("太原日报", "2022-11-24")
    assert page_key(page) == "papers/太原日报/2022-11-24.txt"
    apply_override(page, "朔州日报", None)
    assert (page.articles[0].source, page.articles[0].date) == ("朔州日报", None)
    assert page.provenance.source == "override"
    clear_override(page)
    assert (page.articles[0].source, page.articles[0].date) == ("太原日报", "2022-11-24")
    over = {page_key(page): {"source": "山西日报", "date": "2022-11-25"}}
    (again,) = load_library([folder], overrides=over).pages
    assert (again.source, again.date, again.provenance.date) == (
        "山西日报",
        "2022-11-25",
        "override",
    )


def test_merge_replaces_reloaded_files(tmp_path):
    (tmp_path / "a.txt").write_text("本报讯 旧的文字。\n", encoding="utf-8")
    lib = load_library([tmp_path])
    (tmp_path / "a.txt").write_text("本报讯 新的文字。\n", encoding="utf-8")
    lib.merge(load_library([tmp_path / "a.txt"]))
    assert len(lib.pages) == 1 and "新的文字" in lib.articles[0].body
    assert lib.article(lib.articles[0].id) is lib.articles[0]


def test_user_dates():
    from reader.core.ingest.meta import parse_user_date

    assert parse_user_date("2022年11月24日") == "2022-11-24"
    assert parse_user_date("２０２２/1/5") == "2022-01-05"
    assert parse_user_date("2022-11") == "2022-11"
    assert parse_user_date("  ") is None
    for bad in ("2022-02-30", "明天", "11-24", "2022-13"):
        with pytest.raises(ValueError):
            parse_user_date(bad)
