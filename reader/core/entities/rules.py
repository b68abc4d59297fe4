"""Rules for what a statistical tagger does badly or not at all: dates, numbers with their
units, the titles in front of people's names, reporters in bylines and photo credits, and a
check that a "person" is not an ordinary word."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

_D = r"[0-9０-９]"
_CN = "零〇一二两三四五六七八九十百千"
_NUM = rf"(?:{_D}+(?:[.,．，]{_D}+)*|[{_CN}]+)"

_DATE = re.compile(
    "|".join(
        [
            rf"{_D}{{4}}\s*[-/.]\s*{_D}{{1,2}}\s*[-/.]\s*{_D}{{1,2}}(?!{_D})",
            rf"(?:{_D}{{4}}|[零〇一二三四五六七八九]{{4}})年(?:(?:{_NUM})月(?:(?:{_NUM})[日号])?)?(?:(?:至|到|—|-|～|~){_NUM}[日号])?",
            rf"(?:(?:今|去|明|前|当)年)?(?:{_NUM})月(?:(?:{_NUM})[日号])?(?:(?:至|到|—|-|～|~){_NUM}[日号])?(?:(?:上|下|中)旬|(?:凌晨|早上|上午|中午|下午|傍晚|晚上|夜间|晚))?",
            r"(?:今|去|明|前|当)年(?:(?:上|下)半年|(?:以|年)?(?:来|初|底|内))?",
            rf"(?<!{_D}){_D}{{1,2}}\s*[·•]\s*{_D}{{1,2}}(?!{_D})",
            rf"(?:凌晨|早上|上午|中午|下午|傍晚|晚上|晚)?{_D}{{1,2}}\s*[:：]\s*{_D}{{2}}(?:\s*[-—至到]\s*{_D}{{1,2}}\s*[:：]\s*{_D}{{2}})?",
            rf"(?:凌晨|早上|上午|中午|下午|傍晚|晚上|晚)(?:{_NUM})[时点](?:(?:{_NUM})分|半)?",
            rf"(?:{_NUM})[日号](?:(?:凌晨|早上|上午|中午|下午|傍晚|晚上|晚)|(?=[0-9０-９]{{1,2}}[时点:：]))?",
            rf"(?:{_D}+|[{_CN}]+)(?:天|周|个月|年)(?:来|以来|内|后|前)",
        ]
    )
)

_UNITS = sorted(
    (
        "例 人次 人 名 位 户 家 个 座 所 栋 幢 间 套 张 台 辆 架 艘 条 件 项 批 支 只 份 剂次 剂 针 次 场 轮 起 处 "
        "万元 亿元 千元 元 美元 欧元 块 角 吨 千克 公斤 斤 克 升 毫升 立方米 平方米 平方公里 公顷 亩 千米 公里 "
        "米 厘米 毫米 度 ℃ °C % ％ ‰ 倍 岁 周岁 天 小时 分钟 秒 周 个月 年 个 GW MW kW KW kWh 千瓦 兆瓦 万千瓦 "
        "千瓦时 瓦 Mbps GB TB 层 号 辆次 车次 架次 班次 趟 类 种 篇 部 卷 册 期 届 级 版 分 点 成 折"
    ).split(),
    key=len,
    reverse=True,
)
_UNIT = "(?:" + "|".join(re.escape(u) for u in _UNITS) + ")"
# Counts written in Chinese numerals are numbers only with a unit that counts something a reader
# follows (五十例, 三万元, 两千人), never 一个, 十分 or 第九轮.
_CN_UNITS = "例 人次 人 名 户 家 万元 亿元 千元 元 吨 公斤 公里 亩 岁 小时".split()
_NUMBER = re.compile(
    rf"(?:[-－−+＋]|零下|第)?(?:{_D}+(?:[.,．，]{_D}+)*(?:\s*[万亿]){{0,2}}[余多]?\s*(?:{_UNIT})"
    rf"|{_D}+(?:[.,．，]{_D}+)*\s*[万亿]{{1,2}}"
    rf"|[{_CN}]{{1,6}}(?:[万亿]{{1,2}}[余多]?(?:{'|'.join(_CN_UNITS)})?|[余多]?(?:{'|'.join(_CN_UNITS)})))"
    rf"(?:以上|以下|左右|之多)?"
)


TITLE_WORDS = (
    "总书记 副书记 书记 省长 市长 县长 区长 镇长 乡长 村长 州长 主任 主席 总理 部长 厅长 局长 处长 科长 "
    "院长 校长 所长 站长 队长 组长 社长 行长 会长 董事长 总经理 经理 总裁 委员 常委 秘书长 指挥长 "
    "记者 通讯员 主持人 教授 研究员 医生 医师 护士长 护士 专家 总编辑 编辑 司令员 政委 大使 总统 首相 "
    "外长 议长 总干事 负责人 发言人 代表 理事长 班长 支书 同志 先生 女士 老师 师傅 主管 干部 民警 院士 "
    "工程师 职工 村民 居民 群众 志愿者"
).split()
# titles that come after a name or stand alone more often than before one
_NOT_BEFORE_NAMES = frozenset(
    "代表 干部 职工 村民 居民 群众 志愿者 同志 先生 女士 负责人 专家".split()
)
_TITLE = re.compile(
    r"(?:(?:[省市县区州镇乡村]委|党委|党组|党工委|政府|人大|政协|纪委|监委|省|市|县|区|镇|乡|村|"
    r"常务|执行|首席|第一|总)?、?)*副?(?:"
    + "|".join(sorted(TITLE_WORDS, key=len, reverse=True))
    + r")\s*$"
)
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻"
    "位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦"
    "戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但"
    "尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_CJK_NAME = r"[\u4e00-\u9fff]{2,3}"
_BYLINE = re.compile(
    rf"(?:记者|通讯员|见习记者|特约记者|摄影|作者|撰稿|文/|图/|文／|图／)[:：\s]*((?:{_CJK_NAME}(?:[\s、，,]+|(?=$|[）)\]】\n]|报道|摄|通讯员|实习生)))+)"
)
_CREDIT = re.compile(rf"(?:^|[\s（(，,。])({_CJK_NAME})\s*摄(?![\u4e00-\u9fff])")
_NAME_IN_BYLINE = re.compile(_CJK_NAME)


_BYLINE_LEAD = re.compile(r"^.*?(?:记者|通讯员|评论员|撰稿|作者|文/|图/)[:：\s]*")
_BYLINE_SPLIT = re.compile(r"[\s、，,；;/]+")


def byline_names(byline: str) -> list[str]:
    """The people in an article's byline line (记者 殷雪莹、梁涛 / 周越 / 孟祥宇王培培刘丽娟)."""
    rest = _BYLINE_LEAD.sub("", byline.strip())
    names: list[str] = []
    for piece in _BYLINE_SPLIT.split(rest):
        if not piece or not all("\u4e00" <= ch <= "\u9fff" for ch in piece):
            continue
        if len(piece) in (6, 9) and all(piece[i] in SURNAMES for i in range(0, len(piece), 3)):
            chunks = [piece[i : i + 3] for i in range(0, len(piece), 3)]  # names printed glued
        else:
            chunks = [piece]
        for name in chunks:
            if 2 <= len(name) <= 3 and name[0] in SURNAMES and not _is_common_word(name):
                names.append(name)
    return names


