"""The bundled rules, loaded once per test session."""

from __future__ import annotations

import pytest

from assistant.moderation import RuleSet, load_rules
from assistant.nlp import NlpPipeline
from assistant.settings import PROJECT_ROOT


@pytest.fixture(scope="session")
def ruleset(pipeline: NlpPipeline) -> RuleSet:
    return load_rules(PROJECT_ROOT / "rules", pipeline)
