"""How sure the matcher is that its best entry answers the question: a small logistic model.

The inputs are evidence the similarity scores alone do not show: the density-calibrated score of
the best entry (``calibrate``), its lead over the second, how much of the question's specific
wording the entry covers (its phrasings and its answer, IDF-weighted) against the second entry,
the most specific question word the entry never mentions, the best single phrasing's cosine, the
lemma overlap, the question's length and whether it is a request. A near miss ("а парковка у
склада есть?" against the warehouse address) has a high similarity but leaves its most specific
word uncovered. The weights are data (``data/confidence.json``), fitted by
``assistant.faq.training`` on the project's own labelled chat sets (docs/quality/faq.md,
"Eleventh session").
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.faq.lexical import LexicalIndex, content_lemmas

MODEL_FILE = Path(__file__).with_name("data") / "confidence.json"
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


@dataclass(frozen=True)
class ConfidenceModel:
    """``p = σ(bias + Σ weight·feature)`` over named features."""

    weights: Mapping[str, float]
    bias: float

    def probability(self, features: Mapping[str, float]) -> float:
        total = self.bias + sum(w * features[name] for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    @classmethod
    def from_file(cls, path: Path) -> ConfidenceModel:
        """Reads ``{"weights": {feature: weight}, "bias": b}``; a feature the matcher does not
        compute is an error that names it."""
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        unknown = sorted(set(weights) - set(FEATURES))
        if unknown:
            raise ValueError(f"{path}: unknown confidence feature(s) {', '.join(unknown)}; "
                             f"known: {', '.join(FEATURES)}")
        return cls(weights, float(data["bias"]))


@lru_cache(maxsize=1)
def bundled_model() -> ConfidenceModel:
    return ConfidenceModel.from_file(MODEL_FILE)


def features(calibrated_logit: float, lead: float, request: bool, max_similarity: float,
             lexical: float, best: Coverage, second: Coverage, content: int,
             english: bool) -> dict[str, float]:
    """The model's inputs, by name (``data/confidence.json``)."""
    return {"logit": calibrated_logit, "lead": lead, "request": float(request),
            "max_similarity": max_similarity, "lexical": lexical,
            "coverage": best.share, "missing": best.missing,
            "coverage_lead": best.share - second.share,
            "content": min(content, CONTENT_CAP) / CONTENT_CAP, "english": float(english)}