def dates(text: str) -> Iterator[tuple[int, int]]:
    for m in _DATE.finditer(text):
        if m.end() > m.start():
            yield m.start(), m.end()


def numbers(text: str) -> Iterator[tuple[int, int]]:
    for m in _NUMBER.finditer(text):
        if m.group()[0] in _CN and m.start() > 0 and text[m.start() - 1] in "第每单这那哪某几":
            continue
        yield m.start(), m.end()


def title_before(text: str, start: int) -> tuple[int, str] | None:
    """The title printed right before a name at `start` (省委书记, 副市长, 记者…)."""
    window = text[max(0, start - 14) : start]
    m = _TITLE.search(window)
    if not m:
        return None
    title = m.group().rstrip()
    title = title.lstrip("、")
    return start - len(m.group()) + (len(m.group()) - len(m.group().lstrip("、"))), title


def byline_people(text: str) -> Iterator[tuple[int, int]]:
    """Names after 记者 / 通讯员 in bylines and before 摄 in photo credits."""
    for m in _BYLINE.finditer(text):
        base = m.start(1)
        for n in _NAME_IN_BYLINE.finditer(m.group(1)):
            name = n.group()
            if name[0] in SURNAMES and not _is_common_word(name):
                yield base + n.start(), base + n.end()
    for m in _CREDIT.finditer(text):
        name = m.group(1)
        if name[0] in SURNAMES and not _is_common_word(name):
            yield m.start(1), m.end(1)


