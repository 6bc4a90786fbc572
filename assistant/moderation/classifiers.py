"""Classifier models for the ``classifier`` and ``thread_heat`` conditions: ``rules/models/NAME.json``.

Two kinds, chosen by the file's ``kind`` key:

- ``linear`` (default): a logistic regression over the message embedding, its lemmas and
  (optionally, ``char_ngrams``) hashed character n-grams of its lemmas, robust to inflection and
  obfuscation; weights stored in the file (trained by ``assistant.moderation.training``);
- ``profanity-check``: the English offensive-language model shipped in the ``alt-profanity-check``
  package (a linear SVM over word n-grams); ``languages`` limits it (other languages score 0).
"""

from __future__ import annotations

import json
import math
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from assistant.errors import Location, Problem, display_path
from assistant.nlp import Analysis


class Classifier(Protocol):
    name: str

    def score(self, analysis: Analysis) -> float:
        """Probability-like score in [0, 1] that the message is abusive."""

    def score_embedding(self, embedding: np.ndarray | None) -> float | None:
        """A score from a stored embedding alone (earlier messages), or None if the model cannot."""


def char_ngrams(lemmas: list[str], sizes: tuple[int, ...], buckets: int) -> set[int]:
    """Hashed character n-grams of each lemma, padded (``<дурак>``): the n-gram features."""
    found: set[int] = set()
    for lemma in set(lemmas):
        padded = f"<{lemma}>"
        for n in sizes:
            for i in range(len(padded) - n + 1):
                found.add(zlib.crc32(padded[i:i + n].encode("utf-8")) % buckets)
    return found


def _sigmoid(total: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


@dataclass
class LinearClassifier:
    """A linear model over the message embedding and its lemmas (weights are data in rules/)."""

    name: str
    bias: float
    embedding: np.ndarray
    lemmas: dict[str, float]
    ngrams: dict[int, float] = field(default_factory=dict)  # hashed bucket → weight
    ngram_sizes: tuple[int, ...] = ()
    buckets: int = 1

    def raw(self, embedding: np.ndarray | None, lemmas: list[str] | None) -> float:
        total = self.bias
        if embedding is not None and embedding.shape == self.embedding.shape:
            total += float(self.embedding @ embedding)
        if lemmas:
            total += sum(self.lemmas.get(lemma, 0.0) for lemma in set(lemmas))
            if self.ngrams:  # presence scaled by 1/sqrt(count), as in training
                grams = char_ngrams(lemmas, self.ngram_sizes, self.buckets)
                total += sum(self.ngrams.get(g, 0.0) for g in grams) / math.sqrt(len(grams) or 1)
        return _sigmoid(total)

    def score(self, analysis: Analysis) -> float:
        if not analysis.lemmas:  # nothing written (empty, only a mention or emoji): nothing abusive
            return 0.0
        return self.raw(analysis.embedding, analysis.lemmas)

    def score_embedding(self, embedding: np.ndarray | None) -> float | None:
        return self.raw(embedding, None)


@dataclass
class ProfanityCheckClassifier:
    """``alt-profanity-check``'s English model; texts of other languages score 0.

    The model is a ``CalibratedClassifierCV`` of linear SVMs with sigmoid calibration; its
    ``predict_proba`` spends ~6 ms a message in input validation, so the linear parts are taken
    out once at load and the same probability (the mean of the calibrated sigmoids) is computed
    with numpy (``tests/moderation/test_classifier_kinds.py`` checks they agree)."""

    name: str
    languages: frozenset[str] = frozenset({"en"})
    _vectorizer: Any = field(default=None, repr=False)
    _weights: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)), repr=False)
    _biases: np.ndarray = field(default_factory=lambda: np.zeros(0), repr=False)
    _calibration: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)), repr=False)

    def __post_init__(self) -> None:
        from profanity_check import profanity_check  # loads the vectorizer and the SVMs once

        self._vectorizer = profanity_check.vectorizer
        parts = profanity_check.model.calibrated_classifiers_
        self._weights = np.stack([p.estimator.coef_[0] for p in parts]).T  # features x parts
        self._biases = np.array([p.estimator.intercept_[0] for p in parts])
        self._calibration = np.array([[p.calibrators[0].a_, p.calibrators[0].b_] for p in parts])

    def score(self, analysis: Analysis) -> float:
        if analysis.lang not in self.languages or not analysis.text.strip():
            return 0.0
        decision = np.asarray(self._vectorizer.transform([analysis.text]) @ self._weights)[0]
        decision = decision + self._biases
        a, b = self._calibration[:, 0], self._calibration[:, 1]
        return float(np.mean(1.0 / (1.0 + np.exp(a * decision + b))))

    def score_embedding(self, embedding: np.ndarray | None) -> float | None:
        return None


def _linear(name: str, data: dict[str, Any]) -> Classifier:
    grams = data.get("char_ngrams") or {}
    return LinearClassifier(name, float(data["bias"]), np.asarray(data["embedding"], dtype=np.float32),
                            {str(k): float(v) for k, v in data.get("lemmas", {}).items()},
                            {int(k): float(v) for k, v in grams.get("weights", {}).items()},
                            tuple(int(n) for n in grams.get("sizes", ())), int(grams.get("buckets", 1)))


def _profanity(name: str, data: dict[str, Any]) -> Classifier:
    return ProfanityCheckClassifier(name, frozenset(str(x) for x in data.get("languages", ["en"])))


KINDS = {"linear": _linear, "profanity-check": _profanity}


def load_classifiers(directory: Path) -> tuple[dict[str, Classifier], list[Problem]]:
    """Every ``models/NAME.json`` under the rules directory."""
    found: dict[str, Classifier] = {}
    problems: list[Problem] = []
    folder = directory / "models"
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        where = Location(display_path(path, directory))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            kind = str(data.get("kind", "linear"))
            if kind not in KINDS:
                known = ", ".join(KINDS)
                problems.append(Problem(where, f"unknown classifier kind '{kind}' (known: {known})"))
                continue
            found[path.stem] = KINDS[kind](path.stem, data)
        except ImportError as exc:
            problems.append(Problem(where, f"classifier needs a package that is not installed: {exc}"))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            problems.append(Problem(where, f"cannot read classifier: {type(exc).__name__}: {exc}"))
    return found, problems
