"""The five bundled pages, read as a user would check them against the printed page."""

import pytest

from reader.core.corpus import load_library
from reader.core.ingest.split import split_text


@pytest.fixture(scope="module")
def library(seeds_dir):
    return load_library([seeds_dir])


def by_title(lib, text):
    hits = [a for a in lib.articles if text in a.title]
    assert hits, f"no article titled like {text!r}"
    return hits[0]


def test_every_page_loads_with_source_and_date(library):
    assert len(library.pages) == 5
    assert library.problems == []
    for a in library.articles:
        assert a.source in {"太重新闻", "朔州日报", "太原日报"}
        assert a.date and a.date.startswith("2022-")
        assert a.body


def test_article_starts_found(library):
    titles = [a.title for a in library.articles]
    for expected in [
        "集团公司党委召开中心组学习会",
        "慰问信",
        "团结协作凝聚的力量，鼓舞你我！",
        "公司召开解除疫情封控后安全生产工作部署专题会",
        "刘亮在右玉县督导检查企业疫情防控情况",
        "赵喜明:哪里需要到哪里",
        "市疫情防控工作领导小组召开第149次会议",
        "确保农产品不脱销不断档",
        "加速清零 坚决打赢疫情歼灭战",
        "市总工会全力支援疫情防控",
        "企业出现还贷困难可申请应急周转金",
        "韦韬在督导检查疫情防控和企业生产工作时强调",
    ]:
        assert expected in titles


def test_no_label_caption_or_fragment_is_an_article(library):
    for a in library.articles:
        assert not a.title.startswith(("(", "（", "图为")), a.title
        assert "摄" not in a.title
        assert not a.body.startswith(("测频次", "事业取得", "(上接", "（上接", "随者", "度，")), (
            a.title
        )
        assert a.title not in {"“疫”线担当", "(战“疫”先锋)", "无疫社区（村）创建在行动"}
        assert "进度条加载中" not in a.title or a.title == "我们是志愿者"


def test_split_sentences_are_joined(library):
    body = "\n".join(a.body for a in library.articles)
    for joined in [
        "时空伴随者",  # a column wrap in a one-line-per-paragraph page
        "加大采样检测人员招聘和轮岗培训力度",
        "韦韬结合展板听取建设概况",  # a caption inside the sentence
        "记录太重集团更加辉煌的业绩与成功",  # letter-spaced OCR
        "确保社会面和重点人群应检尽检",
        "会议指出，习近平总书记在海南考察时十分关注自由贸易港建设",  # hard-wrapped column
    ]:
        assert joined in body, joined


def test_continuations_are_joined_to_their_article(library):
    letter = by_title(library, "慰问信")
    assert "坚决守好太重阵地" in letter.body
    assert letter.body.rstrip().endswith("2022年4月18日")
    unity = by_title(library, "团结协作凝聚的力量")
    assert "在抗疫保产中有一支队伍" in unity.body
    meeting = by_title(library, "韦韬主持召开市疫情防控工作领导小组会议")
    assert "要全力推进社会面清零" in meeting.body
    security = by_title(library, "国家安全 人人有责")
    assert "事业取得的重大成就" in security.body
    assert "社会面清零" not in security.body


def test_captions_are_kept_beside_the_text(library):
    a = by_title(library, "韦韬在督导检查")
    assert any("贾鹏 摄" in c for c in a.captions)
    assert "贾鹏" not in a.body
    assert any(c.startswith("图为11月23日晚") for a in library.articles for c in a.captions)


def test_bylines(library):
    assert by_title(library, "林武主持召开省委第121次").byline == "山西日报记者 杨文"
    assert by_title(library, "保持斗志").byline == "本报评论员"
    assert by_title(library, "赵喜明").byline == "郭建祯"
    assert by_title(library, "集团公司党委召开中心组学习会").byline == "孟祥宇"


def test_markers_are_recorded_not_shown(library):
    first = by_title(library, "林武主持召开省委第121次")
    assert first.continues_to_page == 2
    for a in library.articles:
        assert "下转" not in a.body and "下装" not in a.body and "上接" not in a.body


def test_seed_spans_point_into_the_original(seeds_dir):
    text = (seeds_dir / "004_3adaceacd9fe8be9.txt").read_text(encoding="utf-8")
    for d in split_text(text):
        covered = "".join(text[a:b] for a, b in d.spans)
        assert d.paragraphs[0][:10].replace(" ", "") in covered.replace(" ", "")
