"""Reads rules/*.yaml into compiled rules, reporting every problem as ``file:line: problem``."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from assistant.errors import Location, Problem, unknown_key
from assistant.moderation.conditions import AnyOf, Condition
from assistant.moderation.parse import CONDITION_KEYS, ParseContext, parse_condition
from assistant.yamlfile import YamlDocument, line_of

RULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CONDITION_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
FILE_KEYS = {"version", "conditions", "rules"}
RULE_KEYS = {"id", "description", "mode", "priority", "when", "unless", "flag", "reply", "notify",
             "examples"}
FLAG_KEYS = {"category", "severity", "reason"}
EXAMPLE_KEYS = {"match", "no_match"}
EXAMPLE_ITEM_KEYS = {"text", "reply_to", "author_role", "before"}
MODES = ("enforce", "shadow", "off")
SEVERITIES = ("low", "medium", "high")


@dataclass
class Example:
    text: str
    reply_to: str | None = None
    author_role: str = "member"
    before: list[str] = field(default_factory=list)
    location: Location = field(default_factory=lambda: Location("<memory>"))


@dataclass
class Rule:
    id: str
    when: Condition
    category: str
    severity: str
    reason: str
    unless: Condition | None = None
    mode: str = "enforce"
    priority: int = 0
    description: str = ""
    reply: dict[str, str] = field(default_factory=dict)
    notify: bool = False
    match_examples: list[Example] = field(default_factory=list)
    no_match_examples: list[Example] = field(default_factory=list)
    location: Location = field(default_factory=lambda: Location("<memory>"))
    version: str = ""


def file_version(doc: YamlDocument, raw: bytes) -> str:
    """``conflict.yaml@3+1a2b3c4d``: the declared version and the content hash."""
    declared = doc.data.get("version") if isinstance(doc.data, CommentedMap) else None
    digest = hashlib.sha1(raw).hexdigest()[:8]
    prefix = f"{doc.path.name}@{declared}+" if declared is not None else f"{doc.path.name}@"
    return prefix + digest


def rules_of(doc: YamlDocument, base: ParseContext, version: str) -> list[Rule]:
    data = doc.data
    if data is None:
        return []
    if not isinstance(data, CommentedMap):
        base.problems.append(Problem(doc.at(1), "a rules file is a mapping with a list under 'rules:'"))
        return []
    for key in data:
        if key not in FILE_KEYS:
            base.problems.append(Problem(doc.at(line_of(data, key)),
                                         unknown_key(str(key), FILE_KEYS, "file")))
    _named_conditions(data, base)
    seq = data.get("rules")
    if seq is None:
        return []
    if not isinstance(seq, CommentedSeq):
        base.problems.append(Problem(doc.at(line_of(data, "rules")), "'rules' must be a list"))
        return []
    found = [_rule(raw, seq, i, base, version) for i, raw in enumerate(seq)]
    return [r for r in found if r is not None]


def _named_conditions(data: CommentedMap, base: ParseContext) -> None:
    """The file's ``conditions:``, conditions that its rules reuse by name (``use: NAME``); each
    may use the ones defined before it."""
    if "conditions" not in data:
        return
    named = data["conditions"]
    if not isinstance(named, CommentedMap):
        base.problems.append(Problem(base.doc.at(line_of(data, "conditions")),
                                     "'conditions' maps a name to a condition, e.g. "
                                     "apologised: {lexicon: apologies}"))
        return
    for name, node in named.items():
        ctx = ParseContext(base.doc, f"condition '{name}'", base.lexicons, base.classifiers,
                           base.pipeline, named=base.named)
        if not isinstance(name, str) or not CONDITION_NAME.match(name) or name in CONDITION_KEYS:
            ctx.error(named, name, "a condition name is lowercase letters, digits, '-' or '_', "
                      "and not the name of a built-in condition")
        condition = parse_condition(node, named, name, ctx)
        base.problems.extend(ctx.problems)
        if condition is not None and not ctx.problems:
            base.named[str(name)] = condition


def _rule(raw: Any, seq: CommentedSeq, index: int, base: ParseContext, version: str) -> Rule | None:
    doc = base.doc
    line = line_of(seq, index)
    if not isinstance(raw, CommentedMap):
        base.problems.append(Problem(doc.at(line), "a rule is a mapping with id, when and flag"))
        return None
    rule_id = raw.get("id")
    where = f"rule '{rule_id}'" if isinstance(rule_id, str) else f"rule #{index + 1}"
    ctx = ParseContext(doc, where, base.lexicons, base.classifiers, base.pipeline, named=base.named)
    for key in raw:
        if key not in RULE_KEYS:
            ctx.problems.append(Problem(doc.at(line_of(raw, key)), unknown_key(str(key), RULE_KEYS, where)))
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        ctx.error(raw, "id" if "id" in raw else None, "id is required: kebab-case, e.g. insult-direct")
    when = parse_condition(raw["when"], raw, "when", ctx) if "when" in raw else None
    if "when" not in raw:
        ctx.error(raw, None, "'when' is required: the conditions under which the rule fires")
    unless = _unless(raw, ctx)
    mode = raw.get("mode", "enforce")
    if mode not in MODES:
        ctx.error(raw, "mode", f"mode '{mode}' must be one of {', '.join(MODES)}")
    priority = raw.get("priority", 0)
    if isinstance(priority, bool) or not isinstance(priority, int):
        ctx.error(raw, "priority", "priority must be a whole number (higher acts first)")
    category, severity, reason = _flag(raw, ctx)
    reply = _reply(raw, ctx)
    notify = raw.get("notify", False)
    if notify not in (True, False, "moderators"):
        ctx.error(raw, "notify", "notify takes true (or 'moderators') or false")
    match, no_match = _examples(raw, ctx)
    base.problems.extend(ctx.problems)
    if ctx.problems or when is None:
        return None
    return Rule(id=str(rule_id), when=when, unless=unless, mode=str(mode), priority=int(priority),
                category=category, severity=severity, reason=reason, reply=reply,
                notify=bool(notify), description=str(raw.get("description", "")),
                match_examples=match, no_match_examples=no_match, location=doc.at(line),
                version=version)


def _unless(raw: CommentedMap, ctx: ParseContext) -> Condition | None:
    if "unless" not in raw:
        return None
    value = raw["unless"]
    if isinstance(value, CommentedSeq):  # a list of exemptions: any of them exempts
        parts = [parse_condition(item, value, i, ctx) for i, item in enumerate(value)]
        return AnyOf([p for p in parts if p is not None]) if all(parts) and parts else None
    return parse_condition(value, raw, "unless", ctx)


def _flag(raw: CommentedMap, ctx: ParseContext) -> tuple[str, str, str]:
    node = raw.get("flag")
    if not isinstance(node, CommentedMap):
        ctx.error(raw, "flag" if "flag" in raw else None,
                  "'flag' is required: {category: conflict, severity: high, reason: ...}")
        return "", "", ""
    for key in node:
        if key not in FLAG_KEYS:
            ctx.error(node, key, unknown_key(str(key), FLAG_KEYS, "flag"))
    category, severity, reason = node.get("category"), node.get("severity", "medium"), node.get("reason")
    if not isinstance(category, str) or not RULE_ID.match(category):
        ctx.error(node, "category", "flag category is required (conflict, toxicity, spam or your own)")
    if severity not in SEVERITIES:
        ctx.error(node, "severity", f"severity '{severity}' must be one of {', '.join(SEVERITIES)}")
    if not isinstance(reason, str) or not reason.strip():
        ctx.error(node, "reason", "flag reason is required: what a moderator reads, may use {span}")
    return str(category), str(severity), str(reason or "").strip()


def _reply(raw: CommentedMap, ctx: ParseContext) -> dict[str, str]:
    node = raw.get("reply")
    if node is None:
        return {}
    if isinstance(node, str):
        return {"*": node.strip()}
    if isinstance(node, CommentedMap) and all(isinstance(v, str) for v in node.values()):
        return {str(k): str(v).strip() for k, v in node.items()}
    ctx.error(raw, "reply", "reply is a text or {ru: text, en: text}")
    return {}


def _examples(raw: CommentedMap, ctx: ParseContext) -> tuple[list[Example], list[Example]]:
    node = raw.get("examples")
    if node is None:
        return [], []
    if not isinstance(node, CommentedMap):
        ctx.error(raw, "examples", "examples is {match: [texts], no_match: [texts]}")
        return [], []
    for key in node:
        if key not in EXAMPLE_KEYS:
            ctx.error(node, key, unknown_key(str(key), EXAMPLE_KEYS, "examples"))
    return _example_list(node, "match", ctx), _example_list(node, "no_match", ctx)


def _example_list(node: CommentedMap, key: str, ctx: ParseContext) -> list[Example]:
    if node.get(key) is None:
        return []
    items = node[key]
    if not isinstance(items, CommentedSeq):
        ctx.error(node, key, f"examples.{key} must be a list")
        return []
    found = []
    for i, item in enumerate(items):
        at = ctx.doc.at(line_of(items, i))
        if isinstance(item, str):
            found.append(Example(item, location=at))
        elif isinstance(item, CommentedMap) and isinstance(item.get("text"), str):
            for sub in item:
                if sub not in EXAMPLE_ITEM_KEYS:
                    ctx.error(item, sub, unknown_key(str(sub), EXAMPLE_ITEM_KEYS, "example"))
            before = item.get("before") or []
            found.append(Example(str(item["text"]), item.get("reply_to"),
                                 str(item.get("author_role", "member")), [str(b) for b in before],
                                 at))
        else:
            ctx.error(items, i, "an example is a text or {text, reply_to, author_role, before}")
    return found
