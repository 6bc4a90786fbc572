"""Compiles the condition part of a rule (``when:`` / ``unless:``) from YAML, reporting every problem."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import re2
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from assistant.errors import Problem, did_you_mean, unknown_key
from assistant.moderation import conditions as c
from assistant.moderation import targets
from assistant.moderation.classifiers import Classifier
from assistant.moderation.lexicons import LexiconSet
from assistant.nlp import NlpPipeline
from assistant.yamlfile import YamlDocument, line_of

ROLES = {"member", "moderator", "manager", "bot"}
# condition name → the keys its mapping form accepts (None: scalar/list only)
CONDITION_KEYS: dict[str, set[str] | None] = {
    "all": None, "any": None, "not": None,
    "lexicon": None, "regex": {"pattern", "on"}, "similar_to": {"examples", "threshold"},
    "fuzzy": {"words", "threshold"}, "addressed_to_person": None, "quoted": None, "self_directed": None,
    "about_others": None, "about_member": None, "venting": None, "negated": None,
    "caps_ratio": {"min", "min_letters"}, "links": {"min"},
    "repeated_text": {"count", "minutes"}, "flood": {"count", "seconds"},
    "author_role": None, "chat": None, "language": None, "new_member": {"messages"},
    "classifier": {"model", "threshold"}, "thread_heat": {"min", "model", "minutes"},
    "use": None,
}


@dataclass
class ParseContext:
    doc: YamlDocument
    where: str
    lexicons: LexiconSet
    classifiers: dict[str, Classifier]
    pipeline: NlpPipeline
    problems: list[Problem] = field(default_factory=list)
    named: dict[str, c.Condition] = field(default_factory=dict)  # the file's ``conditions:``

    def error(self, node: Any, key: Any, message: str) -> None:
        self.problems.append(Problem(self.doc.at(line_of(node, key)), f"{self.where}: {message}"))


def parse_condition(node: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
    """One condition: a mapping with exactly one known key, or a list meaning ``all``."""
    if isinstance(node, CommentedSeq):
        return _combine(c.AllOf, node, parent, key, ctx)
    if not isinstance(node, CommentedMap) or len(node) != 1:
        ctx.error(parent, key, "a condition is a mapping with one key, e.g. {lexicon: insults}; "
                  f"known conditions: {', '.join(sorted(CONDITION_KEYS))}")
        return None
    name, value = next(iter(node.items()))
    if name not in CONDITION_KEYS:
        ctx.error(node, name, unknown_key(str(name), set(CONDITION_KEYS), "condition").split(": ", 1)[1])
        return None
    allowed = CONDITION_KEYS[name]
    if isinstance(value, CommentedMap) and allowed is not None:
        for sub in value:
            if sub not in allowed:
                ctx.error(value, sub, unknown_key(str(sub), allowed, str(name)))
    return _BUILDERS[name](value, node, name, ctx)


def _combine(kind: type, value: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
    if not isinstance(value, CommentedSeq) or not value:
        ctx.error(parent, key, f"'{key}' needs a non-empty list of conditions")
        return None
    parts = [parse_condition(item, value, i, ctx) for i, item in enumerate(value)]
    return kind([p for p in parts if p is not None]) if all(parts) else None


def _not(value: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
    inner = parse_condition(value, parent, key, ctx)
    return c.Not(inner) if inner is not None else None


def _names(value: Any, parent: Any, key: Any, ctx: ParseContext, what: str) -> set[str] | None:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(v, str) for v in items):
        ctx.error(parent, key, f"'{key}' takes a {what} or a list of them")
        return None
    return {str(v) for v in items}


def _lexicon_names(value: Any, parent: Any, key: Any, ctx: ParseContext) -> set[str] | None:
    names = _names(value, parent, key, ctx, "lexicon name")
    if names is None:
        return None
    for name in sorted(names - ctx.lexicons.names):
        ctx.error(parent, key, f"unknown lexicon '{name}'{did_you_mean(name, ctx.lexicons.names)}; "
                  "lexicons are rules/lexicons/NAME.LANG.txt")
    return names if names <= ctx.lexicons.names else None


def _on_lexicons(make: Callable[[set[str]], c.Condition]) -> Callable[..., c.Condition | None]:
    """The builder of a condition over named lexicons (``lexicon``, ``about_others``…)."""

    def build(value: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
        names = _lexicon_names(value, parent, key, ctx)
        return make(names) if names else None

    return build


def _venting(value: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
    if targets.Venting.exclamations not in ctx.lexicons.names:
        ctx.error(parent, key, f"'venting' needs the lexicon of exclamations "
                  f"rules/lexicons/{targets.Venting.exclamations}.LANG.txt")
        return None
    return _on_lexicons(targets.Venting)(value, parent, key, ctx)


def _regex(value: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
    pattern, on = (value, "normalized") if isinstance(value, str) else (
        (value.get("pattern"), value.get("on", "normalized")) if isinstance(value, dict) else (None, ""))
    if not isinstance(pattern, str) or on not in ("normalized", "text"):
        ctx.error(parent, key, "regex takes a pattern, or {pattern: ..., on: normalized | text}")
        return None
    try:
        compiled = re2.compile(pattern)
    except re2.error as exc:
        why = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        ctx.error(parent, key, f"regex /{pattern}/ is not valid RE2 syntax: {why}")
        return None
    return c.RegexCondition(compiled, pattern, on)


def _number(value: Any, parent: Any, key: Any, ctx: ParseContext, low: float, high: float,
            what: str) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        ctx.error(parent, key, f"{what} must be a number from {low:g} to {high:g}, got {value!r}")
        return None
    return float(value)


def _similar(value: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
    examples = value.get("examples") if isinstance(value, dict) else None
    if not isinstance(examples, list) or not examples or not all(isinstance(e, str) for e in examples):
        ctx.error(parent, key, "similar_to needs examples: [phrases] and threshold: 0..1")
        return None
    threshold = _number(value.get("threshold", 0.75), value, "threshold", ctx, 0, 1, "threshold")
    if threshold is None:
        return None
    vectors = ctx.pipeline.encoder.encode([str(e) for e in examples])
    return c.SimilarTo(vectors, [str(e) for e in examples], threshold)


def _fuzzy(value: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
    words = value.get("words") if isinstance(value, dict) else None
    if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
        ctx.error(parent, key, "fuzzy needs words: [words] and threshold: 0..100")
        return None
    threshold = _number(value.get("threshold", 85), value, "threshold", ctx, 0, 100, "threshold")
    return c.Fuzzy([str(w).lower() for w in words], threshold) if threshold is not None else None


def _flag_bool(value: Any, parent: Any, key: Any, ctx: ParseContext) -> bool | None:
    if not isinstance(value, bool):
        ctx.error(parent, key, f"'{key}' takes true or false")
        return None
    return value


def _addressed(value: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
    flag = _flag_bool(value, parent, key, ctx)
    return c.AddressedToPerson(flag) if flag is not None else None


def _quoted(value: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
    flag = _flag_bool(value, parent, key, ctx)
    return None if flag is None else (c.Quoted() if flag else c.Not(c.Quoted()))


def _options(value: Any, parent: Any, key: Any, ctx: ParseContext,
             spec: dict[str, tuple[float, float, float]]) -> list[float] | None:
    """Numeric options of a mapping (name → (low, high, default)); a bare number sets the first."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = {next(iter(spec)): value}
    if not isinstance(value, dict):
        ctx.error(parent, key, f"'{key}' takes {{{', '.join(spec)}}}")
        return None
    numbers = [_number(value.get(k, d), value, k, ctx, lo, hi, k) for k, (lo, hi, d) in spec.items()]
    return None if any(n is None for n in numbers) else [float(n) for n in numbers if n is not None]


