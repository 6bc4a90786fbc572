"""FAQ fixtures: the bundled knowledge matched with the real pipeline (built once per module)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.context import ChatContext
from assistant.faq import FaqMatcher, FaqResult, load_knowledge
from assistant.faq.loader import FaqEntry
from assistant.nlp import NlpPipeline
from assistant.resources import build_matcher
from assistant.settings import PROJECT_ROOT, Settings


@pytest.fixture(scope="module")
def entries() -> list[FaqEntry]:
    return load_knowledge(PROJECT_ROOT / "knowledge").entries


@pytest.fixture(scope="module")
def matcher(pipeline: NlpPipeline, entries: list[FaqEntry]) -> FaqMatcher:
    return build_matcher(Settings(db=None, watch=False), pipeline, entries)


@pytest.fixture
def ask(pipeline: NlpPipeline, matcher: FaqMatcher) -> Callable[..., FaqResult | None]:
    def run(text: str, lang: str | None = None, on: FaqMatcher | None = None) -> FaqResult | None:
        return (on or matcher).match(pipeline.analyse(text, lang), ChatContext())

    return run
