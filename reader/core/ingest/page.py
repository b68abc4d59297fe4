"""The page model: what every line of a page is, and what the page's furniture says.

Each line is scored for every class from features that hold for any paper: its length and
punctuation, where it stands (the band above the first body text, the band below the last),
what stands before and after it, and the furniture vocabularies papers share (mastheads, issue
lines, folios, imprints, editor lines, quotation boxes, column labels). The class with the highest
score wins, and the features that scored are kept as reasons, so `press-reader pages FILE
--explain` shows why a line was read as it was.

The splitter uses the classes as hints: furniture leaves the text flow, headlines stand as
paragraphs of their own (in the middle of a column too), and a headline run into its body on one
line is cut off. The furniture gives the page's newspaper, issue date and page number; nothing
is taken from an article's own text.
"""

from __future__ import annotations

import functools
import re
import statistics
from dataclasses import dataclass, field

from .columns import reading_order
from .dates import DateHit, chinese_number, find_dates, fold_width
from .text import CJK, cjk_count, display_width, ends_sentence

# The classes, in the order `--explain` lists them.
MASTHEAD = "masthead"
ISSUE_LINE = "issue_line"
FOLIO = "folio"
IMPRINT = "imprint"
EDITOR_LINE = "editor_line"
COLUMN_LABEL = "column_label"
QUOTE_BOX = "quote_box"
HEADLINE = "headline"
BYLINE = "byline"
BODY = "body"
CAPTION = "caption"
PHOTO_CREDIT = "photo_credit"
MARKER = "marker"
NOTICE = "notice"
FURNITURE = "furniture"  # page furniture of no known kind: banners, slogans, OCR noise
KINDS = (
    MASTHEAD, ISSUE_LINE, FOLIO, IMPRINT, EDITOR_LINE, COLUMN_LABEL, QUOTE_BOX, HEADLINE,
    BYLINE, BODY, CAPTION, PHOTO_CREDIT, MARKER, NOTICE, FURNITURE,
)  # fmt: skip
# Classes that leave the text flow: they belong to the page, not to an article.
OUT_OF_FLOW = frozenset({MASTHEAD, ISSUE_LINE, FOLIO, IMPRINT, EDITOR_LINE, NOTICE, FURNITURE})

# --- vocabularies (simplified and traditional) ---------------------------------------------

