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
from assistant.moderation.disguise import cyrillic_copy
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
    # analyses a text (the pipeline); for the Cyrillic copy of a transliterated message
    reanalyse: Callable[[str, str], Analysis] | None = None

    @cached_property
    def words(self) -> list[Token]:
        """The message's words as the lexicons see them (what hit positions index into)."""
        return self.lexicons.words(self.analysis.tokens)

    @cached_property
    def hits(self) -> list[LexiconHit]:
        return self.lexicons.match_words(self.words, self.analysis.lang)

    @cached_property
    def cyrillic_analysis(self) -> Analysis | None:
        """A Russian message written in Latin letters, analysed in Cyrillic (``ty dolbaeb`` →
        «ты долбаеб»): the classifiers learned Cyrillic only. None for any other message."""
        if self.reanalyse is None or self.analysis.lang != "ru":
            return None
        text = cyrillic_copy(self.analysis.text)
        return self.reanalyse(text, "ru") if text else None

    def classifier_score(self, name: str) -> float:
        """The model's score of the message; of its Cyrillic copy for a transliterated message
        (Latin-spelled Russian misleads the models both ways: «privet, kak dela» scores abuse
        0.96, «ty dolbaeb» attack 0.23; in Cyrillic 0.00 and 0.96)."""
        key = f"classifier:{name}"
        if key not in self.cache:
            self.cache[key] = self.classifiers[name].score(self.cyrillic_analysis or self.analysis)
        return float(self.cache[key])

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]