def _simple(kind: type, spec: dict[str, tuple[float, float, float]]):  # type: ignore[no-untyped-def]
    def build(value: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
        numbers = _options(value, parent, key, ctx, spec)
        if numbers is None:
            return None
        return kind(*[int(n) if spec_default_is_int(k) else n for k, n in zip(spec, numbers, strict=True)])
    return build


def spec_default_is_int(name: str) -> bool:
    return name in ("min_letters", "count", "messages") or name == "min_links"


def _field_in(field_name: str, allowed: set[str] | None = None):  # type: ignore[no-untyped-def]
    def build(value: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
        names = _names(value, parent, key, ctx, field_name.replace("_", " "))
        if names is None:
            return None
        for bad in sorted(names - allowed) if allowed else []:
            ctx.error(parent, key, f"unknown {field_name} '{bad}'{did_you_mean(bad, allowed or set())}")
        return c.FieldIn(field_name, names)
    return build


def _new_member(value: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
    if isinstance(value, bool):
        return c.NewMember(value, 1)
    numbers = _options(value, parent, key, ctx, {"messages": (1, 1000, 1)})
    return c.NewMember(True, int(numbers[0])) if numbers else None


def _model(value: Any, parent: Any, key: Any, ctx: ParseContext) -> str | None:
    name = value.get("model", "abuse") if isinstance(value, dict) else "abuse"
    if name not in ctx.classifiers:
        ctx.error(parent, key, f"unknown classifier model '{name}'"
                  f"{did_you_mean(str(name), set(ctx.classifiers))}; models are rules/models/NAME.json")
        return None
    return str(name)


def _classifier(value: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
    model = _model(value, parent, key, ctx)
    raw = value.get("threshold", 0.5) if isinstance(value, dict) else value
    raw = raw if isinstance(raw, dict) else {"*": raw}
    thresholds = {str(lang): _number(t, parent, key, ctx, 0, 1, "threshold") for lang, t in raw.items()}
    if model is None or any(t is None for t in thresholds.values()):
        return None
    return c.ClassifierCondition(model, {k: float(v) for k, v in thresholds.items() if v is not None})


def _heat(value: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
    model = _model(value, parent, key, ctx)
    numbers = _options({k: v for k, v in value.items() if k != "model"} if isinstance(value, dict)
                       else value, parent, key, ctx, {"min": (0, 1, 0.5), "minutes": (1, 240, 15)})
    return c.ThreadHeat(numbers[0], model, numbers[1]) if model and numbers else None


def _use(value: Any, parent: Any, key: Any, ctx: ParseContext) -> c.Condition | None:
    """A named condition of the same file (``conditions:``), e.g. ``use: apologised``."""
    if isinstance(value, str) and value in ctx.named:
        return ctx.named[value]
    known = ", ".join(sorted(ctx.named)) or "none"
    hint = did_you_mean(str(value), set(ctx.named)) if isinstance(value, str) else ""
    ctx.error(parent, key, f"no condition named '{value}' in this file's 'conditions:'{hint}; known: {known}")
    return None


_BUILDERS = {
    "all": lambda v, p, k, ctx: _combine(c.AllOf, v, p, k, ctx),
    "any": lambda v, p, k, ctx: _combine(c.AnyOf, v, p, k, ctx),
    "not": _not, "lexicon": _on_lexicons(c.LexiconCondition),
    "regex": _regex, "similar_to": _similar, "fuzzy": _fuzzy,
    "addressed_to_person": _addressed, "quoted": _quoted,
    "self_directed": lambda v, p, k, ctx: targets.SelfDirected() if _flag_bool(v, p, k, ctx) else None,
    "about_others": _on_lexicons(targets.AboutOthers),
    "about_member": _on_lexicons(targets.AboutMember),
    "venting": _venting, "negated": _on_lexicons(targets.Negated),
    "caps_ratio": _simple(c.CapsRatio, {"min": (0, 1, 0.7), "min_letters": (1, 10_000, 10)}),
    "links": _simple(c.Links, {"min": (1, 1000, 1)}),
    "repeated_text": _simple(c.RepeatedText, {"count": (2, 1000, 3), "minutes": (0.1, 1440, 10)}),
    "flood": _simple(c.Flood, {"count": (2, 1000, 6), "seconds": (1, 3600, 60)}),
    "author_role": _field_in("author_role", ROLES), "chat": _field_in("chat"),
    "language": _field_in("language"), "new_member": _new_member,
    "classifier": _classifier, "thread_heat": _heat, "use": _use,
}