COMMON_WORDS_PATH = Path(__file__).with_name("common_words.txt")


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Ordinary words (多云, 城市, 阳光…): used at least twice and never as a name in the
    tagger's training corpus (written by tools/train_ner.py)."""
    try:
        return frozenset(COMMON_WORDS_PATH.read_text(encoding="utf-8").split())
    except OSError:
        return frozenset()


KNOWN_NAMES_PATH = Path(__file__).with_name("known_names.txt")


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    """Full names of people that the tagger's training corpus uses at least twice (written by
    tools/train_ner.py); they outrank the ordinary-word check above."""
    try:
        return frozenset(KNOWN_NAMES_PATH.read_text(encoding="utf-8").split())
    except OSError:
        return frozenset()


TRANSLITERATION_CHARS_PATH = Path(__file__).with_name("transliteration_chars.txt")


@lru_cache(maxsize=1)
def _transliteration_chars() -> frozenset[str]:
    """Characters that spell foreign names (斯, 尔, 克, 夫…): those of the names the tagger's
    training corpus writes as one word of three characters or more (written by
    tools/train_ner.py)."""
    try:
        return frozenset(TRANSLITERATION_CHARS_PATH.read_text(encoding="utf-8").split())
    except OSError:
        return frozenset()


def _is_common_word(word: str) -> bool:
    return word in _common_words()


_TITLE_AT_END = re.compile(
    r"(?:"
    + "|".join(
        sorted((t for t in TITLE_WORDS if t not in _NOT_BEFORE_NAMES), key=len, reverse=True)
    )
    + r")$"
)


def titled_people(text: str, found: list[tuple[str, str]]) -> Iterator[tuple[int, int]]:
    """A name right after an official's title (省长蓝佛安具体要求): jieba's words after the title
    that make two or three characters in all, starting with a surname, not an ordinary word."""
    pos = 0
    for k, (word, _tag) in enumerate(found):
        pos += len(word)
        if not _TITLE_AT_END.search(word) or k + 1 >= len(found):
            continue
        nxt, tag = found[k + 1]
        if len(nxt) == 4 and tag.startswith("nr") and nxt[3] in _AFTER_NAME:
            # jieba glues the verb to an unknown name: 蓝佛安作 (具体要求)
            if nxt[0] in SURNAMES and not _is_common_word(nxt[:3]):
                yield pos, pos + 3
            continue
        total, j = 0, k + 1
        while j < len(found) and total + len(found[j][0]) <= 3:
            w = found[j][0]
            if not all("\u4e00" <= ch <= "\u9fff" for ch in w):
                break
            total += len(w)
            j += 1
        if 2 <= total <= 3 and text[pos] in SURNAMES:
            name = text[pos : pos + total]
            if not _is_common_word(name):
                yield pos, pos + total


def words(text: str) -> list[tuple[str, str]]:
    """jieba's words and part-of-speech tags (via rjieba)."""
    import rjieba

    found: list[tuple[str, str]] = rjieba.tag(text)
    return found


