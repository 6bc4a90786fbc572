"""Shared fixtures: the real models are loaded once per test session (per xdist worker)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.nlp import NlpPipeline
from assistant.nlp.encoders import load_encoder
from assistant.service import Assistant
from assistant.settings import PROJECT_ROOT, Settings
from assistant.store import Store

BUNDLED_RULES = PROJECT_ROOT / "rules"
BUNDLED_KNOWLEDGE = PROJECT_ROOT / "knowledge"


@pytest.fixture(scope="session")
def pipeline() -> NlpPipeline:
    """The real pipeline: USE multilingual, spaCy blank tokenizers, pymorphy3."""
    return NlpPipeline(load_encoder("use"))


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """Editable copies of the bundled rules/ and knowledge/ (rules_dir, knowledge_dir)."""
    rules = tmp_path / "rules"
    knowledge = tmp_path / "knowledge"
    shutil.copytree(BUNDLED_RULES, rules)
    shutil.copytree(BUNDLED_KNOWLEDGE, knowledge)
    return rules, knowledge


@pytest.fixture
def make_settings(tmp_path: Path, files: tuple[Path, Path]) -> Callable[..., Settings]:
    def build(**overrides: object) -> Settings:
        values: dict[str, object] = {"db": tmp_path / "assistant.db", "rules": files[0],
                                     "knowledge": files[1], "watch": False}
        values.update(overrides)
        return Settings(**values)  # type: ignore[arg-type]

    return build


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings()


@pytest.fixture
def assistant(settings: Settings, pipeline: NlpPipeline) -> Iterator[Assistant]:
    """An Assistant over a real SQLite file in tmp_path and copies of the bundled files."""
    instance = Assistant(settings, pipeline=pipeline, store=Store(settings.db))
    yield instance
    instance.store.close()


@pytest.fixture
def client(settings: Settings, assistant: Assistant) -> Iterator[TestClient]:
    with TestClient(create_app(settings, assistant)) as test_client:
        yield test_client
