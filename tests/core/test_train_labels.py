"""How tools/train_ner.py turns part-of-speech tags into the entity labels the tagger learns,
checked on crafted lines in the corpus's word/tag format (no corpus needed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import train_ner  # noqa: E402

# A small corpus in the training file's format: it gives the lexicon its names, places and
# one-character place abbreviations (a name or place must be seen more than once).
CORPUS = (
    """
邓/nr  小平/nr  同志/n  说/v
邓/nr  小平/nr  指出/v
马克思/nr  说/v  马克思/nr  写/v
北京/ns  北京/ns  北京/ns  中国/ns  中国/ns  中国/ns
"""
    + "华/j  " * 12
    + "\n"
    + "京/j  " * 12
)


@pytest.fixture(autouse=True)
def lexicon(tmp_path):
    path = tmp_path / "corpus.txt"
    path.write_text(CORPUS, encoding="utf-8")
    saved = (train_ner.LEX, set(train_ner.RULES))
    train_ner.LEX = train_ner.Lexicon(train_ner.read_corpus(path))
    yield
    train_ner.LEX, rules = saved
    train_ner.RULES.clear()
    train_ner.RULES.update(rules)


def spans(line: str) -> list[tuple[str, str]]:
    """The labelled spans of one crafted line, as (text, type)."""
    tokens = [(t.rpartition("/")[0], t.rpartition("/")[2]) for t in line.split()]
    text, tags = train_ner.labels(tokens)
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(tags):
        if tags[i].startswith("B-"):
            kind = tags[i][2:]
            j = i + 1
            while j < len(tags) and tags[j] == "I-" + kind:
                j += 1
            out.append((text[i:j], kind))
            i = j
        else:
            assert tags[i] == "O", "an inside label must follow a beginning"
            i += 1
    return out


def test_lexicon_counts_names_places_and_abbreviations():
    lex = train_ner.LEX
    assert {"邓小平", "马克思"} <= lex.names
    assert {"北京", "中国"} <= lex.places
    assert {"华", "京"} <= lex.single_places


def test_plain_tags():
    assert spans("江/nr  泽民/nr  在/p  北京/ns  会见/v  新华社/nt  记者/n") == [
        ("江泽民", "PER"),
        ("北京", "LOC"),
        ("新华社", "ORG"),
    ]


def test_chain_to_an_organisations_head():
    assert spans("中国/ns  足球/n  协会/n  成立/v") == [("中国足球协会", "ORG")]
    assert spans("全国/n  人大/j  常委会/j  委员长/n") == [("全国人大常委会", "ORG")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("高举/v  邓小平理论/n  旗帜/n", [("邓小平", "PER")]),  # 1
        ("学习/v  马克思主义/n", [("马克思", "PER")]),
        ("总统/n  访华/v", [("华", "LOC")]),  # 2
        ("代表团/n  抵京/v", [("京", "LOC")]),
        ("欧盟/j  首脑/n", [("欧盟", "ORG")]),  # 3
        ("十五大/j  报告/n", [("十五大", "ORG")]),
        ("奥运会/j  开幕/v", []),  # an event, not an organisation
        ("国会/n  通过/v", [("国会", "ORG")]),  # 4
        ("美国/ns  财政部长/n  鲁/nr  宾/nr", [("美国财政部", "ORG"), ("鲁宾", "PER")]),  # 5
        ("为/p  中国队/n  加油/v", [("中国队", "ORG")]),  # 6
        ("中华/nz  民族/n", [("中华", "LOC")]),  # 7
        ("地球/n  上/f", [("地球", "LOC")]),  # 8
        ("东北/s  地区/n", [("东北", "LOC")]),  # 9
        ("东北/f  方向/n", []),  # a direction, not a region
        ("爱/v  京剧/n", [("京", "LOC")]),  # A
        ("北京/ns  图书/n  大厦/n", [("北京图书大厦", "LOC")]),  # B
        ("中国/ns  大使馆/n", [("中国", "LOC")]),  # an embassy is neither
        ("北京/ns  地区/n", [("北京", "LOC")]),
        ("中国/ns  海军/n", [("中国海军", "ORG")]),  # D
    ],
)
def test_scheme_conventions(line, expected):
    assert spans(line) == expected


def test_conventions_can_be_left_out():
    train_ner.RULES.clear()
    assert spans("高举/v  邓小平理论/n  旗帜/n") == []
    assert spans("欧盟/j  首脑/n") == []
    assert spans("美国/ns  财政部长/n") == [("美国", "LOC")]


def test_bio_file_sentences_and_repairs(tmp_path):
    from eval_ner import read_bio, read_bio_tags

    path = tmp_path / "s.bio"
    path.write_text(
        "张 B-PER\n三 I-PER\n在 O\n北 I-LOC\n京 I-LOC\n\n\n美 B-LOC\n方 O\n", encoding="utf-8"
    )
    assert read_bio_tags(path) == [
        ("张三在北京", ["B-PER", "I-PER", "O", "B-LOC", "I-LOC"]),  # a stray I- opens an entity
        ("美方", ["B-LOC", "O"]),
    ]
    assert read_bio(path)[0][1] == {(0, 2, "PER"), (3, 5, "LOC")}


@pytest.mark.parametrize("line", ["张 B-NAME", "张三 B-PER", "张 X-PER"])
def test_bio_file_errors_name_the_line(tmp_path, line):
    from eval_ner import read_bio_tags

    path = tmp_path / "bad.bio"
    path.write_text(f"在 O\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.bio:2:"):
        read_bio_tags(path)


def test_training_takes_sentences_labelled_in_the_scheme(tmp_path):
    """train_ner.py --bio: sentences already labelled are trained on with the corpus's (here a
    corpus in which nothing is an entity, so only the --bio labels can teach the model)."""
    import pycrfsuite

    from reader.core.entities.features import sentence_features

    corpus = tmp_path / "corpus.txt"
    corpus.write_text("他/r  来/v  了/u  。/w\n" * 5, encoding="utf-8")
    bio = tmp_path / "extra.bio"
    bio.write_text("去 O\n青 B-LOC\n岛 I-LOC\n", encoding="utf-8")
    model = tmp_path / "m.crfsuite"
    args = [sys.executable, str(ROOT / "tools" / "train_ner.py"), str(corpus), "--out", str(model)]
    args += ["--no-common-words", "--bio", str(bio), "--bio-repeat", "8", "--iterations", "30"]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "13 sentences" in done.stdout  # 5 corpus lines + 8 copies of the labelled one
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    assert tagger.tag(sentence_features("去青岛")) == ["O", "B-LOC", "I-LOC"]


def test_transliteration_characters_come_from_names_written_whole(tmp_path):
    lines = tmp_path / "corpus.txt"
    lines.write_text(
        "克林顿/nr  会见/v  江/nr  泽民/nr  和/c  欧阳/nr  明高/nr  ，/w  阿拉法特/nr  说/v\n",
        encoding="utf-8",
    )
    corpus = train_ner.read_corpus(lines)
    path = tmp_path / "chars.txt"
    train_ner.write_transliteration_chars(corpus, path)
    assert set(path.read_text(encoding="utf-8").split()) == set("克林顿阿拉法特")
