"""Evaluates the loaded rules against one analysed message in its chat context (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assistant.context import ChatContext
from assistant.errors import ConfigError, Location, Problem
from assistant.models import Action, Flag, Message
from assistant.nlp import Analysis, NlpPipeline
from assistant.yamlfile import load_yaml, yaml_files


@dataclass
class FlagResult:
    flag: Flag
    actions: list[Action] = field(default_factory=list)
    priority: int = 0


@dataclass
class RuleSet:
    """A validated, compiled set of rules; swapped in whole on reload."""

    rules: list[object] = field(default_factory=list)
    version: str = ""

    def evaluate(self, message: Message, analysis: Analysis,
                 context: ChatContext) -> list[FlagResult]:
        return []


def load_rules(directory: Path, pipeline: NlpPipeline) -> RuleSet:
    """Load and validate every rule file under ``directory``; ConfigError lists every problem."""
    if not directory.is_dir():
        raise ConfigError([Problem(Location(str(directory)), "rules directory does not exist")])
    problems: list[Problem] = []
    for path in yaml_files(directory):
        _, errors = load_yaml(path, directory)
        problems.extend(errors)
    if problems:
        raise ConfigError(problems)
    return RuleSet()
