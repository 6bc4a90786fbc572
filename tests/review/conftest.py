"""Review fixtures: a real SQLite store in tmp_path, seeded with a realistic chat."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.store import Store

sys.path.append(str(Path(__file__).resolve().parent))  # for review_seed (also used by tests/web)

from review_seed import Seeded, seed  # noqa: E402


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    instance = Store(tmp_path / "review.db")
    yield instance
    instance.close()


@pytest.fixture
def seeded(store: Store) -> Seeded:
    return seed(store)