PAPER_SUFFIX = (
    "日报|日報|晚报|晚報|晨报|晨報|早报|早報|商报|商報|时报|時報|都市报|都市報|周报|週報|周刊|週刊"
    "|周末|導報|导报|快报|快報|简讯|簡訊|简报|簡報|通讯|通訊|战报|戰報|消息|画报|畫報|文摘|新闻|新聞"
    "|青年报|青年報|报|報"
)
_NAME = rf"[{CJK}]{{1,10}}?(?:{PAPER_SUFFIX})"
_DECOR = " \t\u3000·•.。-—–_=|｜/\\*#◆■●▲★※□◇【】〔〕[]()（）「」『』<>《》"
_CN_NUMS = "〇○零一二三四五六七八九十百0O"
_ISSUE = re.compile(
    rf"(?:总|總)?第\s*[0-9{_CN_NUMS}]{{1,6}}\s*(?:期|号|號)|(?:本期|共)\s*[0-9{_CN_NUMS}]{{1,3}}\s*[版张張]"
    r"|[创創]刊|农历|農曆|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年"
    r"|(?:星期|週|周|禮拜|礼拜)[一二三四五六日天]|\b(?:MON|TUE|WED|THU|FRI|SAT|SUN)[A-Z]*\b"
    r"|(?:国内统一刊号|國內統一刊號|刊号|刊號|邮发代号|郵發代號|CN\s*\d{2}\s*-\s*\d{4})",
    re.IGNORECASE,
)
_FOUNDED = re.compile(r"[创創]刊")
_PAGE_NO = re.compile(
    rf"(?<![共期转轉接至])第\s*(?P<n>[0-9{_CN_NUMS}]{{1,3}})\s*[版页頁]"
    r"|(?<![共\d.])(?P<p>\d{1,3})\s*版"
    r"|(?<![\dA-Za-z.])(?P<l>[A-H]\s?\d{1,2})(?![\d.])"
)
# A line that is only a page number: 3, ·3·, - 3 -, 第3版, 第三版, A13. A bare Chinese numeral
# counts only in the bands (in a column it is more often one glyph of a vertical headline), and
# "一一三页" without 第 is the tail of a citation, not a folio.
_FOLIO_ONLY = re.compile(
    rf"^[{re.escape(_DECOR)}]*(?:第\s*(?P<n>[0-9]{{1,3}}|[{_CN_NUMS}]{{1,3}})\s*(?:版|页|頁|面)"
    rf"|(?P<a>[0-9]{{1,3}})|(?P<l>[A-H]\s?\d{{1,2}})|(?P<c>[{_CN_NUMS}]{{1,3}})\s*版?)"
    rf"[{re.escape(_DECOR)}]*$"
)
_IMPRINT = re.compile(
    r"编辑部|編輯部|编印|編印|主办|主辦|出版|承印|印刷|发行|發行|通讯地址|通訊地址|社址|地址[:：]|"
    r"电话|電話|传真|傳真|邮编|郵編|邮政编码|郵政編碼|订阅|訂閱|定价|定價|零售|广告许可证|廣告許可證|"
    r"新闻热线|新聞熱線|网址|網址|电子信箱|电子邮箱|E-?mail",
    re.IGNORECASE,
)
_EDITOR = re.compile(
    r"责编|責編|责任编辑|責任編輯|美编|美編|校对|校對|版式|组版|組版|照排|审读|審讀|值班编辑|"
    r"值班編輯|编辑[:：\s]|編輯[:：\s]|设计[:：\s]|設計[:：\s]|主编[:：\s]|主編[:：\s]"
)
# Advertisements and notices: 广告热线 0351-1234567, 欢迎订阅, 遗失声明, 招聘启事.
_NOTICE = re.compile(r"广告|廣告|启事|啟事|遗失|遺失|招聘|招生简章|欢迎订阅|歡迎訂閱|讣告|訃告")
# Hotlines and phone words are a notice only beside a number (a headline may announce them).
_NOTICE_PHONE = re.compile(r"热线|熱線|咨询电话|諮詢電話|联系电话|聯繫電話|电话|電話")
_PHONE = re.compile(r"\d{3,4}\s*-\s*\d{7,8}|(?<!\d)1[3-9]\d{9}(?!\d)|\d{8}")
# What a paper prints in a box on its front page instead of an article.
QUOTE_HEADS = re.compile(
    r"^(?:毛主席|伟大领袖毛主席|林副主席|马克思|列宁|斯大林)?(?:的)?"
    r"(?:最新指示|最高指示|语录|語錄|教导我们|教導我們|指示|诗词|詩詞)$"
)
COLUMN_LABELS = re.compile(
    r"^(?:社论|社論|短评|短評|编者按|編者按|编后|編後|本报评论员|本報評論員|评论员文章|評論員文章|"
    r"时评|時評|述评|述評|快评|快評|专栏|專欄|来信|來信|读者来信|讀者來信|简讯|簡訊|小资料|知识窗|"
    r"链接|鏈接|图片新闻|圖片新聞|本报观察|本報觀察|观察|觀察|特稿|通讯|通訊|专访|專訪|综述|綜述|"
    r"相关新闻|相關新聞|相关链接|相關鏈接|延伸阅读|延伸閱讀|新闻链接|新聞鏈接|背景资料|背景資料|"
    # A page's section name, printed in its running head (版名).
    r"要闻|要聞|综合|綜合|国内|國內|国际|國際|港聞|港闻|地方|本地|体育|體育|财经|財經|经济|經濟|"
    r"文化|社会|社會|评论|評論|副刊|专版|專版|专题|專題|时政|時政|理论|理論|民生|法治|教育|科技|"
    r"健康|视点|視點|娱乐|娛樂|广告|廣告)$"
)
BRACKETED = re.compile(r"^[（(【\[〔][^（）()]{1,16}[）)】\]〕]$")
# (These shapes are the splitter's too: a line's class and an article's parts agree.)
BYLINE_MARKS = "□■◆●⊙○◎·"  # set before a byline: □记者 孙丽
BYLINE_LINE = re.compile(
    rf"^(?:本报|本報|本刊)?(?:特约|特約)?(?:评论员|評論員|记者|記者|通讯员|通訊員|特派记者|特派記者)"
    rf"(?:[ 　：:]*[{CJK}·]{{2,4}}(?:[ 　、，,]+[{CJK}·]{{2,4}})*)?$"
)
PHOTO_CREDIT_LINE = re.compile(
    rf"^(?:(?:本报|本報)?(?:记者|記者|通讯员|通訊員)\s*)?[{CJK}·]{{2,6}}(?:[ 　、/]+[{CJK}·]{{2,6}})*"
    rf"\s*[摄攝](?:影)?$|^(?:图|圖)\s*[/／:：]\s*[{CJK}·]{{2,8}}$"
)
CAPTION_START = (
    "图为", "圖為", "图：", "圖：", "图:", "圖:", "上图", "上圖", "下图", "下圖", "左图", "左圖",
    "右图", "右圖", "图片为", "圖片為",
)  # fmt: skip
_MARKER = re.compile(
    rf"^[（(〔【\[]?\s*(?:上接|接上|紧接|緊接|下转|下轉|下接|转至|轉至|转|轉|接|续|續)\s*第?\s*"
    rf"[0-9０-９{_CN_NUMS}A-H]+\s*(?:版|页|頁|面)?\s*[）)〕】\]]?$"
)
# News agencies and sites whose name opens a report (新华社北京…电, 中新网1月19日电, 环球网讯).
MEDIA = (
    r"(?:新浪|搜狐|网易|腾讯|凤凰网?|本报|本報|本刊|新华社|新華社|新华网|新華網|中新社|中新网|中新網|"
    r"人民网|人民網|中广网|中廣網|央视网|央視網|中国台湾网|中國台灣網|中国网|中國網|台海网|环球网|環球網|"
    r"光明网|光明網|国际在线|國際在線|千龙网|东方网|南方网|大公网|大公網|文汇网|文匯網|法新社|路透社|"
    r"美联社|美聯社|共同社|塔斯社|合众社|韩联社|韓聯社)"
)
# A lead glued to the headline before it (湖人险胜国王新浪体育讯…).
GLUED_LEAD = re.compile(rf"{MEDIA}[{CJK}]{{0,4}}讯|(?:新华社|中新社|中新网)[{CJK}0-9]{{0,12}}电")
DAY = (
    r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号]"
)
# Where a report's text begins: 本报讯, 新华社北京11月16日电, 中广网北京6月4日消息, 台海网7月20日讯,
# 据…报道, 本报记者 X…; or, failing those, its day (北京时间10月5日, 2011年7月15日, 七月二十五日晚).
_LEAD_WORD = re.compile(
    rf"(?:本报讯|本報訊|本刊讯|本刊訊"
    rf"|{MEDIA}[{CJK}]{{0,8}}\s*(?:{DAY})?\s*(?:[电電]|消息|[讯訊]|报道|報道)"
    rf"|据[{CJK}]{{2,10}}报道|據[{CJK}]{{2,10}}報道"
    # A reporter's line, set off by a mark or space, or opened by 本报 (⊙本报记者 徐婧婧).
    rf"|(?:(?<=[⊙●□◆■\s/-])|本报|本報)(?:驻[{CJK}]{{2,3}})?(?:特约|特約|实习|實習)?(?:记者|記者)"
    rf"\s*[{CJK}]{{2,4}})"
)
_DAY_LEAD = re.compile(rf"(?:北京时间|北京時間|当地时间|當地時間)?(?:(?:19|20)\d{{2}}年)?{DAY}")
_LEAD_AT = re.compile(f"{_LEAD_WORD.pattern}|{_DAY_LEAD.pattern}")
_IMPRINT_STRONG = re.compile(
    r"编印|編印|通讯地址|通訊地址|社址|邮编|郵編|邮政编码|郵政編碼|广告许可证|廣告許可證|国内统一刊号|"
    r"國內統一刊號|E-?mail|网址|網址|编辑部[编出主]|編輯部[編出主]",
    re.IGNORECASE,
)
_IMPRINT_WORDS = ("主办", "主辦", "编印", "編印", "出版", "编辑", "編輯", "合办", "合辦", "承办")
_ORG_END = re.compile(
    r"(?:委员会|委員會|司令部|指挥部|指揮部|联络站|聯絡站|公社|编辑部|編輯部|报社|報社|总部|總部|兵团|兵團)"
    r"[（(）)“”\"》]*(?:[（(][^（）()]{1,16}[）)])?$|会$|會$"
)
_MD_HEADING = re.compile(r"^#{1,6}\s+\S")
_SENT_PUNCT = "。！？!?；;"
_LONG = 80


