"""The FAQ confidence model: coverage of the question's wording, the model file, its effect."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.faq import FaqMatcher, FaqResult
from assistant.faq.confidence import FEATURES, UNKNOWN_WEIGHT, ConfidenceModel, bundled_model, coverage
from assistant.faq.lexical import LexicalIndex
from assistant.faq.training import fit
from assistant.nlp import NlpPipeline

Ask = Callable[..., FaqResult | None]


def test_coverage_counts_covered_and_misspelt_words_and_names_the_most_specific_missing_one() -> None:
    index = LexicalIndex([["записаться", "на", "смена"], ["адрес", "склад"]], [0, 1])
    signup = frozenset({"записаться", "смена", "суббота"})
    assert coverage(["как", "записаться", "на", "смена"], signup, index).share == 1.0
    # a typo counts as the FAQ word it is closest to
    assert coverage(["записатся", "смена"], signup, index).share == 1.0
    near_miss = coverage(["парковка", "у", "склад"], frozenset({"адрес", "склад"}), index)
    assert 0.0 < near_miss.share < 1.0
    assert near_miss.missing == UNKNOWN_WEIGHT  # "парковка": a word the FAQ never uses
    assert coverage(["адрес", "склад"], frozenset({"адрес", "склад"}), index).missing == 0.0


def test_the_model_file_gives_a_logistic_probability(tmp_path: Path) -> None:
    path = tmp_path / "confidence.json"
    path.write_text(json.dumps({"weights": {"coverage": 2.0, "lead": 1.0}, "bias": -1.0}))
    model = ConfidenceModel.from_file(path)
    found = model.probability({"coverage": 0.5, "lead": 0.5, "english": 1.0})
    assert found == pytest.approx(1 / (1 + math.exp(-(2.0 * 0.5 + 1.0 * 0.5 - 1.0))))


def test_an_unknown_feature_in_the_model_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "confidence.json"
    path.write_text(json.dumps({"weights": {"coverage": 1.0, "sentiment": 0.3}, "bias": 0.0}))
    with pytest.raises(ValueError, match="sentiment"):
        ConfidenceModel.from_file(path)


def test_the_bundled_model_uses_only_features_the_matcher_computes() -> None:
    assert set(bundled_model().weights) <= set(FEATURES)
    assert bundled_model().weights["coverage"] > 0  # covering the question's wording helps


def test_a_question_the_entry_does_not_cover_is_less_certain(pipeline: NlpPipeline,
                                                           matcher: FaqMatcher, ask: Ask) -> None:
    asked = matcher.assess(pipeline.analyse("а на складе есть туалет?"))
    plain = matcher.assess(pipeline.analyse("где находится склад?"))
    assert asked is not None and plain is not None
    assert asked.entry.id == plain.entry.id == "warehouse-address"
    assert asked.evidence["coverage"] < plain.evidence["coverage"] == 1.0
    assert asked.evidence["missing"] > 0 == plain.evidence["missing"]
    near_miss, answer = ask("а на складе есть туалет?"), ask("где находится склад?")
    assert answer is not None and answer.status == "answered"
    assert near_miss is None or near_miss.status == "candidate"
    assert near_miss is None or near_miss.score < answer.score


def test_fitting_learns_weights_that_follow_the_evidence() -> None:
    rows = [{"coverage": c / 10, "lead": 0.1} for c in range(11)] * 3
    labels = [int(row["coverage"] > 0.5) for row in rows]
    model = fit(rows, labels)
    assert model.weights["coverage"] > 0
    assert model.probability({"coverage": 1.0, "lead": 0.1}) > 0.5 > model.probability(
        {"coverage": 0.0, "lead": 0.1})