# characters that follow a name (王博说, 陈银芳边走边…) and place-name endings (小王村)
_AFTER_NAME = frozenset("说边等和们称讲指的是在也都就向对为作主出要提表")
_PLACE_END = frozenset("村镇乡县区市省街路巷")
# after a long (transliterated) name, also adverbs that begin the predicate
_AFTER_LONG_NAME = _AFTER_NAME | frozenset("未已将又则曾正还并与及同")


def trim_person(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A person span with a trailing verb or particle cut off; None when it reads as a place."""
    name = text[start:end]
    if name[-1] in _PLACE_END:
        return None
    if len(name) == 3 and name[-1] in _AFTER_NAME and name[0] in SURNAMES:
        return start, end - 1
    if len(name) >= 5 and name[-1] in _AFTER_LONG_NAME:
        return start, end - 1  # 贝卢斯科尼未 (出席): a transliteration glued to the word after it
    return start, end


def plausible_person(name: str) -> bool:
    if "·" in name or "•" in name:
        return len(name) >= 3
    if 5 <= len(name) <= 10:
        # a transliterated name (内塔尼亚胡, 奥尔布赖特, 约翰—格伦), spelt only with the characters
        # foreign names are spelt with; not a Chinese name glued to the words after it
        # (周凯军国安佳美, 陈冠希朋友), which the model sometimes returns in modern news
        core = name.replace("—", "").replace("－", "").replace("-", "")
        spelling = _transliteration_chars()
        return len(core) >= 4 and all(ch in spelling for ch in core)
    if not all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return False
    if not 2 <= len(name) <= 4:
        return False
    if _is_common_word(name):
        return False
    # 幸福感, 城市里: an ordinary word with a character more, unless the training corpus knows
    # it as a name (马克思, whose 马克 is an ordinary word)
    return not (len(name) == 3 and _is_common_word(name[:2]) and name not in _known_names())


# Head nouns that close an organisation's name (中国足球队, 英国内政部, 中共中央政治局).
ORG_HEADS = tuple(
    sorted(
        (
            "委员会 常委会 人民政府 大学 学院 中学 小学 学校 公司 集团 银行 医院 研究院 研究所 研究会 协会 学会 "
            "联合会 总会 基金会 商会 组织 办公室 办公厅 党委 党组 委 部 局 厅 署 院 所 社 报 日报 报社 "
            "电视台 电台 通讯社 出版社 厂 中心 联盟 党 队 军 军区 法院 检察院 议会 代表团 工会 俱乐部 "
            "政治局 书记处 国会 议院 法庭 分局 分行 支行 总行 派出所 指挥部"
        ).split(),
        key=len,
        reverse=True,
    )
)
NOT_HEADS = frozenset(
    "干部 部分 全部 内部 外部 局部 头部 腹部 底部 顶部 胸部 背部 面部 腿部 上部 下部 中部 东部 西部 南部 北部 "
    "大部 大厅 客厅 门厅 餐厅 展厅 庭院 宅院 场所 厕所 住所 处所 格局 结局 布局 大局 全局 时局 政局 战局 僵局 "
    "将军 冠军 亚军 季军 情报 汇报 预报 举报 电报 警报 简报 公报 海报 捷报 喜报 回报 年报 月报 通报 队伍 本部 "
    "出处 政委 常委 编委 副政委 社会 社区 部门 部署 部长 局长 院长 所长 队员 队长 党员 军人".split()
)
_CHAIN_TAGS = ("n", "nz", "nt", "vn", "j", "b", "ns", "m", "nr")


def is_org_head(word: str) -> bool:
    if word in NOT_HEADS:
        return False
    return any(word.endswith(h) for h in ORG_HEADS)


def organisation_ends(words: list[tuple[str, str]], k: int) -> int:
    """Given jieba's words and the index of the word after a place or organisation name, how
    many of the following words complete an organisation's name (0: none)."""
    best = 0
    for j in range(k, min(k + 4, len(words))):
        word, tag = words[j]
        if not tag.startswith(_CHAIN_TAGS) or not all(
            "\u4e00" <= ch <= "\u9fff" or ch.isdigit() for ch in word
        ):
            break
        if tag == "nt" or is_org_head(word):
            best = j - k + 1
    return best