def _running_text(t: str) -> bool:
    return ("，" in t or "," in t) and any(c in t for c in _SENT_PUNCT)


_MID = "the line before it is cut mid-sentence"
_SIGNATURE = "a signature above a date"
_LONE_DATE = "a date on its own (a letter's or a document's)"
_SALUTATION = "a salutation (同志们：)"
_CUT = "the next line goes on with its sentence"
_CLAUSE_START = "，、；：。！？）》”,;:!?)"
_FULL = "as wide as the column and cut mid-sentence"
_SOURCE_NOTE = "where a quotation comes from (《…》, 第N卷第N页, 转引自…)"
_CONTEXT_BODY = frozenset({_MID, _SIGNATURE, _LONE_DATE, _CUT, _FULL, _SOURCE_NOTE})
# The source printed under a quotation: 《论持久战》（一九三八年五月）, 《毛泽东选集》第四卷第一四六九页,
# 转引自《解放日报》…, （摘自《人民日报》）.
CITED = re.compile(
    r"^[（(]?(?:转引自|轉引自|引自|摘自|选自|選自)|^《[^》]{2,30}》\s*[（(]"
    r"|[（(](?:[〇○零一二三四五六七八九O0]{4}|(?:19|20)\d\d)年"  # a dated source: （一九四九年…
    r"|^[^。！？（(]{0,14}[）)]\s*[，,]?\s*[^。！？]*《[^》]+》"  # …日），《毛泽东选集》…
    r"|第[0-9〇○零一二三四五六七八九十百O]{1,4}卷第?[0-9〇○零一二三四五六七八九十百千O]{0,8}"
)
_COMMA = "，,"
# A line with a run of three Chinese characters or a Latin word has words in it: never noise.
_WORDS = re.compile(rf"[{CJK}]{{3}}|[A-Za-z]{{4}}")


@dataclass(frozen=True)
class PageLine:
    index: int
    start: int  # code points into the page's text
    end: int
    text: str
    gap_before: int  # blank lines before it
    gap_after: int
    width: float = 0.0  # display width in ems (text.display_width), measured once


@dataclass
class Decision:
    line: PageLine
    kind: str
    score: float
    reasons: list[str] = field(default_factory=list)
    cut: int | None = None  # a run-in headline ends here (offset into the line's text)
    stacked: str | None = None  # part of a date printed over several lines: that date

    @property
    def firm(self) -> bool:
        """Text because of its neighbours (cut mid-sentence, a signature, a date under one, a
        salutation), whatever the line's own shape says."""
        return self.kind == BODY and any(r in _CONTEXT_BODY for r in self.reasons)

    @property
    def runs_on(self) -> bool:
        """A full line cut mid-sentence, or one whose next line goes on with its sentence: the
        paragraph continues on the next line, whatever white space stands between them."""
        return self.kind == BODY and any(r in (_FULL, _CUT) for r in self.reasons)

    @property
    def continues(self) -> bool:
        """This line goes on with the sentence of the line before it."""
        return self.kind == BODY and _MID in self.reasons

    @property
    def signoff(self) -> bool:
        """A signature or the date under it: a line of its own at the end of a letter."""
        return self.kind == BODY and any(r in (_SIGNATURE, _LONE_DATE) for r in self.reasons)


@dataclass(frozen=True)
class Found:
    """A value the page's furniture prints, and the line it stands on."""

    value: str
    line: int
    why: str


@dataclass
class PageModel:
    decisions: list[Decision]
    column_width: float
    source: Found | None = None
    date: Found | None = None
    page: Found | None = None
    issue: Found | None = None
    # The order to read the lines in (indices into decisions): the page's order, except runs of
    # two columns interleaved line by line (see columns.py).
    order: list[int] = field(default_factory=list)


