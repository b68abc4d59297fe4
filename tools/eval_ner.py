"""Score the entity extractor on a BIO file (one character and its tag per line, blank line
between sentences): exact-span precision, recall and F1 per type and micro-averaged over
PER/LOC/ORG.

    python tools/eval_ner.py ../shared/ner-dev/peoples_daily_dev.bio
    python tools/eval_ner.py FILE --baseline      # jieba's tags mapped directly, for comparison
    python tools/eval_ner.py FILE --model M       # another tagger model (train_ner.py --out M)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.entities import extract  # noqa: E402

TO_BIO = {"PERSON": "PER", "PLACE": "LOC", "ORG": "ORG"}
TYPES = ("PER", "LOC", "ORG")


def read_bio_tags(path: Path) -> list[tuple[str, list[str]]]:
    """The sentences of a BIO file, each as its text and one tag per character. A line with more
    than one character, or a tag other than O, B-/I-PER, B-/I-LOC or B-/I-ORG, is an error naming
    the line; an I- tag that does not continue an entity of its type opens one (B-)."""
    sentences: list[tuple[str, list[str]]] = []
    chars: list[str] = []
    tags: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split()
        if not parts:
            if chars:
                sentences.append(("".join(chars), tags))
                chars, tags = [], []
            continue
        tag = parts[1] if len(parts) > 1 else "O"
        if len(parts[0]) != 1:
            raise ValueError(f"{path}:{number}: {parts[0]!r} is not one character")
        if tag != "O" and (tag[:2] not in ("B-", "I-") or tag[2:] not in TYPES):
            raise ValueError(f"{path}:{number}: unknown tag {tag!r}")
        if tag.startswith("I-") and (not tags or tags[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        chars.append(parts[0])
        tags.append(tag)
    if chars:
        sentences.append(("".join(chars), tags))
    return sentences


def read_bio(path: Path) -> list[tuple[str, set[tuple[int, int, str]]]]:
    return [(text, spans(tags)) for text, tags in read_bio_tags(path)]


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out = set()
    start, kind = -1, ""
    for i, t in enumerate([*tags, "O"]):
        if start >= 0 and (t == "O" or t.startswith("B-") or t[2:] != kind):
            out.add((start, i, kind))
            start = -1
        if t != "O" and start < 0:
            start, kind = i, t[2:]
    return out


def baseline(text: str) -> set[tuple[int, int, str]]:
    import rjieba

    out = set()
    pos = 0
    for word, tag in rjieba.tag(text):
        kind = {"nr": "PER", "ns": "LOC", "nt": "ORG"}.get(tag)
        if kind:
            out.add((pos, pos + len(word), kind))
        pos += len(word)
    return out


def predict(text: str) -> set[tuple[int, int, str]]:
    return {(e.start, e.end, TO_BIO[e.type]) for e in extract(text) if e.type in TO_BIO}


def score(
    gold: Counter[str], pred: Counter[str], hit: Counter[str], kinds: tuple[str, ...]
) -> dict[str, float]:
    g = sum(gold[k] for k in kinds)
    p = sum(pred[k] for k in kinds)
    h = sum(hit[k] for k in kinds)
    prec = h / p if p else 0.0
    rec = h / g if g else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "precision": round(prec, 4),
        "recall": round(rec, 4),
        "f1": round(f1, 4),
        "gold": g,
        "predicted": p,
    }


def evaluate(path: Path, use_baseline: bool = False) -> dict[str, object]:
    sentences = read_bio(path)
    fn = baseline if use_baseline else predict
    gold: Counter[str] = Counter()
    pred: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    t0 = time.perf_counter()
    for text, truth in sentences:
        got = fn(text)
        for s in truth:
            gold[s[2]] += 1
        for s in got:
            pred[s[2]] += 1
        for s in got & truth:
            hit[s[2]] += 1
    seconds = time.perf_counter() - t0
    result: dict[str, object] = {k: score(gold, pred, hit, (k,)) for k in TYPES}
    result["micro"] = score(gold, pred, hit, TYPES)
    result["sentences"] = len(sentences)
    result["seconds"] = round(seconds, 2)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("bio", type=Path)
    ap.add_argument("--baseline", action="store_true", help="jieba's nr/ns/nt tags mapped directly")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--model", type=Path, help="a tagger model other than the shipped one")
    args = ap.parse_args()
    if args.model:
        from reader.core.entities import tagger

        if not args.model.is_file():
            ap.error(f"no model at {args.model}")
        tagger.MODEL_PATH = args.model
    result = evaluate(args.bio, args.baseline)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(f"{'type':6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}")
    for k in (*TYPES, "micro"):
        r = result[k]
        assert isinstance(r, dict)
        print(
            f"{k:6} {r['precision']:7.3f} {r['recall']:7.3f} {r['f1']:7.3f} {r['gold']:6} {r['predicted']:6}"
        )
    print(f"{result['sentences']} sentences in {result['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
