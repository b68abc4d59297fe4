import json
import subprocess
import sys

FIELDS = {
    "id",
    "file",
    "source",
    "date",
    "page",
    "title",
    "title_derived",
    "subtitles",
    "byline",
    "body",
    "captions",
    "continued_from",
    "continues_to",
    "provenance",
    "problems",
}


def run(*args):
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True)


def test_articles_json_on_the_seeds(tmp_path):
    r = run("articles", "--json", "--data-dir", str(tmp_path))
    assert r.returncode == 0, r.stderr
    arts = json.loads(r.stdout)
    assert len(arts) > 20
    assert set(arts[0]) >= FIELDS
    assert all(a["date"] is None or len(a["date"]) == 10 for a in arts)


def test_added_corpus_is_read_with_the_seeds(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "x.txt").write_text("我的标题\n\n本报讯 我的正文。\n", encoding="utf-8")
    data = tmp_path / "data"
    assert run("--data-dir", str(data), "corpus", "add", str(folder)).returncode == 0
    arts = json.loads(run("articles", "--json", "--data-dir", str(data)).stdout)
    assert "我的标题" in [a["title"] for a in arts]
    assert len(arts) > 20


def test_problems_and_missing_folder(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    r = run("problems", "--corpus", str(tmp_path), "--json", "--data-dir", str(tmp_path / "d"))
    assert r.returncode == 0
    assert json.loads(r.stdout)[0]["code"] == "binary"
    r = run("articles", "--corpus", str(tmp_path / "missing"), "--data-dir", str(tmp_path / "d"))
    assert r.returncode == 3
    assert "Traceback" not in r.stderr and "no such folder" in r.stderr