def page_lines(text: str) -> list[PageLine]:
    raw = text.split("\n")
    out: list[PageLine] = []
    pos = 0
    blank = 0
    for ln in raw:
        start, pos = pos, pos + len(ln) + 1
        if not ln.strip():
            blank += 1
            continue
        lead = len(ln) - len(ln.lstrip())
        body = ln.strip()
        out.append(PageLine(len(out), start + lead, start + lead + len(body), body, blank, 0))
        blank = 0
    fixed: list[PageLine] = []
    for i, pl in enumerate(out):
        after = out[i + 1].gap_before if i + 1 < len(out) else 1
        fixed.append(
            PageLine(
                pl.index, pl.start, pl.end, pl.text, pl.gap_before, after, display_width(pl.text)
            )
        )
    return fixed


def _strip_decor(t: str) -> str:
    return t.strip(_DECOR).replace(" ", "").replace("\u3000", "")


def _body_like(t: str) -> bool:
    return any(c in t for c in "，。；、,;") and cjk_count(t[:40]) >= 10


def _column_width(lines: list[PageLine]) -> float:
    """The width of the page's column: its full lines (cut mid-sentence, with punctuation in
    them); on a page of one paragraph per line, where every line ends a sentence, its text lines.
    Lines with no punctuation at all may be headlines and never measure it."""
    full = [
        pl.width
        for pl in lines
        if not ends_sentence(pl.text) and cjk_count(pl.text[:12]) >= 4 and _has_punct(pl.text)
    ]
    if len(full) < 3:
        full = [pl.width for pl in lines if _has_punct(pl.text)]
    if not full:
        full = [pl.width for pl in lines] or [20.0]
    return float(statistics.median_high(full))


def _local_widths(lines: list[PageLine], col: float) -> list[float]:
    """The width of the column each line stands in: the median of the full lines (those that do
    not end a sentence) around it, so a page of narrow columns under a wide headline, or one
    paragraph per line beside a wrapped column, is measured where each line is."""
    full = [
        pl.width
        if not ends_sentence(pl.text) and cjk_count(pl.text[:12]) >= 4 and _has_punct(pl.text)
        else None
        for pl in lines
    ]  # a line with no punctuation at all may be a headline: it does not measure the column
    out = []
    for i in range(len(lines)):
        near = [w for w in full[max(0, i - 6) : i + 7] if w is not None]
        out.append(float(statistics.median_high(near)) if len(near) >= 3 else col)
    return out


def _runs_on(t: str) -> bool:
    """A line of running text that stops mid-sentence (the next line continues it)."""
    if ends_sentence(t) or cjk_count(t) < 8:
        return False
    return any(c in t for c in "，；,;") or bool(_LEAD_AT.match(t))  # 、 is in headlines too


def _has_punct(t: str) -> bool:
    return any(c in t for c in "，、。；：“”‘’（）《》,;:")


def _bands(lines: list[PageLine]) -> tuple[int, int]:
    """(end of the top band, start of the foot band) as line indices: the lines before the first
    body text and after the last."""
    body = [pl.index for pl in lines if _body_like(pl.text)]
    if not body:
        return min(len(lines), 6), len(lines)
    top = min(body[0], 16)
    # A foot band only on a page long enough to have one; on a short page the lines after the
    # last sentence are its sign-off.
    foot = max(body[-1] + 1, len(lines) - 10) if len(lines) >= 20 else len(lines)
    return top, foot


def _date_share(t: str, hits: list[DateHit]) -> float:
    n = len(t.replace(" ", ""))
    covered = sum(len(t[h.start : h.end].replace(" ", "")) for h in hits)
    return covered / n if n else 0.0


