"""Matches a member's message to the FAQ entry that answers it, or to nothing.

Scores are precomputed per entry at load (embeddings and lemma strings of every phrasing), so a
message costs one matrix product and a fuzzy pass over the few best candidates.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from assistant.context import ChatContext
from assistant.faq.loader import FaqEntry
from assistant.nlp import Analysis, NlpPipeline

FUZZY_WEIGHT = 0.3
TOP_CANDIDATES = 5


@dataclass
class FaqResult:
    entry: FaqEntry
    score: float  # calibrated, in [0, 1]
    second_score: float = 0.0
    status: str = "answered"  # answered | candidate


@dataclass
class MatchThresholds:
    answer: dict[str, float]
    candidate: dict[str, float]
    cross_lingual: bool = False

    def for_lang(self, lang: str) -> tuple[float, float]:
        return self.answer.get(lang, self.answer.get("en", 0.6)), self.candidate.get(
            lang, self.candidate.get("en", 0.45))


class FaqMatcher:
    def __init__(self, entries: list[FaqEntry], pipeline: NlpPipeline,
                 thresholds: MatchThresholds) -> None:
        self.entries = entries
        self.thresholds = thresholds
        phrasings: list[str] = []
        owners: list[int] = []
        for index, entry in enumerate(entries):
            for text in entry.phrasings:
                phrasings.append(text)
                owners.append(index)
        analyses = pipeline.analyse_batch(phrasings, [entries[i].lang for i in owners])
        self._owners = np.array(owners, dtype=np.int64)
        dim = pipeline.encoder.dim
        self._vectors = (np.stack([a.embedding for a in analyses]) if analyses
                         else np.zeros((0, dim), dtype=np.float32))
        self._lemmas = [" ".join(a.lemmas) for a in analyses]
        self._langs = [entries[i].lang or a.lang for i, a in zip(owners, analyses, strict=True)]

    def _entry_scores(self, vector: np.ndarray, lemmas: str) -> list[tuple[float, int]]:
        sims = self._vectors @ vector
        best: dict[int, float] = {}
        for row in np.argsort(-sims)[: TOP_CANDIDATES * 3]:
            fuzzy = fuzz.token_set_ratio(lemmas, self._lemmas[row]) / 100.0
            score = (1 - FUZZY_WEIGHT) * float(sims[row]) + FUZZY_WEIGHT * fuzzy
            owner = int(self._owners[row])
            best[owner] = max(best.get(owner, 0.0), score)
        return sorted(((s, i) for i, s in best.items()), reverse=True)

    def match(self, analysis: Analysis, context: ChatContext | None = None) -> FaqResult | None:
        """The best entry for a question, with its status; None when nothing is close enough."""
        if not self.entries or not analysis.is_question:
            return None
        answer_at, candidate_at = self.thresholds.for_lang(analysis.lang)
        lemmas = " ".join(analysis.lemmas)
        ranked = self._entry_scores(analysis.embedding, lemmas)
        ranked = [(s, i) for s, i in ranked if self._allowed(i, analysis.lang)]
        if not ranked:
            return None
        score, index = ranked[0]
        second = ranked[1][0] if len(ranked) > 1 else 0.0
        score = max(0.0, min(1.0, score))
        if score >= answer_at:
            return FaqResult(self.entries[index], score, second, "answered")
        if score >= candidate_at:
            return FaqResult(self.entries[index], score, second, "candidate")
        return None

    def _allowed(self, index: int, lang: str) -> bool:
        entry_lang = self.entries[index].lang
        return self.thresholds.cross_lingual or entry_lang is None or entry_lang == lang
