"""Each layout rule on small crafted pages (not the seeds)."""

from reader.core.ingest.layout import build_paragraphs
from reader.core.ingest.split import parse_page_number, split_text


def wrapped(*lines: str) -> str:
    """A page as narrow-column OCR prints it: one blank line after every line."""
    return "\n\n".join(lines) + "\n"


def long_lines(*paras: str) -> str:
    return "\n\n" + "\n\n".join(paras) + "\n"


def bodies(text):
    return [d.body for d in split_text(text)]


def test_column_wraps_rejoin_and_paragraph_breaks_stay():
    page = wrapped(
        "5月6日，市农机局召开全市春耕生产",
        "推进会议，部署当前春耕备耕各项工",
        "作。局长王某某出席并讲话。",
        "会议要求，各县区要抓住有利时机，",
        "组织农机具下田作业，确保春播进度",
        "按计划完成。",
    )
    paras = [p.text for p in build_paragraphs(page)]
    assert paras == [
        "5月6日，市农机局召开全市春耕生产推进会议，部署当前春耕备耕各项工作。局长王某某出席并讲话。",
        "会议要求，各县区要抓住有利时机，组织农机具下田作业，确保春播进度按计划完成。",
    ]


def test_headline_after_its_article_goes_to_that_article():
    page = wrapped(
        "4月2日，区教育局召开校园安全工",
        "作会议，部署近期校园安全检查工",
        "作。会议要求各校落实责任。（李明）",
        "区教育局部署校园安全检查",
        "4月3日，区卫健委组织开展义诊活",
        "动，为社区居民测量血压、讲解健",
        "康知识，受到居民欢迎。（王芳）",
        "卫健委进社区开展义诊",
    )
    drafts = split_text(page)
    assert [d.title for d in drafts] == ["区教育局部署校园安全检查", "卫健委进社区开展义诊"]
    assert [d.byline for d in drafts] == ["李明", "王芳"]
    assert not any(d.title_derived for d in drafts)


def test_headline_before_its_article_and_lead_byline():
    page = long_lines(
        "市交通局开展冬季道路安全大检查",
        "本报讯（记者 张三）12月1日，市交通局组织开展冬季道路安全大检查，重点检查桥梁、隧道和急弯陡坡路段的防护设施。",
        "检查组要求各单位加强巡查，及时消除隐患。",
    )
    (d,) = split_text(page)
    assert d.title == "市交通局开展冬季道路安全大检查"
    assert d.byline == "记者 张三"
    assert d.paragraphs[0].startswith("本报讯（记者 张三）12月1日")


def test_caption_inside_a_sentence_is_lifted_and_the_sentence_rejoined():
    page = (
        "\n\n区长李某某来到现场察看施工进度。他详细询问了工程质量和安全措施，并听"
        "\n\n\n\n李某某在施工现场察看进度。 王五 摄"
        "\n\n取了项目负责人的汇报，要求确保年底前完工。\n"
    )
    (d,) = split_text(page)
    assert "并听取了项目负责人的汇报" in d.body
    assert d.captions == ["李某某在施工现场察看进度。王五 摄"]
    assert "摄" not in d.body


def test_caption_text_before_its_credit_line_and_picture_captions():
    page = (
        long_lines(
            "城区供热管网改造完工",
            "本报讯 11月5日，城区供热管网改造工程全面完工，惠及居民三万余户。",
        )
        + "\n\n\n11月4日，工人在检修换热站设备。\n\n赵六 摄\n\n图为改造后的换热站。\n"
    )
    (d,) = split_text(page)
    assert d.captions == ["11月4日，工人在检修换热站设备。赵六 摄", "图为改造后的换热站。"]
    assert d.paragraphs == ["本报讯 11月5日，城区供热管网改造工程全面完工，惠及居民三万余户。"]


def test_paragraph_cut_mid_word_is_joined():
    page = long_lines(
        "市政府召开常务会议",
        "本报讯 会议听取了关于城市更新工作的汇报，要求各部门加大统筹协调力",
        "度，确保各项任务按期完成。",
    )
    (d,) = split_text(page)
    assert "加大统筹协调力度，确保" in d.body
    assert len(d.paragraphs) == 1


