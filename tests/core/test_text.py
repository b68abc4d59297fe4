from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.ingest.text import ends_sentence, tidy_spaces, undo_letter_spacing


def test_letter_spacing_is_undone():
    assert undo_letter_spacing("记 录 太 重 集 团 更 加 辉 煌") == "记录太重集团更加辉煌"
    assert undo_letter_spacing("慰 问 信") == "慰问信"
    assert tidy_spaces("（邮 蓉）") == "（邮蓉）"


def test_real_words_are_not_glued():
    assert tidy_spaces("全面发动 全力以赴") == "全面发动 全力以赴"
    assert tidy_spaces("蓝佛安作具体要求 商黎光出席") == "蓝佛安作具体要求 商黎光出席"
    assert tidy_spaces("张慧 摄") == "张慧 摄"


def test_spaces_around_punctuation_and_numbers():
    assert tidy_spaces("生产车间 ，车间") == "生产车间，车间"
    assert (
        tidy_spaces("324 小时的连续奋战，终于在 4 月 18", numbers=True)
        == "324小时的连续奋战，终于在4月18"
    )
    assert tidy_spaces("智汇太忻 7个项目") == "智汇太忻 7个项目"


def test_ends_sentence():
    assert ends_sentence("意见》等。 （孟祥宇）")
    assert ends_sentence("和亲切慰问。”")
    assert not ends_sentence("反映新时代国家安全")
    assert not ends_sentence("必须毫不松懈抓好疫情防控，")


def test_fast_width_and_count_agree_with_unicodedata():
    from reader.core.ingest.text import _display_width_reference, cjk_count, display_width

    sample = (
        "太原日报，2022年11月24日。「引号」《书名》（括号）…—·“”‘’ ABC abc 123 ０１２ ＡＢＣ"
        "\u3000カタカナ ひらがな 한국어 𠀋𡈽 ①②③ ☆★ ：；！？,.;:!?"
    )
    for ch in sample:
        assert display_width(ch) == _display_width_reference(ch), repr(ch)
    assert display_width(sample) == _display_width_reference(sample)
    assert cjk_count("太原日报2022年𠀋，abc") == 6


# Characters every spacing rule looks at: Chinese, spaces of four kinds, punctuation the rules
# name, brackets, digits and Latin letters.
_SPACING_ALPHABET = "中国记录团摄 \t\u3000\xa0，。、；：！？“”‘’（）()《》「」【】0123aZ\n\x00"


@given(st.text(alphabet=_SPACING_ALPHABET, max_size=40), st.booleans())
@settings(max_examples=3000, deadline=None)
def test_fast_spacing_agrees_with_the_whole_text_rules(text, numbers):
    from reader.core.ingest.text import _tidy_spaces_reference, _undo_letter_spacing_reference

    assert undo_letter_spacing(text) == _undo_letter_spacing_reference(text)
    assert tidy_spaces(text, numbers) == _tidy_spaces_reference(text, numbers)