def _score(
    pl: PageLine,
    prev: PageLine | None,
    nxt: PageLine | None,
    in_band: bool,
    col: float,
    usual_gap: int,
) -> Decision:
    t = pl.text
    if len(t) > _LONG and not t.startswith(CAPTION_START) and _running_text(t):
        # A long line with sentences in it is running text: no furniture, headline, byline or
        # caption is that long (and scoring every class on it is what made pages slow).
        return Decision(pl, BODY, 4.0, ["a long line of running text"])
    if _MD_HEADING.match(t) and not (in_band and masthead_name(t, first=prev is None)):
        return Decision(pl, HEADLINE, 6.0, ["a Markdown heading (# …)"])
    bare = _strip_decor(t)
    width = pl.width
    scores: dict[str, float] = {BODY: 1.0}
    why: dict[str, list[str]] = {k: [] for k in KINDS}

    def add(kind: str, w: float, reason: str) -> None:
        scores[kind] = scores.get(kind, 0.0) + w
        why[kind].append(reason)

    cjk = cjk_count(t)
    has_sent = any(c in t for c in _SENT_PUNCT) or ends_sentence(t)
    inner_comma = any(c in t[:-1] for c in _COMMA)
    folded = fold_width(t)
    dates = find_dates(t)
    # Shape.
    if has_sent:
        add(BODY, 1.5, "sentence punctuation")
    if inner_comma:
        add(BODY, 1.0, "comma inside")
    if col and abs(width - col) <= 1.0:
        if ends_sentence(t) or _has_punct(t[-1:]) or col > 30:
            add(BODY, 1.0, "as wide as the column")
        else:
            # A full line of a narrow column cut mid-sentence: the paragraph goes on. (A long
            # line of one-paragraph-per-line text cut mid-sentence may go on anywhere: after a
            # caption, or in another article; the splitter finds where by content.)
            add(BODY, 1.0, _FULL)
    if not _WORDS.search(t) and cjk <= len(t) // 4 and not dates and not _FOLIO_ONLY.match(t):
        add(FURNITURE, 3.0, "no word in it (symbols or OCR noise)")
    # Mastheads and issue lines.
    name = masthead_name(t, first=prev is None)
    if name and in_band and not has_sent:
        add(MASTHEAD, 4.5, f"a paper's name ({name}) in the masthead band")
    issue_hits = _ISSUE.findall(folded)
    if dates and in_band and not has_sent:
        share = _date_share(t, dates)
        if share >= 0.4 or issue_hits:
            add(ISSUE_LINE, 3.0 + share, "a date in the masthead band")
    if issue_hits and not has_sent and (in_band or width <= 20):
        add(ISSUE_LINE, 3.5 if in_band else 1.5, f"issue-line words ({issue_hits[0]})")
    # Folios and page numbers.
    fm = _FOLIO_ONLY.match(folded)
    if fm and (not fm["c"] or in_band):
        add(FOLIO, 5.0, "only a page number")
    elif in_band and _PAGE_NO.search(folded) and not has_sent and width <= 40:
        add(FOLIO, 2.5, "a page number in a band line")
    # Imprint, editor line.
    if _IMPRINT.search(t) and not has_sent and in_band:
        add(IMPRINT, 3.0, "imprint words (编印, 主办, 地址, 电话…)")
    elif _IMPRINT_STRONG.search(t) and not has_sent and width < col - 1.0:
        add(IMPRINT, 2.5, "imprint words (编印, 地址, 邮编, 刊号…)")
    if bare in _IMPRINT_WORDS:
        add(IMPRINT, 2.0, "an imprint word on its own")
    elif nxt is not None and _strip_decor(nxt.text) in _IMPRINT_WORDS and not has_sent:
        add(IMPRINT, 2.5, "the publisher named above 主办/编印")
    if in_band and _ORG_END.search(bare) and not has_sent and not name:
        add(IMPRINT, 2.0, "an organisation's name in the masthead band")
    phone = bool(_PHONE.search(folded))
    if (_NOTICE.search(t) or (phone and _NOTICE_PHONE.search(t))) and not has_sent and width <= 40:
        add(NOTICE, 3.5 if phone else 3.0, "notice or advertisement words")
    if _EDITOR.search(t) and not has_sent and width <= 40:
        add(EDITOR_LINE, 4.0, "editor-line words (责编, 美编, 校对…)")
    # Boxes, labels, bylines, captions, markers.
    if QUOTE_HEADS.match(bare.lstrip("abcdefghijklmnopqrstuvwxyz")) and cjk <= 12:
        add(QUOTE_BOX, 3.5, "the head of a quotation box")
    if COLUMN_LABELS.match(bare):
        add(COLUMN_LABEL, 3.5, "a column name")
    if BRACKETED.match(t) and prev is not None and _headline_shape(prev.text, col):
        if nxt is not None and (_body_like(nxt.text) or not ends_sentence(nxt.text)):
            add(HEADLINE, 3.5, "a bracketed deck under a headline")
    elif BRACKETED.match(t) and cjk <= 8:
        add(COLUMN_LABEL, 2.0, "a short bracketed label")
    if BYLINE_LINE.match(t.lstrip(BYLINE_MARKS)):
        add(BYLINE, 4.0, "a byline (记者 X)")
    if PHOTO_CREDIT_LINE.match(t):
        add(PHOTO_CREDIT, 4.0, "a photo credit (X 摄)")
    if t.startswith(CAPTION_START):
        add(CAPTION, 3.0, "a caption opening (图为…)")
    if _MARKER.match(folded.replace(" ", "")):
        add(MARKER, 6.0, "a continuation marker")
    # Headlines: short, no sentence punctuation, after a finished sentence, before body text.
    if CITED.search(t) and not any(c in t for c in "。！？!?"):
        add(BODY, 3.0, _SOURCE_NOTE)
    date_only = bool(dates) and _date_share(t, dates) >= 0.6
    if date_only and not in_band:
        add(BODY, 1.5, _LONE_DATE)
    elif (
        dates
        and not in_band
        and dates[-1].end >= len(t) - 1
        and not has_sent
        and not inner_comma
        and 2 <= cjk_count(t[: dates[-1].start]) <= 16
    ):
        # 中央军委、中央文革一九六七年八月二十九日: who signed, and when, on one line.
        add(BODY, 2.5, _SIGNATURE)
    signature = (
        cjk <= 12
        and not has_sent
        and nxt is not None
        and (h := find_dates(nxt.text))
        and _date_share(nxt.text, h) >= 0.6
    )
    if signature:
        add(BODY, 1.5, _SIGNATURE)
    # In a narrow column a headline may be only a character or two short of a full line, like a
    # paragraph's indented first line; what follows tells them apart: a report's opening (11月4日，
    # 本报讯…) after a headline, the rest of the sentence after a first line.
    near_full_head = (
        col <= 30
        and col * 0.8 < width <= col - 1.5
        and nxt is not None
        and bool(_LEAD_AT.match(nxt.text))
        and _headline_shape(t, 40.0)
    )
    if (_headline_shape(t, col) or near_full_head) and cjk >= 2 and not date_only and not signature:
        add(HEADLINE, 1.5, "short or wider than its column, no sentence punctuation")
        opens = prev is None or ends_sentence(prev.text) or not _runs_on(prev.text)
        if opens:
            add(HEADLINE, 0.8, "after a finished sentence or furniture")
        elif prev is not None and col - 2.5 <= prev.width <= max(col + 1.5, 36):
            add(BODY, 2.5, _MID)  # a full line of a wrapped column: this one continues it
        else:
            add(BODY, 0.5, "after a long line that does not finish its sentence")
        if nxt is not None and _body_like(nxt.text) and nxt.width > width + 2:
            add(HEADLINE, 0.7, "body text follows")
        if pl.gap_before > usual_gap and pl.gap_after > usual_gap:
            add(HEADLINE, 0.4, "white space around it")
        if t[-1:] in "：:":
            if cjk <= 6:
                add(HEADLINE, -2.0, _SALUTATION)
            else:
                add(HEADLINE, -0.8, "ends with a colon")
        if t[:1] in "，、；：,;:" or (prev is not None and prev.text[-1:] in "，、,"):
            add(HEADLINE, -3.0, "starts mid-sentence")
        if nxt is not None and nxt.text[:1] in _CLAUSE_START:
            add(BODY, 2.5, _CUT)
    best = max(scores.items(), key=lambda kv: (kv[1], kv[0] == BODY))
    kind = best[0]
    return Decision(pl, kind, round(best[1], 2), why[kind] or ["ordinary text"])


