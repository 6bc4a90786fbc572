"""How sure the matcher is that its best entry answers the question: a small logistic model.

The inputs are evidence the similarity scores alone do not show: the density-calibrated score of
the best entry (``calibrate``), its lead over the second, how much of the question's specific
wording the entry covers (its phrasings and its answer, IDF-weighted) against the second entry,
the most specific question word the entry never mentions, the best single phrasing's cosine, the
lemma overlap, the question's length and whether it is a request. A near miss ("а парковка у
склада есть?" against the warehouse address) has a high similarity but leaves its most specific
word uncovered. The weights are data (``data/confidence.json``), fitted by
``assistant.faq.training`` on the project's own labelled chat sets (docs/quality/faq.md,
"Eleventh session"). A knowledge directory may carry its own model, fitted on its community's
questions (``assistant faq fit-confidence``): ``<knowledge>/confidence.json`` (``load_confidence``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.errors import ConfigError, Location, Problem, did_you_mean, display_path
from assistant.faq.lexical import LexicalIndex, content_lemmas

MODEL_FILE = Path(__file__).with_name("data") / "confidence.json"
KNOWLEDGE_MODEL = "confidence.json"  # a knowledge directory's own model, when present
BUNDLED = "bundled"
UNKNOWN_WEIGHT = 2.0  # a question word the FAQ never uses counts as a rare, specific one
CONTENT_CAP = 10  # question length in content lemmas, capped, scaled to [0, 1]
FEATURES = ("logit", "lead", "request", "max_similarity", "lexical", "coverage", "missing",
            "coverage_lead", "content", "english")


@dataclass(frozen=True)
class Coverage:
    """How much of a question's wording an entry covers."""

    share: float  # IDF-weighted share of the question's content lemmas found in the entry
    missing: float  # IDF weight of the most specific question lemma the entry lacks (0: none)


def coverage(lemmas: Iterable[str], entry_lemmas: frozenset[str], lexical: LexicalIndex) -> Coverage:
    """The coverage of a question's content lemmas by an entry's lemmas (phrasings and answer);
    a misspelt lemma counts as the FAQ word it is closest to (``LexicalIndex``)."""
    total = found = missing = 0.0
    for lemma in set(content_lemmas(list(lemmas))):
        resolved = lexical.resolve(lemma)
        weight = lexical.idf[resolved[0]] if resolved else UNKNOWN_WEIGHT
        total += weight
        if lemma in entry_lemmas or (resolved and resolved[0] in entry_lemmas):
            found += weight
        else:
            missing = max(missing, weight)
    return Coverage(found / total if total else 1.0, missing)


class ModelFileError(ConfigError, ValueError):
    """A confidence model file that cannot be used; its problem names the file (and line)."""


@dataclass(frozen=True)
class ConfidenceModel:
    """``p = σ(bias + Σ weight·feature)`` over named features; ``source`` says where it was read
    (a file as the user sees it, or ``bundled``)."""

    weights: Mapping[str, float]
    bias: float
    source: str = field(default="", compare=False)

    def probability(self, features: Mapping[str, float]) -> float:
        total = self.bias + sum(w * features[name] for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    @classmethod
    def from_file(cls, path: Path, root: Path | None = None) -> ConfidenceModel:
        """Reads ``{"weights": {feature: weight}, "bias": b}`` (other keys are notes); a broken
        file raises ``ModelFileError`` naming the file, the line and the problem."""
        name = display_path(path, root)
        try:
            text = path.read_text(encoding="utf-8")
            data = json.loads(text)
        except OSError as exc:
            raise ModelFileError([Problem(Location(name), f"cannot read file: {exc.strerror}")]) from exc
        except UnicodeDecodeError as exc:
            raise ModelFileError([Problem(Location(name), "file is not valid UTF-8")]) from exc
        except json.JSONDecodeError as exc:
            raise ModelFileError([Problem(Location(name, exc.lineno), f"not valid JSON: {exc.msg}")]) from exc
        problems = _model_problems(data, text, name)
        if problems:
            raise ModelFileError(problems)
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        return cls(weights, float(data["bias"]), name)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _line(text: str, key: str) -> int:
    """The line of a JSON key, 0 when not found."""
    found = re.search(r'"' + re.escape(key) + r'"\s*:', text)
    return text.count("\n", 0, found.start()) + 1 if found else 0


def _model_problems(data: Any, text: str, name: str) -> list[Problem]:
    """Every problem of a parsed model file."""
    if not isinstance(data, dict):
        return [Problem(Location(name, 1), 'must be a JSON object {"weights": {...}, "bias": number}')]
    problems = []
    for key in ("weights", "bias"):
        if key not in data:
            problems.append(Problem(Location(name, 1), f"'{key}' is required"))
    weights, bias = data.get("weights", {}), data.get("bias", 0.0)
    if not _is_number(bias):
        problems.append(Problem(Location(name, _line(text, "bias")),
                                f"'bias' must be a number, not {bias!r}"))
    if not isinstance(weights, dict):
        return [*problems, Problem(Location(name, _line(text, "weights")),
                                   "'weights' must be an object {feature: number}")]
    for key, value in weights.items():
        where = Location(name, _line(text, key))
        if key not in FEATURES:
            problems.append(Problem(where, f"unknown confidence feature '{key}'"
                                           f"{did_you_mean(key, set(FEATURES))}; "
                                           f"known: {', '.join(FEATURES)}"))
        elif not _is_number(value):
            problems.append(Problem(where, f"weight of '{key}' must be a number, not {value!r}"))
    return problems


@lru_cache(maxsize=1)
def bundled_model() -> ConfidenceModel:
    model = ConfidenceModel.from_file(MODEL_FILE)
    return ConfidenceModel(model.weights, model.bias, BUNDLED)


def knowledge_model_file(knowledge: Path) -> Path:
    """Where a knowledge directory keeps its own confidence model."""
    return knowledge / KNOWLEDGE_MODEL


def load_confidence(knowledge: Path) -> ConfidenceModel:
    """The confidence model of a knowledge directory: its ``confidence.json`` when present, else
    the bundled one. A broken file raises ``ModelFileError`` (a ``ConfigError``)."""
    path = knowledge_model_file(knowledge)
    if path.is_file():
        return ConfidenceModel.from_file(path, knowledge)
    return bundled_model()


def features(calibrated_logit: float, lead: float, request: bool, max_similarity: float,
             lexical: float, best: Coverage, second: Coverage, content: int,
             english: bool) -> dict[str, float]:
    """The model's inputs, by name (``data/confidence.json``)."""
    return {"logit": calibrated_logit, "lead": lead, "request": float(request),
            "max_similarity": max_similarity, "lexical": lexical,
            "coverage": best.share, "missing": best.missing,
            "coverage_lead": best.share - second.share,
            "content": min(content, CONTENT_CAP) / CONTENT_CAP, "english": float(english)}
