"""Calibration: how sure the matcher is depends on the FAQ it matches against, not only the scores."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from assistant.faq import FaqMatcher, FaqResult
from assistant.faq.loader import FaqEntry
from assistant.faq.matcher import DENSITY_RANGE, MatchThresholds, calibrate, centroids_of, faq_density
from assistant.nlp import NlpPipeline

Ask = Callable[..., FaqResult | None]


def test_the_same_scores_are_surer_in_a_sparse_faq_than_in_a_crowded_one() -> None:
    sparse, crowded = calibrate(0.4, 0.3, density=0.45), calibrate(0.4, 0.3, density=0.75)
    assert 0.0 < crowded < sparse < 1.0
    assert calibrate(0.4, 0.3, density=0.0) == calibrate(0.4, 0.3, density=DENSITY_RANGE[0])
    assert calibrate(0.4, 0.2, density=0.6) > calibrate(0.4, 0.3, density=0.6)


def test_density_is_the_median_nearest_neighbour_cosine_within_a_language() -> None:
    vectors = np.array([[1.0, 0.0, 0.0], [0.8, 0.6, 0.0], [0.0, 0.0, 1.0], [0.6, 0.8, 0.0]],
                       dtype=np.float32)
    langs: list[str | None] = ["ru", "ru", "ru", "en"]
    density = faq_density(centroids_of(vectors, np.arange(4)), langs)
    # ru nearest neighbours: 0.8, 0.8 and 0 (the third is orthogonal to both); en is alone.
    assert density == pytest.approx({"ru": 0.8, "en": 0.0})


def test_a_long_chat_question_with_a_modest_score_is_answered(ask: Ask) -> None:
    text = ("Всем доброго утра! Я студентка, живу в общежитии, времени мало, но очень хочу быть "
            "полезной. Есть ли задачи, которые можно делать не выходя из дома?")
    result = ask(text)
    assert result is not None and (result.entry.id, result.status) == ("remote-volunteering", "answered")
    assert "дома" in result.matched_text and "доброго утра" not in result.matched_text


@pytest.mark.parametrize(("text", "expected"), [
    ("Привет! Вчера записался на смену в четверг, а теперь на работе аврал(( Как отменить запись?",
     "shift-cancel"),
    ("Добрый день! Хочу в эту субботу выйти на склад, как записаться на смену?", "shift-signup"),
])
def test_near_neighbour_entries_are_told_apart(ask: Ask, text: str, expected: str) -> None:
    result = ask(text)
    assert result is not None and (result.entry.id, result.status) == (expected, "answered")


def test_near_twin_entries_need_a_larger_lead(pipeline: NlpPipeline, ask: Ask) -> None:
    entries = [FaqEntry(id="school", question="Как получить справку для школы?", answer="A", lang="ru"),
               FaqEntry(id="uni", question="Как получить справку для вуза?", answer="B", lang="ru")]
    loose = MatchThresholds({"ru": 0.5}, {"ru": 0.3}, margin=0.04)
    twins = FaqMatcher(entries, pipeline, loose)
    result = ask("Как получить справку?", on=twins)
    assert result is not None and result.status == "candidate"
    exact = ask("Как получить справку для вуза?", on=twins)
    assert exact is not None and (exact.entry.id, exact.status) == ("uni", "answered")