def test_fragment_after_another_article_finds_its_own_article():
    page = long_lines(
        "全市防汛工作会议召开",
        "本报讯 会议听取了全市水库、河道、堤防汛前检查情况汇报。会议要求，各县区要压实防汛责任，"
        "水库要落实巡查值守，河道要开展清淤，堤防要加固隐患段，同时立即开展水库除险加固和河道清",
        "地铁三号线开通试运营",
        "本报讯 地铁三号线今日开通试运营，全线设站二十座，乘客可刷码乘车，地铁站内人流有序。",
        "地铁运营公司表示，试运营期间地铁列车间隔为八分钟，早晚高峰地铁将加开列车，方便乘客出行和换",
        "障工作，汛期全面落实水库、河道和堤防的巡查值守制度，各县区防汛责任人要上岗到位，确保水库安全度汛。",
        "（防汛办）",
        "乘，地铁站内设有志愿者引导乘客，地铁运营公司将根据客流情况调整列车间隔。",
    )
    drafts = split_text(page)
    assert len(drafts) == 2
    flood, metro = drafts
    assert flood.title == "全市防汛工作会议召开"
    assert "河道清障工作" in flood.body
    assert "方便乘客出行和换乘" in metro.body
    assert "清障" not in metro.body
    assert flood.byline == "防汛办"


def test_continuation_marker_within_a_file_is_joined_and_markers_removed():
    page = long_lines(
        "我市全面推进老旧小区改造",
        "本报讯 今年我市计划改造老旧小区一百二十个，目前已开工九十个，",
        "（下转第2版）",
        "另一篇文章的标题",
        "本报讯 这是另一篇文章的正文，讲的是别的事情。",
        "（上接第一版）涉及居民两万余户，改造内容包括管网更新、加装电梯和绿化提升。",
    )
    drafts = split_text(page)
    assert len(drafts) == 2
    assert "目前已开工九十个，涉及居民两万余户" in drafts[0].body
    assert "下转" not in drafts[0].body and "上接" not in drafts[0].body
    assert drafts[0].continues_to_page is None


def test_continuation_to_a_missing_page_is_recorded():
    page = long_lines("标题甲", "本报讯 正文开始，说到一半，", "（下转第2版）")
    (d,) = split_text(page)
    assert d.continues_to_page == 2
    assert d.body == "本报讯 正文开始，说到一半，"


def test_column_label_and_section_subheads_are_not_articles():
    page = (
        "# 第一篇\n\n本报讯 第一篇的正文。\n\n## (先锋风采)\n\n## 王某：哪里需要到哪里\n\n"
        "王某是社区干部，冲在一线。\n\n# 我们是志愿者\n\n志愿者的故事开头。\n\n"
        "## 社区党员在行动\n\n党员志愿者的故事。\n\n## 园区青年在行动\n\n青年志愿者的故事。\n"
    )
    drafts = split_text(page)
    assert [d.title for d in drafts] == ["第一篇", "王某：哪里需要到哪里", "我们是志愿者"]
    assert drafts[1].column == "先锋风采"
    assert "社区党员在行动" in drafts[2].paragraphs
    assert drafts[2].body.endswith("青年志愿者的故事。")


def test_running_head_with_doubled_glyphs_is_dropped():
    page = long_lines(
        "要 闻闻闻 版版",
        "标题乙",
        "本报讯 正文乙。",
    )
    (d,) = split_text(page)
    assert "闻闻" not in d.body and "闻闻" not in d.title


def test_letter_sign_off_stays_and_next_article_starts():
    page = wrapped(
        "各位职工：",
        "新年将至，向大家致以诚挚的问候，",
        "祝大家身体健康，工作顺利！",
        "公司工会",
        "2022年1月1日",
        "1月2日，公司举办迎新春长跑活",
        "动，两百余名职工参加。（宣）",
    )
    drafts = split_text(page)
    assert len(drafts) == 2
    assert drafts[0].paragraphs[-2:] == ["公司工会", "2022年1月1日"]
    assert drafts[1].paragraphs[0].startswith("1月2日")


def test_article_without_headline_gets_a_derived_title():
    (d,) = split_text(long_lines("4月3日，市图书馆举办读书分享会，一百余名读者参加了活动。"))
    assert d.title_derived
    assert d.title == "4月3日，市图书馆举办读书分享会，一百余名读者参加了活动"[:26] + "…" or d.title


def test_glued_headline_is_split_from_its_body():
    (d,) = split_text("湖人险胜国王 科比砍下40分新浪体育讯北京时间4月12日，湖人加时击败国王。")
    assert d.title == "湖人险胜国王 科比砍下40分"
    assert not d.title_derived
    assert d.paragraphs[0].startswith("新浪体育讯")


def test_page_numbers():
    assert parse_page_number("2") == 2
    assert parse_page_number("第二"[1:]) == 2
    assert parse_page_number("十二") == 12
    assert parse_page_number("３") == 3
