"""Moderation: the YAML rule engine that flags conflicts, toxicity and spam."""

from assistant.moderation.engine import FlagResult, RuleSet, load_rules

__all__ = ["FlagResult", "RuleSet", "load_rules"]
