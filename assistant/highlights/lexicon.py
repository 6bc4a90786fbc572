"""The scorer's word lists (lexicon.yaml next to this module), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.errors import ConfigError, Location, Problem, did_you_mean
from assistant.nlp.normalize import fold
from assistant.yamlfile import line_of, load_yaml

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")
_KEYS = {"version", "thanks", "confirmations", "not_helped", "negatives", "specific",
         "question_types"}


@dataclass(frozen=True)
class Negative:
    name: str
    factor: float
    hedged_factor: float
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Lexicon:
    thanks: re.Pattern[str]
    confirmations: re.Pattern[str]
    not_helped: re.Pattern[str]
    negatives: tuple[Negative, ...]
    places: re.Pattern[str]
    durations: re.Pattern[str]
    numbers: re.Pattern[str]
    steps: re.Pattern[str]
    en_imperatives: frozenset[str]
    question_types: dict[str, re.Pattern[str]]


def compile_phrases(phrases: list[str]) -> re.Pattern[str]:
    """One alternation; plain phrases match whole words, ``re:`` items are regular expressions."""
    parts = []
    for phrase in phrases:
        phrase = str(phrase)
        if phrase.startswith("re:"):
            parts.append(f"(?:{phrase[3:]})")
        else:
            parts.append(r"(?<!\w)" + re.escape(fold(phrase)) + r"(?!\w)")
    return re.compile("|".join(parts) or r"(?!x)x")


def _list(data: Any, key: str, name: str, problems: list[Problem]) -> list[str]:
    value = data.get(key) if hasattr(data, "get") else None
    if not isinstance(value, list) or not value:
        problems.append(Problem(Location(name, line_of(data, key)), f"'{key}' must be a non-empty list"))
        return []
    return [str(v) for v in value]


def _negatives(data: Any, name: str, problems: list[Problem]) -> tuple[Negative, ...]:
    found = []
    for group, spec in (data or {}).items():
        phrases = _list(spec, "phrases", name, problems)
        factor = float(spec.get("factor", 0.5))
        if not 0 <= factor <= 1:
            problems.append(Problem(Location(name, line_of(spec, "factor")),
                                    f"negatives.{group}.factor must be in [0, 1], not {factor}"))
        found.append(Negative(group, factor, float(spec.get("hedged_factor", factor)),
                              compile_phrases(phrases)))
    return tuple(found)


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Load and compile the lexicon; every problem is reported as ``file:line: problem``."""
    document, problems = load_yaml(path)
    data = document.data if document else {}
    name = document.name if document else str(path)
    for key in data or {}:
        if key not in _KEYS:
            problems.append(Problem(Location(name, line_of(data, key)),
                                    f"unknown key '{key}'{did_you_mean(str(key), _KEYS)}"))
    specific = data.get("specific", {}) if data else {}
    types = data.get("question_types", {}) if data else {}
    lexicon = Lexicon(
        thanks=compile_phrases(_list(data, "thanks", name, problems)),
        confirmations=compile_phrases(_list(data, "confirmations", name, problems)),
        not_helped=compile_phrases(_list(data, "not_helped", name, problems)),
        negatives=_negatives(data.get("negatives") if data else None, name, problems),
        places=compile_phrases(_list(specific, "places", name, problems)),
        durations=compile_phrases(_list(specific, "durations", name, problems)),
        numbers=compile_phrases(_list(specific, "numbers", name, problems)),
        steps=compile_phrases(_list(specific, "steps", name, problems)),
        en_imperatives=frozenset(_list(specific, "en_imperatives", name, problems)),
        question_types={k: compile_phrases([str(p) for p in v]) for k, v in types.items()},
    )
    if problems:
        raise ConfigError(problems)
    return lexicon
