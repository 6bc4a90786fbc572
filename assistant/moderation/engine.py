"""Evaluates the loaded rules against one analysed message in its chat context (no I/O)."""

from __future__ import annotations

import hashlib
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.context import ChatContext
from assistant.errors import ConfigError, Location, Problem
from assistant.models import Action, Flag, Message
from assistant.moderation.classifiers import Classifier, load_classifiers
from assistant.moderation.lexicons import LexiconSet, load_lexicons
from assistant.moderation.loader import Rule, file_version, rules_of
from assistant.moderation.parse import ParseContext
from assistant.moderation.state import EvalState, Evidence
from assistant.nlp import Analysis, NlpPipeline
from assistant.yamlfile import load_yaml, yaml_files


@dataclass
class FlagResult:
    flag: Flag
    actions: list[Action] = field(default_factory=list)
    priority: int = 0


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def render(template: str, **values: Any) -> str:
    return string.Formatter().vformat(template, (), _Blank(values))


@dataclass
class RuleSet:
    """A validated, compiled set of rules; swapped in whole on reload."""

    rules: list[Rule] = field(default_factory=list)
    version: str = ""
    lexicons: LexiconSet | None = None
    classifiers: dict[str, Classifier] = field(default_factory=dict)
    pipeline: NlpPipeline | None = None  # re-reads a transliterated message in Cyrillic

    def state(self, message: Message, analysis: Analysis, context: ChatContext) -> EvalState:
        lexicons = self.lexicons or LexiconSet(lambda w: w)
        reanalyse = self.pipeline.analyse if self.pipeline is not None else None
        return EvalState(message, analysis, context, lexicons, self.classifiers, reanalyse=reanalyse)

    def evaluate(self, message: Message, analysis: Analysis,
                 context: ChatContext) -> list[FlagResult]:
        """Every rule that fires (shadow ones marked), highest priority first; rules in mode off
        are skipped. Only the highest-priority rule of a category keeps its actions."""
        state = self.state(message, analysis, context)
        results = []
        for rule in sorted(self.rules, key=lambda r: -r.priority):
            if rule.mode == "off":
                continue
            result = self.fire(rule, state)
            if result is not None:
                results.append(result)
        acted: set[str] = set()
        for result in results:
            if result.flag.mode == "shadow":
                continue
            if result.flag.category in acted:
                result.actions = []
            acted.add(result.flag.category)
        return results

    def explain(self, rule: Rule, state: EvalState) -> tuple[Evidence | None, Evidence | None]:
        """(why it matched, what exempted it) for one rule — for ``assistant try``."""
        evidence = rule.when.test(state)
        exempt = rule.unless.test(state) if evidence is not None and rule.unless else None
        return evidence, exempt

    def fire(self, rule: Rule, state: EvalState) -> FlagResult | None:
        evidence, exempt = self.explain(rule, state)
        if evidence is None or exempt is not None:
            return None
        message = state.message
        values = {"span": evidence.span or "", "score": evidence.score, "rule": rule.id,
                  "author": message.author_name or message.author, "detail": evidence.detail}
        flag = Flag(category=rule.category, rule=rule.id, severity=rule.severity,  # type: ignore[arg-type]
                    reason=render(rule.reason, **values),
                    score=evidence.score if evidence.score is not None else 1.0,
                    threshold=evidence.threshold, span=evidence.span, rule_version=rule.version,
                    mode="shadow" if rule.mode == "shadow" else "enforce")
        return FlagResult(flag, self._actions(rule, state.analysis.lang, message, values),
                          rule.priority)

    @staticmethod
    def _actions(rule: Rule, lang: str, message: Message, values: dict[str, Any]) -> list[Action]:
        actions = []
        template = rule.reply.get(lang) or rule.reply.get("*") or rule.reply.get("en")
        if template:
            actions.append(Action(type="reply", text=render(template, **values), reply_to=message.id))
        if rule.notify:
            actions.append(Action(type="notify", target="moderators",
                                  text=f"{rule.id}: {render(rule.reason, **values)}"))
        return actions


def load_rules(directory: Path, pipeline: NlpPipeline) -> RuleSet:
    """Load and validate every rule file under ``directory``; ConfigError lists every problem."""
    if not directory.is_dir():
        raise ConfigError([Problem(Location(str(directory)), "rules directory does not exist")])
    lexicons, problems = load_lexicons(directory, pipeline.lemmatizer.lemma)
    classifiers, model_problems = load_classifiers(directory)
    problems += model_problems
    rules: list[Rule] = []
    digest = hashlib.sha1()
    for path in yaml_files(directory):
        doc, errors = load_yaml(path, directory)
        problems.extend(errors)
        if doc is None:
            continue
        raw = path.read_bytes()
        digest.update(raw)
        ctx = ParseContext(doc, "", lexicons, classifiers, pipeline)
        rules += rules_of(doc, ctx, file_version(doc, raw))
        problems.extend(ctx.problems)
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen:
            problems.append(Problem(rule.location, f"rule id '{rule.id}' is already used at "
                                    f"{seen[rule.id].location}"))
        seen[rule.id] = rule
    if problems:
        raise ConfigError(problems)
    return RuleSet(rules, digest.hexdigest()[:12], lexicons, classifiers, pipeline)