_MASTHEAD_START = re.compile(rf"^[{re.escape(_DECOR)}]*(?P<name>{_NAME})")
_MASTHEAD_MAX = 60  # characters: a masthead line with its date, issue and page is never longer


def masthead_name(t: str, first: bool = False) -> str | None:
    """The paper's name when the line is that name alone or beside what a masthead prints with
    it (date, weekday, issue number, page): 人民日报 1998年1月20日 第3版, 信報, # 文革消息.
    A one-character name before a bare 报 (喜报) counts only on the page's first line."""
    if len(t) > _MASTHEAD_MAX:
        return None
    t = fold_width(t).strip()
    m = _MASTHEAD_START.match(t)
    if not m:
        return None
    name = m["name"]
    if len(name) == 2 and name[1] in "报報" and not first:
        return None
    rest = t[m.end() :]
    if rest and rest[0] not in _DECOR and not rest[0].isdigit() and rest[0] not in "第总總星週周":
        return None  # the name runs on into a headline (人民日报社论…)
    for h in reversed(find_dates(rest)):
        rest = rest[: h.start] + " " + rest[h.end :]
    rest = _ISSUE.sub(" ", rest)
    rest = _PAGE_NO.sub(" ", rest)
    if rest.strip(_DECOR + "0123456789"):
        return None
    return name


def _headline_shape(t: str, col: float) -> bool:
    if any(c in t for c in _SENT_PUNCT) or ends_sentence(t) or t[-1:] in "，、,；;":
        return False
    if any(c in t[:-1] for c in _COMMA):
        return False
    width = display_width(t)
    if not col:
        return 2 <= width <= 24
    # Shorter than the column's lines, or wider than them (a headline across columns).
    return 2 <= width <= max(col * 0.8, 8.0) or col + 1.5 <= width <= 40


def _run_in(d: Decision, prev: Decision | None) -> int | None:
    """Where a headline run into its body on one line ends (首长支持揪刘尖兵七月二十五日晚…)."""
    t = d.line.text
    if d.kind != BODY or _LEAD_AT.match(t) or GLUED_LEAD.match(t):
        return None  # the line opens with its lead (新华社北京11月16日电): nothing run in
    if prev is not None and prev.kind == BODY and not ends_sentence(prev.line.text):
        return None
    m = _LEAD_WORD.search(t, 4, 60) or _DAY_LEAD.search(t, 4, 40)
    if not m:
        return None
    cut = m.start()
    while cut > 0 and t[cut - 1] in "⊙●◆■□◇★☆·":
        cut -= 1  # a mark set between the headline and the lead
    head = t[:cut].rstrip()
    if not (4 <= cjk_count(head) <= 24) or any(
        c in head for c in '。，、；：！？,;:!?“”"（）()《》'
    ):
        return None
    rest = t[m.start() :]
    if not any(c in rest for c in "，。,"):
        return None
    return cut


@functools.lru_cache(maxsize=4)
def read_page(text: str) -> PageModel:
    """The page model of one page's text. Kept for the last few pages: the metadata step and the
    splitter read the same page one after the other. Callers only read the result."""
    lines = page_lines(text)
    if not lines:
        return PageModel([], 0.0)
    col = _column_width(lines)
    widths = _local_widths(lines, col)
    gaps = [pl.gap_before for pl in lines[1:]] or [0]
    usual = statistics.mode(gaps)
    top, foot = _bands(lines)
    decisions: list[Decision] = []
    for i, pl in enumerate(lines):
        prev = lines[i - 1] if i else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        d = _score(pl, prev, nxt, i < top or i >= foot, widths[i], usual)
        d.cut = _run_in(d, decisions[-1] if decisions else None)
        if d.cut is not None:
            d.reasons.append("a headline run into its body: cut before the lead")
        decisions.append(d)
    _source_tails(decisions)
    _stacked_dates(decisions, top)
    _masthead_block(decisions, top, foot)
    _headless(decisions)
    model = PageModel(decisions, col)
    model.order = reading_order(
        [d.line.text for d in decisions], [d.kind == BODY for d in decisions]
    )
    _facts(model, lines, top, foot)
    _banners(decisions, top, model.source)
    return model


_BLOCK = frozenset({MASTHEAD, ISSUE_LINE, IMPRINT, FOLIO})


def _source_tails(ds: list[Decision]) -> None:
    """The last few characters of a quotation's source wrapped onto a line of their own (…第一
    / 三页) belong to it, not to a headline or a folio."""
    for prev, d in zip(ds, ds[1:], strict=False):
        if (
            _SOURCE_NOTE in prev.reasons
            and prev.kind == BODY
            and len(d.line.text) <= 8
            and not any(c in d.line.text for c in "。！？!?")
            and d.kind in (HEADLINE, FOLIO, BODY)
        ):
            d.kind = BODY
            d.reasons = [_SOURCE_NOTE]


