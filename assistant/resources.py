"""The managers' files, loaded and validated as a whole: FAQ, bot texts and moderation rules."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from assistant.errors import ConfigError, Problem
from assistant.faq import FaqEntry, FaqMatcher, Knowledge, load_knowledge
from assistant.faq.confidence import ConfidenceModel, load_confidence
from assistant.faq.learning import learned_variants
from assistant.faq.matcher import MatchThresholds
from assistant.moderation import RuleSet, load_rules
from assistant.nlp import NlpPipeline
from assistant.settings import Settings
from assistant.store import Store


@dataclass(frozen=True)
class Resources:
    """One consistent generation of everything loaded from rules/ and knowledge/."""

    knowledge: Knowledge
    matcher: FaqMatcher
    rules: RuleSet
    loaded_at: datetime


def load_resources(settings: Settings, pipeline: NlpPipeline,
                   store: Store | None = None) -> Resources:
    """Load both directories; ConfigError carries the problems of both, not just the first.

    With a ``store``, FAQ variants learned from moderators' decisions are matched too; the
    knowledge directory's own ``confidence.json`` decides whether to answer, when present."""
    problems: list[Problem] = []
    knowledge = rules = confidence = None
    try:
        knowledge = load_knowledge(settings.knowledge)
    except ConfigError as exc:
        problems.extend(exc.problems)
    try:
        confidence = load_confidence(settings.knowledge)
    except ConfigError as exc:
        problems.extend(exc.problems)
    try:
        rules = load_rules(settings.rules, pipeline)
    except ConfigError as exc:
        problems.extend(exc.problems)
    if problems or knowledge is None or rules is None or confidence is None:
        raise ConfigError(problems)
    matcher = build_matcher(settings, pipeline, knowledge.entries, store, confidence)
    return Resources(knowledge, matcher, rules, datetime.now(UTC))


def build_matcher(settings: Settings, pipeline: NlpPipeline, entries: list[FaqEntry],
                  store: Store | None = None, confidence: ConfidenceModel | None = None) -> FaqMatcher:
    """The FAQ matcher with the configured thresholds and the confidence model of
    ``settings.knowledge`` (its ``confidence.json``, else the bundled one) unless ``confidence``
    is given; with a ``store``, what moderators taught it is added: confirmed phrasings as
    variants, wrongly answered questions as ``not_for`` (the YAML itself is not changed)."""
    if store is not None:
        variants, not_for = learned_variants(store), learned_variants(store, "not_for")
        entries = [replace(e, variants=[*e.variants, *variants.get(e.id, [])],
                           not_for=[*e.not_for, *not_for.get(e.id, [])]) for e in entries]
    return FaqMatcher(entries, pipeline, MatchThresholds.from_settings(settings),
                      confidence or load_confidence(settings.knowledge))
