"""The library tree model, checked by pytest-qt's model tester in every state it can be in."""

from __future__ import annotations

import pytest

from reader.core.corpus import load_library
from reader.core.models import Article
from reader.ui.tree_model import ARTICLE_ID_ROLE, COUNT_ROLE, KIND_ROLE, LibraryTreeModel


@pytest.fixture(scope="module")
def seed_articles(seeds_dir):
    return load_library([seeds_dir]).articles


def many(n: int) -> list[Article]:
    return [
        Article(
            id=f"a{i}",
            file=f"{i}.txt",
            corpus="c",
            source=f"报{i % 7}" if i % 11 else None,
            date=f"2022-{1 + i % 12:02d}-{1 + i % 29:02d}" if i % 13 else None,
            page=1 + i % 4,
            title=f"标题{i}",
            title_derived=False,
            subtitles=[],
            byline=None,
            body="",
            captions=[],
        )
        for i in range(n)
    ]


def test_model_with_seeds(qtmodeltester, seed_articles):
    model = LibraryTreeModel()
    model.set_articles(seed_articles)
    qtmodeltester.check(model, force_py=True)
    assert model.total == 37
    ids = model.article_ids()
    assert sorted(ids) == sorted(a.id for a in seed_articles)
    idx = model.index_for_article(ids[5])
    assert idx.data(ARTICLE_ID_ROLE) == ids[5] and idx.data(KIND_ROLE) == "article"
    assert model.parent(idx).data(KIND_ROLE) == "date"


def test_model_filtered_and_reordered(qtmodeltester, seed_articles):
    """The tester stays connected and checks every reset the filter and the order cause."""
    model = LibraryTreeModel()
    model.set_articles(seed_articles)
    qtmodeltester.check(model, force_py=True)
    model.set_query("疫情")
    assert 0 < model.total < 37
    model.set_newest_first(False)
    model.set_query("no such words 无此词")
    assert model.rowCount() == 0 and model.total == 0
    model.set_query("")
    assert model.total == 37


def test_model_many_articles_unknowns_and_months(qtmodeltester):
    model = LibraryTreeModel()
    model.set_articles(many(600))
    qtmodeltester.check(model, force_py=True)
    top = [model.index(r, 0) for r in range(model.rowCount())]
    assert top[-1].data().startswith("Unknown source")
    first_source = top[0]
    # more than twelve dates: months come first
    assert model.index(0, 0, first_source).data(KIND_ROLE) == "month"
    assert sum(i.data(COUNT_ROLE) for i in top) == 600


def test_ten_thousand_articles_stay_lazy(seed_articles):
    """Only the top level is asked for until the view expands a node."""
    model = LibraryTreeModel()
    model.set_articles(many(10_000))
    assert model.rowCount() == 8  # seven sources and the unknown group
    assert len(model.article_ids()) == 10_000