def _stacked_dates(ds: list[Decision], top: int) -> None:
    """Day, month and year (and weekday) printed on lines of their own in the masthead band
    (18 / 02 / TUE·2025) are one issue date, not a folio and two numbers."""
    short = [d for d in ds[:top] if len(d.line.text) <= 12 and d.kind != BODY or d.kind == FOLIO]
    if len(short) < 2:
        return
    joined, spans = "", []
    for d in short:
        start = len(joined) + (1 if joined else 0)
        joined = f"{joined} {d.line.text}" if joined else d.line.text
        spans.append((start, len(joined), d))
    for h in find_dates(joined, stacked=True):
        if h.form != "stacked":
            continue
        parts = [d for a, b, d in spans if a < h.end and b > h.start]
        if len(parts) < 2:
            continue
        for d in parts:
            d.kind = ISSUE_LINE
            d.stacked = h.iso
            d.reasons = [f"part of a date printed over lines ({h.iso})"]


def _masthead_block(ds: list[Decision], top: int, foot: int) -> None:
    """Beside a masthead, issue line or imprint, a band line ending in an organisation's name
    (上海市体革会 above 主办) is part of the imprint."""
    for i, d in enumerate(ds):
        if not (d.line.index < top or d.line.index >= foot) or d.kind not in (HEADLINE, BODY):
            continue
        near = [e.kind for e in ds[max(0, i - 1) : i + 2] if e is not d]
        org = _ORG_END.search(_strip_decor(d.line.text))
        if (
            org
            and any(k in _BLOCK for k in near)
            and not any(c in d.line.text for c in _SENT_PUNCT)
        ):
            d.kind = IMPRINT
            d.reasons = ["an organisation's name beside the masthead block"]


def _headless(ds: list[Decision]) -> None:
    """A headline needs text to head: a short line with no body text after it, followed by the
    masthead block (the foot of a page where the masthead was read last), is furniture. At the
    very end of the page it may be a headline printed after its text, and stays one."""
    body_after = False
    for i in range(len(ds) - 1, -1, -1):
        d = ds[i]
        nxt = ds[i + 1].kind if i + 1 < len(ds) else None
        if d.kind == HEADLINE and not body_after and nxt in _BLOCK:
            d.kind = FURNITURE
            d.reasons = ["short, but no body text follows it on the page"]
        if d.kind == BODY and _body_like(d.line.text):
            body_after = True


def _banners(ds: list[Decision], top: int, source: Found | None) -> None:
    """Short lines above the masthead are banners and slogans, not the first headline. A band
    line that is a cut-off part of the paper's name (红色风 of 红色风暴) is the masthead."""
    if source is not None:
        for d in ds[:top]:
            bare = _strip_decor(d.line.text)
            if d.kind in (HEADLINE, BODY) and len(bare) >= 2 and bare in source.value:
                d.kind = MASTHEAD
                d.reasons = [f"a part of the paper's name ({source.value}) in the masthead band"]
    block = [i for i, d in enumerate(ds[:top]) if d.kind in _BLOCK]
    if block and block[-1] + 1 < len(ds):
        first = ds[block[-1] + 1]
        t = first.line.text
        if (
            first.kind == BODY
            and any(c in t for c in _COMMA)  # without one, the line's own shape decides
            and not any(c in t for c in _SENT_PUNCT)
            and 4 <= cjk_count(t) <= 24
            and not ends_sentence(t)
        ):
            # The first line under the masthead heads the page's lead article, even with a
            # comma in it (在工人阶级领导下，认真搞好斗批改).
            first.kind = HEADLINE
            first.reasons = ["the first line under the masthead block"]
    heads = [i for i, d in enumerate(ds[:top]) if d.kind == MASTHEAD]
    if not heads:
        return
    for d in ds[: heads[0]]:
        if d.kind in (HEADLINE, BODY) and not _body_like(d.line.text):
            d.kind = FURNITURE
            d.reasons = ["above the masthead: a banner or slogan"]


def _name_in(text: str) -> str | None:
    m = re.search(rf"《(?P<n>[{CJK}]{{2,12}})》", text)
    if m:
        return m["n"]
    m = re.search(
        rf"(?:部|会|會|站|社|司|委|团|團|校|院|厂|廠|局|所|组|組|公社|大学|大學)(?P<n>[{CJK}]{{2,8}}?)"
        r"(?:编辑部|編輯部|报社|報社)",
        text,
    )
    if m:
        return m["n"]
    m = re.search(rf"^(?P<n>[{CJK}]{{2,8}}?)(?:编辑部|編輯部|报社|報社)", text)
    return m["n"] if m else None


def _inner_masthead(ds: list[Decision], top: int, foot: int) -> list[Decision]:
    """A masthead block the reading order put among the columns: a line that is a paper's name
    alone, beside an issue line (a date on its own, 第N期, 星期X) within two lines. Such a block
    is the page's furniture wherever it stands; a paper's name without one is an article's."""
    block: list[Decision] = []
    for i, d in enumerate(ds):
        if top <= d.line.index < foot and d.kind in (HEADLINE, BODY, FURNITURE):
            name = masthead_name(d.line.text)
            if not name or any(c in d.line.text for c in _SENT_PUNCT):
                continue
            near = [e for e in ds[max(0, i - 2) : i + 3] if e is not d]
            issue = [e for e in near if _issue_like(e.line.text)]
            if not issue:
                continue
            d.kind, d.reasons = MASTHEAD, [f"a paper's name ({name}) beside its issue line"]
            for e in issue:
                e.kind, e.reasons = ISSUE_LINE, ["the issue line of a masthead among the columns"]
            block += [d, *issue]
    return block


