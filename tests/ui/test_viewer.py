"""The reader's text: plain (never HTML), and offsets that line up outside the BMP."""

from __future__ import annotations

from reader.core.models import Article
from reader.ui.viewer import ArticleView, Link


def article(body: str, **kw) -> Article:
    fields = dict(
        id="x",
        file="x.txt",
        corpus="c",
        source="太原日报",
        date="2022-11-24",
        page=1,
        title="标题<b>不是粗体</b>",
        title_derived=False,
        subtitles=["副题"],
        byline="记者 杨文",
        body=body,
        captions=["图为<img src=http://example.com/a.png>现场"],
    )
    fields.update(kw)
    return Article(**fields)


def test_markup_in_a_page_is_shown_as_text(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    body = "<script>alert(1)</script>\n[链接](http://example.com) &amp; <i>斜体</i>"
    view.show_article(article(body))
    text = view.toPlainText()
    assert "<script>alert(1)</script>" in text
    assert "[链接](http://example.com) &amp; <i>斜体</i>" in text
    assert view.headline() == "标题<b>不是粗体</b>"
    assert "<img src=http://example.com/a.png>" in text
    # Nothing became a resource or an anchor
    doc = view.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.isImageFormat()
            assert not fmt.isAnchor() or fmt.anchorHref().startswith("article:")
            it += 1
        block = block.next()


def test_body_offsets_line_up_past_characters_outside_the_bmp(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    body = "𠮷野家的𡈽地\n第二段：记者林武报道"  # 𠮷 and 𡈽 take two UTF-16 units each
    view.show_article(article(body))
    start = body.index("林武")
    cur = view.body_cursor(start, start + 2)
    assert cur.selectedText() == "林武"
    cur = view.body_cursor(1, 6)
    assert cur.selectedText() == "野家的𡈽地"
    view.setTextCursor(view.body_cursor(start, len(body)))
    assert view.body_selection() == (start, len(body))


def test_layout_has_meta_line_links_and_captions(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    seen = []
    view.linkActivated.connect(seen.append)
    view.show_article(article("正文。"), before=[Link("上一篇", "prev-id")])
    text = view.toPlainText()
    assert "太原日报  ·  2022-11-24  ·  Page 1  ·  记者 杨文" in text
    assert "Continued from: 上一篇" in text
    assert text.index("正文。") < text.index("图为")
    view.anchorClicked.emit(__import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl("article:prev-id"))
    assert seen == ["prev-id"]


def test_an_inferred_date_is_shown_as_inferred(qtbot):
    from reader.core.models import Provenance

    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(article("正文。", provenance=Provenance(date="inferred")))
    assert "太原日报  ·  2022-11-24 (inferred)  ·  Page 1" in view.toPlainText()
    view.show_article(article("正文。"))
    assert "(inferred)" not in view.toPlainText()


def test_the_tree_and_the_edit_dialog_say_a_date_was_inferred(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from reader.core.models import Page, Provenance
    from reader.ui.dialogs import MetadataDialog
    from reader.ui.tree_model import LibraryTreeModel

    prov = Provenance(date="inferred")
    a = article("正文。", provenance=prov)
    page = Page("x.txt", "c", "/c/x.txt", "utf-8", "正文。", "太原日报", "2022-11-24", 1, prov, [a])
    model = LibraryTreeModel()
    model.set_articles([a])
    source = model.index(0, 0)
    date = model.index(0, 0, source)
    assert model.data(date, Qt.ItemDataRole.DisplayRole).startswith("2022-11-24 (inferred)")
    art = model.index(0, 0, date)
    assert "inferred from the text" in model.data(art, Qt.ItemDataRole.ToolTipRole)
    dialog = MetadataDialog(page, ["太原日报"])
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "inferredDateNote") is not None
