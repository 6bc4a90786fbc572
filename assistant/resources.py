"""The managers' files, loaded and validated as a whole: FAQ, bot texts and moderation rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from assistant.errors import ConfigError, Problem
from assistant.faq import FaqMatcher, Knowledge, load_knowledge
from assistant.faq.matcher import MatchThresholds
from assistant.moderation import RuleSet, load_rules
from assistant.nlp import NlpPipeline
from assistant.settings import Settings


@dataclass(frozen=True)
class Resources:
    """One consistent generation of everything loaded from rules/ and knowledge/."""

    knowledge: Knowledge
    matcher: FaqMatcher
    rules: RuleSet
    loaded_at: datetime


def load_resources(settings: Settings, pipeline: NlpPipeline) -> Resources:
    """Load both directories; ConfigError carries the problems of both, not just the first."""
    problems: list[Problem] = []
    knowledge = rules = None
    try:
        knowledge = load_knowledge(settings.knowledge)
    except ConfigError as exc:
        problems.extend(exc.problems)
    try:
        rules = load_rules(settings.rules, pipeline)
    except ConfigError as exc:
        problems.extend(exc.problems)
    if problems or knowledge is None or rules is None:
        raise ConfigError(problems)
    thresholds = MatchThresholds(settings.faq_answer_threshold, settings.faq_candidate_threshold,
                                 settings.faq_cross_lingual)
    matcher = FaqMatcher(knowledge.entries, pipeline, thresholds)
    return Resources(knowledge, matcher, rules, datetime.now(UTC))