def _issue_like(t: str) -> bool:
    if any(c in t for c in _SENT_PUNCT) or len(t) > 40:
        return False
    hits = find_dates(t)
    return bool(_ISSUE.search(fold_width(t))) or (bool(hits) and _date_share(t, hits) >= 0.6)


def _facts(model: PageModel, lines: list[PageLine], top: int, foot: int) -> None:
    ds = model.decisions
    band = [d for d in ds if d.line.index < top or d.line.index >= foot]
    band += [d for d in _inner_masthead(ds, top, foot) if d not in band]
    # The paper: a masthead, else a band line that names it beside a date or page, else the
    # imprint's 《X》 / X编辑部.
    for d in band:
        if d.kind == MASTHEAD:
            name = masthead_name(d.line.text, first=d.line.index == 0)
            if name:
                model.source = Found(name, d.line.index, "masthead")
                break
    if model.source is None:
        for d in band:
            if d.kind in (ISSUE_LINE, FOLIO):
                for m in re.finditer(
                    rf"(?:^|[\s|｜·•/，,]){_NAME}(?=$|[\s|｜·•/，,])", d.line.text
                ):
                    name = m.group(0).strip(" |｜·•/，,\u3000")
                    if len(name) >= 2:
                        model.source = Found(name, d.line.index, "running head")
                        break
            if model.source:
                break
    if model.source is None:
        for d in band:
            if d.kind == IMPRINT:
                name = _name_in(d.line.text)
                if name:
                    model.source = Found(name, d.line.index, "imprint")
                    break
    # The issue date: on a band line, never a founding date, a weekday that fits counts.
    cands: list[tuple[float, str, int]] = []
    for d in band:
        if d.kind not in (ISSUE_LINE, MASTHEAD, FOLIO, FURNITURE, HEADLINE, IMPRINT):
            continue
        for h in find_dates(d.line.text):
            before = d.line.text[max(0, h.start - 2) : h.start]
            after = d.line.text[h.end : h.end + 3]
            if _FOUNDED.search(after) or _FOUNDED.search(before):
                continue
            s = 2.0 if d.kind == ISSUE_LINE else 1.0
            s += {True: 1.0, False: -1.5, None: 0.0}[h.weekday_ok]
            s += 0.5 if d.line.index < top else 0.0
            cands.append((s, h.iso, d.line.index))
    stacked = next((d for d in ds if d.stacked), None)
    if not cands and stacked is not None and stacked.stacked:
        cands.append((1.0, stacked.stacked, stacked.line.index))
    if cands:
        cands.sort(key=lambda c: (-c[0], c[2]))
        s, iso, idx = cands[0]
        if s > 0:
            model.date = Found(iso, idx, "issue line")
    # The page number: a folio, or 第N版 on a band line; a front page's masthead block says 1.
    for d in band:
        if d.kind not in (FOLIO, ISSUE_LINE, MASTHEAD) or d.stacked:
            continue
        folded = fold_width(d.line.text)
        fm = _FOLIO_ONLY.match(folded)
        num = None
        if fm:
            num = _page_number(fm["n"] or fm["a"] or fm["l"] or fm["c"])
        else:
            for pm in _PAGE_NO.finditer(folded):
                num = _page_number(pm["n"] or pm["p"] or pm["l"])
                if num:
                    break
        if num:
            model.page = Found(str(num), d.line.index, "folio")
            break
    if model.page is None:
        # A folio the reading order put among the columns still names the page when it says
        # so (第2版, A13); a bare number there is only dropped.
        for d in ds:
            fm = _FOLIO_ONLY.match(fold_width(d.line.text)) if d.kind == FOLIO else None
            num = _page_number(fm["n"] or fm["l"] or "") if fm else None
            if num:
                model.page = Found(str(num), d.line.index, "folio among the columns")
                break
    issue = next(
        (d for d in band if d.kind == ISSUE_LINE and re.search("第.{1,6}[期号號]", d.line.text)),
        None,
    )
    if issue is not None:
        model.issue = Found(issue.line.text, issue.line.index, "issue line")
    # Only the front page carries the full masthead block: the issue number with the paper's
    # name or its publisher.
    front = issue is not None and any(d.kind in (MASTHEAD, IMPRINT) for d in band)
    if model.page is None and issue is not None and front:
        model.page = Found("1", issue.line.index, "front page (masthead block with issue number)")


def _page_number(s: str) -> int | None:
    s = s.replace(" ", "")
    if re.fullmatch(r"[A-H]\d{1,2}", s):
        return int(s[1:]) or None
    n = int(s) if s.isdigit() else chinese_number(s.replace("O", "〇").replace("0", "〇"))
    return n if n and 0 < n < 200 else None


def explain(text: str) -> str:
    """Each line with its class, score and reasons; then what the furniture says."""
    model = read_page(text)
    out = []
    for d in model.decisions:
        t = d.line.text if len(d.line.text) <= 40 else d.line.text[:39] + "…"
        cut = f" [run-in headline: {d.line.text[: d.cut]}]" if d.cut else ""
        out.append(f"{d.line.index + 1:4d}  {d.kind:12} {d.score:5.1f}  {t}{cut}")
        out.append(f"{'':6}{'':12}        ← {'; '.join(d.reasons)}")
    moved = [i for i, j in enumerate(model.order) if i != j]
    if moved:
        out.append(
            f"reading order: lines {moved[0] + 1}–{moved[-1] + 1} are columns read line by line "
            "into one, read column by column"
        )
    for label, f in (("source", model.source), ("date", model.date), ("page", model.page)):
        out.append(f"{label}: {f.value} (line {f.line + 1}, {f.why})" if f else f"{label}: unknown")
    return "\n".join(out)
