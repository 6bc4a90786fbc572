"""Web fixtures: the real app over a seeded store, users of each role, and a log-in helper."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

HERE = Path(__file__).resolve().parent
sys.path.extend(str(p) for p in (HERE, HERE.parent / "review") if str(p) not in sys.path)

from review_seed import seed  # noqa: E402
from web_session import PASSWORD, Review  # noqa: E402

from assistant.api.app import create_app  # noqa: E402
from assistant.auth import passwords  # noqa: E402
from assistant.auth.users import create_token, create_user  # noqa: E402
from assistant.nlp import NlpPipeline  # noqa: E402
from assistant.service import Assistant  # noqa: E402
from assistant.settings import PROJECT_ROOT, Settings  # noqa: E402
from assistant.store import Store  # noqa: E402


@pytest.fixture(scope="module")
def review_assistant(tmp_path_factory: pytest.TempPathFactory,
                     pipeline: NlpPipeline) -> Iterator[Assistant]:
    """One Assistant (rules and FAQ loaded once) per module; each test gets a fresh store."""
    root = tmp_path_factory.mktemp("review")
    settings = Settings(db=root / "unused.db", rules=PROJECT_ROOT / "rules",
                        knowledge=PROJECT_ROOT / "knowledge", watch=False)
    instance = Assistant(settings, pipeline=pipeline, store=Store(settings.db))
    yield instance
    instance.store.close()


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with small costs: the defaults take ~0.6 s a hash on this 2-core machine, and
    the web tests log in often (tests/review/test_auth.py covers the real parameters)."""
    monkeypatch.setattr(passwords, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024,
                                                              parallelism=1))


@pytest.fixture
def review(review_assistant: Assistant, tmp_path: Path) -> Iterator[Review]:
    """The real app over a seeded store; olga is a moderator, maria a manager, root an admin;
    one token per role."""
    store = Store(tmp_path / "review.db")
    review_assistant.store = store
    seeded = seed(store)
    for name, role in (("olga", "moderator"), ("maria", "manager"), ("root", "admin")):
        create_user(store, name, role, PASSWORD)
    tokens = {role: create_token(store, f"{role}-token", role)
              for role in ("ingest", "moderator", "manager")}
    app = create_app(review_assistant.settings, review_assistant)
    with TestClient(app, follow_redirects=False) as client:
        yield Review(client, seeded, tokens)
    store.close()
