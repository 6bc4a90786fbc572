"""What conditions see while one message is evaluated: the message, its analysis, its context,
and per-message caches (lexicon hits, classifier scores) so every rule reuses them."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from assistant.context import ChatContext
from assistant.errors import Location, Problem, display_path
from assistant.models import Message
from assistant.moderation.lexicons import LexiconHit, LexiconSet
from assistant.nlp import Analysis


@dataclass(frozen=True)
class Evidence:
    """Why a condition holds: the matched span, a score and the threshold it passed."""

    detail: str
    span: str | None = None
    score: float | None = None
    threshold: float | None = None


@dataclass
class Classifier:
    """A linear model over the message embedding and its lemmas (weights are data in rules/)."""

    name: str
    bias: float
    embedding: np.ndarray
    lemmas: dict[str, float]

    def score(self, embedding: np.ndarray | None, lemmas: list[str] | None) -> float:
        total = self.bias
        if embedding is not None and embedding.shape == self.embedding.shape:
            total += float(self.embedding @ embedding)
        if lemmas:
            total += sum(self.lemmas.get(lemma, 0.0) for lemma in set(lemmas))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def load_classifiers(directory: Path) -> tuple[dict[str, Classifier], list[Problem]]:
    """Every ``models/NAME.json`` under the rules directory."""
    import json

    found: dict[str, Classifier] = {}
    problems: list[Problem] = []
    folder = directory / "models"
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            found[path.stem] = Classifier(path.stem, float(data["bias"]),
                                          np.asarray(data["embedding"], dtype=np.float32),
                                          {str(k): float(v) for k, v in data.get("lemmas", {}).items()})
        except (OSError, ValueError, KeyError, TypeError) as exc:
            problems.append(Problem(Location(display_path(path, directory)),
                                    f"cannot read classifier: {type(exc).__name__}: {exc}"))
    return found, problems


@dataclass
class EvalState:
    message: Message
    analysis: Analysis
    context: ChatContext
    lexicons: LexiconSet
    classifiers: dict[str, Classifier]
    cache: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def hits(self) -> list[LexiconHit]:
        return self.lexicons.match(self.analysis.tokens, self.analysis.lang)

    def classifier_score(self, name: str) -> float:
        key = f"classifier:{name}"
        if key not in self.cache:
            model = self.classifiers[name]
            self.cache[key] = model.score(self.analysis.embedding, self.analysis.lemmas)
        return float(self.cache[key])

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]
