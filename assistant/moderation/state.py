"""What conditions see while one message is evaluated: the message, its analysis, its context,
and per-message caches (lexicon hits, classifier scores) so every rule reuses them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from assistant.context import ChatContext
from assistant.models import Message
from assistant.moderation.classifiers import Classifier
from assistant.moderation.lexicons import LexiconHit, LexiconSet
from assistant.nlp import Analysis
from assistant.nlp.lemmas import Token


@dataclass(frozen=True)
class Evidence:
    """Why a condition holds: the matched span, a score and the threshold it passed."""

    detail: str
    span: str | None = None
    score: float | None = None
    threshold: float | None = None


@dataclass
class EvalState:
    message: Message
    analysis: Analysis
    context: ChatContext
    lexicons: LexiconSet
    classifiers: dict[str, Classifier]
    cache: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def words(self) -> list[Token]:
        """The message's words as the lexicons see them (what hit positions index into)."""
        return self.lexicons.words(self.analysis.tokens)

    @cached_property
    def hits(self) -> list[LexiconHit]:
        return self.lexicons.match_words(self.words, self.analysis.lang)

    def classifier_score(self, name: str) -> float:
        key = f"classifier:{name}"
        if key not in self.cache:
            model = self.classifiers[name]
            self.cache[key] = model.score(self.analysis)
        return float(self.cache[key])

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]
