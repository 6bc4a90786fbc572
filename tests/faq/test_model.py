"""The per-FAQ ridge classifier: fitted on the entries' own phrasings, refitted on a new variant."""

from __future__ import annotations

import numpy as np

from assistant.context import ChatContext
from assistant.faq import FaqMatcher
from assistant.faq.loader import FaqEntry
from assistant.faq.matcher import LEARNED_SHARE, MatchThresholds, _weights
from assistant.faq.model import ridge_weights
from assistant.nlp import NlpPipeline


def _unit_rows(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_ridge_tells_apart_entries_that_differ_in_a_small_direction() -> None:
    # Both entries share one strong direction; only a weak one separates them. The centroids are
    # nearly equal, the classifier learns the weak direction.
    rng = np.random.default_rng(3)
    common = np.array([1.0, 0, 0, 0, 0, 0])
    a = _unit_rows(common + 0.15 * np.array([0, 1, 0, 0, 0, 0]) + 0.05 * rng.normal(size=(4, 6)))
    b = _unit_rows(common - 0.15 * np.array([0, 1, 0, 0, 0, 0]) + 0.05 * rng.normal(size=(4, 6)))
    weights = ridge_weights(np.vstack([a, b]), np.array([0, 4]), lam=0.1)
    assert weights.shape == (2, 6)
    query_a, query_b = _unit_rows(np.array([[1.0, 0.2, 0, 0, 0, 0], [1.0, -0.2, 0, 0, 0, 0]]))
    assert np.argmax(weights @ query_a) == 0 and np.argmax(weights @ query_b) == 1
    assert (weights @ query_a)[0] - (weights @ query_a)[1] > 0.5  # a clear margin, not a tie


def test_each_training_phrasing_is_classified_as_its_own_entry(pipeline: NlpPipeline) -> None:
    texts = ["Как записаться на смену?", "Хочу записаться на смену в субботу",
             "Как отменить смену?", "Не смогу прийти на смену, как отписаться?",
             "Где находится склад?", "Какой адрес у склада?"]
    vectors = np.stack([a.embedding for a in pipeline.analyse_batch(texts)]).astype(np.float32)
    weights = ridge_weights(vectors, np.array([0, 2, 4]))
    assert list(np.argmax(vectors @ weights.T, axis=1)) == [0, 0, 1, 1, 2, 2]
    assert ridge_weights(vectors[:0], np.array([], dtype=np.int64)).shape == (0, vectors.shape[1])


def _entries() -> list[FaqEntry]:
    return [FaqEntry(id="fuel", question="Компенсируете ли вы бензин водителям?", answer="Да", lang="ru"),
            FaqEntry(id="book", question="Как получить книжку волонтёра?", answer="Так", lang="ru",
                     variants=["Где взять волонтёрскую книжку?"])]


def test_learned_aggregate_folds_centroid_and_ridge_and_refits_on_a_new_variant(
        pipeline: NlpPipeline) -> None:
    matcher = FaqMatcher(_entries(), pipeline, MatchThresholds({"ru": 0.6}, {"ru": 0.3},
                                                               aggregate="learned"))
    index = matcher._index
    _, centroid_w, ridge_w, _ = _weights("learned")
    assert ridge_w == LEARNED_SHARE and centroid_w > 0
    sums = np.add.reduceat(index.vectors, index.starts, axis=0)
    centroids = sums / np.linalg.norm(sums, axis=1, keepdims=True)
    expected = centroid_w * centroids + ridge_w * ridge_weights(index.vectors, index.starts)
    assert np.allclose(index.dense, expected, atol=1e-5)
    before = index.dense.copy()
    matcher.add_variant("fuel", "куда сдавать чеки с заправки")
    after = matcher._index
    assert after.vectors.shape[0] == index.vectors.shape[0] + 1
    assert not np.allclose(after.dense[0], before[0], atol=1e-3)  # refitted, not kept
    refit = centroid_w * 0 + ridge_w * ridge_weights(after.vectors, after.starts)
    sums = np.add.reduceat(after.vectors, after.starts, axis=0)
    refit += centroid_w * sums / np.linalg.norm(sums, axis=1, keepdims=True)
    assert np.allclose(after.dense, refit, atol=1e-5)


def test_a_message_that_asks_nothing_is_still_ranked_but_never_answered(
        pipeline: NlpPipeline) -> None:
    matcher = FaqMatcher(_entries(), pipeline, MatchThresholds({"ru": 0.6}, {"ru": 0.3}))
    analysis = pipeline.analyse("Всем привет. Я получила книжку волонтёра. Всё оформили за день.")
    ranked = matcher.rank(analysis, 2)
    assert ranked and ranked[0][0] == "book"
    result = matcher.match(analysis, ChatContext())
    assert result is None or result.status != "answered"
