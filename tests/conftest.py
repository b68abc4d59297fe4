import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def thucnews_dir() -> Path:
    path = SHARED / "corpora" / "thucnews-val"
    if not path.is_dir():
        pytest.skip("../shared/corpora/thucnews-val is not beside this checkout")
    return path
