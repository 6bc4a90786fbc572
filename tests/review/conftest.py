"""Review fixtures: a real SQLite store in tmp_path, seeded with a realistic chat."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from review_seed import Seeded, seed

from assistant.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    instance = Store(tmp_path / "review.db")
    yield instance
    instance.close()


@pytest.fixture
def seeded(store: Store) -> Seeded:
    return seed(store)
