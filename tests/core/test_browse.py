from reader.core.browse import article_nodes, build_tree, fold
from reader.core.models import Article


def art(i, source, date, title="标题", page=1):
    return Article(
        id=f"id{i}",
        file=f"{i}.txt",
        corpus="c",
        source=source,
        date=date,
        page=page,
        title=title,
        title_derived=False,
        subtitles=[],
        byline=None,
        body="正文",
        captions=[],
    )


def test_groups_counts_and_unknowns():
    arts = [
        art(1, "太原日报", "2022-11-24"),
        art(2, "太原日报", "2022-11-24", page=2),
        art(3, "太原日报", "2022-04-15"),
        art(4, None, "2022-01-01"),
        art(5, "朔州日报", None),
    ]
    root = build_tree(arts)
    assert [(n.label, n.count) for n in root.children] == [
        ("太原日报", 3),
        ("朔州日报", 1),
        ("", 1),
    ]
    taiyuan = root.children[0]
    assert [d.label for d in taiyuan.children] == ["2022-11-24", "2022-04-15"]
    assert root.children[2].unknown and root.count == 5
    assert root.children[1].children[0].unknown  # 朔州日报 → 未注明日期
    oldest = build_tree(arts, newest_first=False)
    assert [d.label for d in oldest.children[0].children] == ["2022-04-15", "2022-11-24"]
    assert [n.article.id for n in article_nodes(root)] == ["id1", "id2", "id3", "id5", "id4"]
    for node in article_nodes(root):
        assert node.parent.children[node.row] is node


def test_many_dates_grouped_by_month():
    arts = [
        art(i, "报", f"2022-{m:02d}-{d:02d}")
        for i, (m, d) in enumerate([(m, d) for m in (1, 2, 3) for d in range(1, 8)])
    ]
    root = build_tree(arts)
    months = root.children[0].children
    assert [m.kind for m in months] == ["month"] * 3
    assert [m.label for m in months] == ["2022-03", "2022-02", "2022-01"]
    assert all(m.count == 7 and len(m.children) == 7 for m in months)


def test_filter_by_title_and_source_folds_width_and_case():
    arts = [
        art(1, "太原日报", "2022-11-24", "全力以赴 COVID 防控"),
        art(2, "朔州日报", "2022-12-01"),
    ]
    assert build_tree(arts, query="ｃｏｖｉｄ").count == 1
    assert build_tree(arts, query="朔州").count == 1
    assert build_tree(arts, query="太原 防控").count == 1
    assert build_tree(arts, query="太原 朔州").count == 0
    assert fold("ＡＢＣ１２３") == "abc123"
