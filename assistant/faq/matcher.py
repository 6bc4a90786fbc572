"""Matches a member's message to the FAQ entry that answers it, or to nothing.

Hybrid score per entry: sentence-embedding similarity (max over the entry's phrasings, their
centroid, a mix of both, or that mix with a ridge classifier fitted at load on the phrasings,
``model.py``) and IDF-weighted lemma overlap (``lexical.py``), combined; whether to answer the
best entry is decided by a confidence model over the evidence (``confidence.py``), in [0, 1].
Only the question of a message is matched: a greeting, a story or a thanks around it is left out.
When the two best entries are too close, the matcher does not guess.
Everything per entry is precomputed at load; a message costs a matrix product and a bincount.
"""

from __future__ import annotations

import math
from copy import copy
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

import numpy as np

from assistant.context import ChatContext
from assistant.faq.confidence import ConfidenceModel, bundled_model, coverage, features
from assistant.faq.lexical import LexicalIndex, content_lemmas
from assistant.faq.loader import FaqEntry
from assistant.faq.model import ridge_weights
from assistant.nlp import Analysis, NlpPipeline
from assistant.nlp.normalize import normalize
from assistant.nlp.pipeline import Segment
from assistant.nlp.questions import sentence_kind

if TYPE_CHECKING:
    from assistant.settings import Settings

Aggregate = Literal["max", "centroid", "mix", "learned"]
# Weights of the combined similarity, and the calibration that turns the best similarity, its
# lead over the second entry and the density of the FAQ into the probability that the best entry
# is right: a logistic regression fitted on the development halves of the evaluation sets and the
# dev chat sets tests/data/faq_chat.jsonl + faq_chat_weak.jsonl (docs/quality/faq.md, "Third session").
EMBEDDING_WEIGHT = 0.75
LEXICAL_WEIGHT = 0.25
MIX_MAX_SHARE = 0.5
LEARNED_SHARE = 0.2  # "learned": the ridge classifier's share against the "mix" score
# (top, top - second, density of the FAQ, intercept); the density is the median cosine between an
# entry's centroid and its nearest neighbour's (same language), clipped to the fitted range: a
# crowded FAQ (286 overlapping RUTUBE entries) needs more evidence than a small, clean one.
CALIBRATION = (3.85, 7.01, -5.37, 1.74)
DENSITY_RANGE = (0.4, 0.8)
RAW_FLOOR = 0.3  # below this similarity nothing is even a candidate
TWIN_COSINE = 0.85  # two entries whose centroids are this close are twins: the lead must be doubled
_COURTESY = ("greeting", "thanks")  # sentences left out of the matched text
LEANING_CONTENT = 2  # a question with fewer content lemmas is matched with the sentence before it
# a question this close to one of an entry's ``not_for`` questions (and closer to it than to any of
# the entry's phrasings) is never answered with that entry (docs/quality/faq.md, "Tenth session")
NOT_FOR_COSINE = 0.7


@dataclass
class FaqResult:
    entry: FaqEntry
    score: float  # the confidence model's probability that the entry is right, in [0, 1]
    second_score: float = 0.0
    status: str = "answered"  # answered | candidate
    matched_text: str = ""  # the part of the message that was matched


@dataclass
class MatchThresholds:
    answer: dict[str, float]
    candidate: dict[str, float]
    cross_lingual: bool = False
    margin: float = 0.04  # the best entry must beat the second by this much to be answered
    request_extra: float = 0.08  # a request without a question needs a higher score
    aggregate: Aggregate = "learned"

    def for_lang(self, lang: str) -> tuple[float, float]:
        return self.answer.get(lang, self.answer.get("en", 0.8)), self.candidate.get(
            lang, self.candidate.get("en", 0.5))

    @classmethod
    def from_settings(cls, settings: Settings) -> MatchThresholds:
        return cls(settings.faq_answer_threshold, settings.faq_candidate_threshold,
                   settings.faq_cross_lingual, settings.faq_margin, settings.faq_request_extra,
                   settings.faq_aggregate)


@dataclass
class _Unit:
    """A part of a message to match: its text, embedding and lemmas."""

    text: str
    embedding: np.ndarray
    lemmas: list[str]
    kind: str


@dataclass
class _Index:
    """Everything per entry, precomputed. The score of an entry for a query embedding ``q`` is
    ``max_weight * max(vectors_e @ q) + dense_e @ q + lexical_weight * lexical_e``: every linear
    part (centroid, ridge classifier) is folded into the one ``dense`` matrix."""

    vectors: np.ndarray  # phrasings x dim
    starts: np.ndarray  # first phrasing row of each entry
    dense: np.ndarray  # entries x dim
    max_weight: float
    lexical_weight: float
    lexical: LexicalIndex
    entries: list[FaqEntry] = field(default_factory=list)
    langs: list[str | None] = field(default_factory=list)
    centroids: np.ndarray | None = None  # entries x dim, unit length
    density: dict[str | None, float] = field(default_factory=dict)  # per language, see calibrate()
    not_for: np.ndarray | None = None  # the entries' not_for questions x dim
    not_for_owners: np.ndarray | None = None  # the entry index of each not_for row
    # content lemmas of each entry's phrasings and answer (what the entry covers, confidence.py)
    entry_lemmas: list[frozenset[str]] = field(default_factory=list)


@dataclass
class _Assessment:
    """The best entry for a question and the evidence the decision to answer rests on."""

    entry: FaqEntry
    unit: _Unit
    second: float
    clear_lead: bool  # the best entry beats the second by the margin
    ruled_out: bool  # the question is one of the best entry's ``not_for``
    evidence: dict[str, float]  # the confidence model's inputs


def _weights(aggregate: Aggregate) -> tuple[float, float, float, float]:
    """(max, centroid, ridge, lexical) weights of an aggregate."""
    if aggregate == "max":
        return EMBEDDING_WEIGHT, 0.0, 0.0, LEXICAL_WEIGHT
    if aggregate == "centroid":
        return 0.0, EMBEDDING_WEIGHT, 0.0, LEXICAL_WEIGHT
    mix_max, mix_centroid = EMBEDDING_WEIGHT * MIX_MAX_SHARE, EMBEDDING_WEIGHT * (1 - MIX_MAX_SHARE)
    if aggregate == "mix":
        return mix_max, mix_centroid, 0.0, LEXICAL_WEIGHT
    keep = 1.0 - LEARNED_SHARE
    return keep * mix_max, keep * mix_centroid, LEARNED_SHARE, keep * LEXICAL_WEIGHT


def calibrated_logit(top: float, second: float, density: float = DENSITY_RANGE[0]) -> float:
    """The log-odds that the entry with similarity ``top`` is the right one, from the scores
    alone, in a FAQ whose entries lie ``density`` apart (``faq_density``)."""
    a, b, c, d = CALIBRATION
    density = min(max(density, DENSITY_RANGE[0]), DENSITY_RANGE[1])
    return a * top + b * (top - second) + c * density + d


def calibrate(top: float, second: float, density: float = DENSITY_RANGE[0]) -> float:
    """``calibrated_logit`` as a probability in [0, 1]."""
    return float(1.0 / (1.0 + math.exp(-calibrated_logit(top, second, density))))


def centroids_of(vectors: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """The unit-length mean phrasing vector of every entry."""
    if not len(starts):
        return np.zeros((0, vectors.shape[1]), dtype=np.float32)
    sums = np.add.reduceat(vectors.astype(np.float64), starts, axis=0)
    return (sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9)).astype(np.float32)


def faq_density(centroids: np.ndarray, langs: list[str | None]) -> dict[str | None, float]:
    """Per language: the median, over entries, of the cosine between an entry's centroid and the
    closest other centroid of the same language (a lone entry counts as 0: nothing is close)."""
    if not len(centroids):
        return {}
    keys = np.array([str(lang) for lang in langs])
    cosines = centroids @ centroids.T
    cosines[keys[:, None] != keys[None, :]] = -1.0
    np.fill_diagonal(cosines, -1.0)
    nearest = np.maximum(cosines.max(axis=1), 0.0)
    return {lang: float(np.median(nearest[keys == str(lang)])) for lang in set(langs)}


class FaqMatcher:
    def __init__(self, entries: list[FaqEntry], pipeline: NlpPipeline,
                 thresholds: MatchThresholds, confidence: ConfidenceModel | None = None) -> None:
        self.thresholds = thresholds
        self._pipeline = pipeline
        self._confidence = confidence or bundled_model()
        self._index = self._build(entries)

    def _build(self, entries: list[FaqEntry]) -> _Index:
        phrasings: list[str] = []
        owners: list[int] = []
        for index, entry in enumerate(entries):
            for text in entry.phrasings:
                phrasings.append(text)
                owners.append(index)
        analyses = self._pipeline.analyse_batch(phrasings, [entries[i].lang for i in owners])
        dim = self._pipeline.encoder.dim
        vectors = (np.stack([a.embedding for a in analyses]).astype(np.float32) if analyses
                   else np.zeros((0, dim), dtype=np.float32))
        starts = np.searchsorted(np.array(owners, dtype=np.int64), np.arange(len(entries)))
        max_w, centroid_w, ridge_w, lexical_w = _weights(self.thresholds.aggregate)
        dense = np.zeros((len(entries), dim), dtype=np.float32)
        centroids = centroids_of(vectors, starts)
        dense += centroid_w * centroids
        if len(entries) and ridge_w:
            dense += ridge_w * ridge_weights(vectors, starts)
        langs: list[str | None] = [e.lang for e in entries]
        for i, analysis in zip(owners, analyses, strict=True):
            langs[i] = langs[i] or analysis.lang
        lexical = LexicalIndex([a.lemmas for a in analyses], owners)
        not_for, not_for_owners = self._not_for_vectors(entries, langs)
        return _Index(vectors, starts, dense.astype(np.float32), max_w, lexical_w, lexical,
                      entries, langs, centroids, faq_density(centroids, langs),
                      not_for, not_for_owners, self._entry_lemmas(entries, langs, owners, analyses))

    def _entry_lemmas(self, entries: list[FaqEntry], langs: list[str | None], owners: list[int],
                      analyses: list[Analysis]) -> list[frozenset[str]]:
        """Per entry, the content lemmas of its phrasings and of its answer."""
        found: list[set[str]] = [set() for _ in entries]
        for i, analysis in zip(owners, analyses, strict=True):
            found[i].update(content_lemmas(analysis.lemmas))
        for i, entry in enumerate(entries):
            tokens = self._pipeline.lemmatizer.tokenize(normalize(entry.answer), langs[i] or "ru")
            found[i].update(content_lemmas([t.lemma for t in tokens if t.is_word]))
        return [frozenset(lemmas) for lemmas in found]

    def _not_for_vectors(self, entries: list[FaqEntry],
                         langs: list[str | None]) -> tuple[np.ndarray, np.ndarray]:
        """The embeddings of every entry's ``not_for`` questions, and the entry of each row."""
        owners = [i for i, entry in enumerate(entries) for _ in entry.not_for]
        texts = [text for entry in entries for text in entry.not_for]
        if not texts:
            return np.zeros((0, self._pipeline.encoder.dim), dtype=np.float32), np.zeros(0, dtype=np.int64)
        analyses = self._pipeline.analyse_batch(texts, [langs[i] for i in owners])
        return (np.stack([a.embedding for a in analyses]).astype(np.float32),
                np.array(owners, dtype=np.int64))

    @property
    def confidence(self) -> ConfidenceModel:
        """The model that decides whether to answer (``source`` says where it came from)."""
        return self._confidence

    def with_confidence(self, confidence: ConfidenceModel) -> FaqMatcher:
        """The same index (nothing re-encoded) deciding with another confidence model."""
        other = copy(self)
        other._confidence = confidence
        return other

    @property
    def entries(self) -> list[FaqEntry]:
        """The entries, learned variants included (swapped together with the index)."""
        return self._index.entries

    def add_variant(self, entry_id: str, text: str) -> None:
        """Match ``text`` as one more phrasing of an entry from now on (rebuilds the index)."""
        entries = [replace(e, variants=[*e.variants, text]) if e.id == entry_id else e
                   for e in self.entries]
        self._index = self._build(entries)

    # --- scoring --------------------------------------------------------------------------

    def _units(self, analysis: Analysis) -> list[_Unit]:
        """What to match: each question sentence (requests when the message asks nothing
        outright), and the message without its greetings and thanks, for a question that leans
        on the sentence before it ("Сыну 16. Его возьмут?"). A message that asks the FAQ nothing
        (a report, a question to a person) gives one unit of its own kind: never answered."""
        segments, lang = analysis.segments, analysis.lang
        if len(segments) <= 1:
            return [_Unit(analysis.text, analysis.embedding, analysis.lemmas,
                          sentence_kind(analysis.text, lang))]
        kinds = [sentence_kind(s.text, lang) for s in segments]
        wanted = next((k for k in ("question", "request") if k in kinds), None)
        if wanted is None:
            kind = "social" if "social" in kinds else "statement"
            return [_Unit(analysis.text, analysis.embedding, analysis.lemmas, kind)]
        units = [self._question_unit(segments, kinds, i, lang) for i, k in enumerate(kinds) if k == wanted]
        content = [s for s, k in zip(segments, kinds, strict=True) if k not in _COURTESY]
        if len(content) == len(segments):
            units.append(_Unit(analysis.text, analysis.embedding, analysis.lemmas, wanted))
        elif len(content) > 1:
            units.append(self._unit(content, lang, wanted))
        return units

    def _question_unit(self, segments: list[Segment], kinds: list[str], i: int, lang: str) -> _Unit:
        """A question sentence, with the sentence before it when it says too little on its own
        ("Анкету хочу стереть, переезжаю. Как это сделать?"): matched alone, a question of one
        content word or none meets whichever entry is most generic."""
        unit = self._unit([segments[i]], lang, kinds[i])
        before = [j for j in range(i) if kinds[j] not in _COURTESY]
        if len(set(content_lemmas(unit.lemmas))) >= LEANING_CONTENT or not before:
            return unit
        return self._unit([segments[before[-1]], segments[i]], lang, kinds[i])

    def _unit(self, segments: list[Segment], lang: str, kind: str) -> _Unit:
        """One unit of sentences: their text, lemmas and the normalised sum of their vectors."""
        text = " ".join(s.text for s in segments)
        tokens = self._pipeline.lemmatizer.tokenize(normalize(text), lang)
        total = np.sum([s.embedding for s in segments], axis=0)
        vector = total / max(float(np.linalg.norm(total)), 1e-9)
        return _Unit(text, vector, [t.lemma for t in tokens if t.is_word], kind)

    def _scores(self, index: _Index, unit: _Unit) -> np.ndarray:
        """Combined similarity of every entry for one unit."""
        query = unit.embedding.astype(np.float32)
        # einsum, not @: a matrix-vector product through a multi-threaded BLAS stalls for
        # milliseconds on a busy machine; one thread does 3,000 x 512 in ~0.1 ms.
        scores = np.einsum("ij,j->i", index.dense, query)
        if index.max_weight:
            sims = np.einsum("ij,j->i", index.vectors, query)
            scores += index.max_weight * np.maximum.reduceat(sims, index.starts)
        lexical = index.lexical.scores(unit.lemmas)
        return scores + index.lexical_weight * np.maximum.reduceat(lexical, index.starts)

    def _allowed(self, index: _Index, lang: str) -> np.ndarray:
        if self.thresholds.cross_lingual:
            return np.ones(len(index.entries), dtype=bool)
        return np.array([lg is None or lg == lang for lg in index.langs], dtype=bool)

    def _ruled_out(self, index: _Index, unit: _Unit) -> np.ndarray:
        """Entries whose ``not_for`` questions this unit asks: it is at least ``NOT_FOR_COSINE``
        close to one of them, and closer to it than to any of the entry's own phrasings."""
        out = np.zeros(len(index.entries), dtype=bool)
        if index.not_for is None or index.not_for_owners is None or not len(index.not_for):
            return out
        query = unit.embedding.astype(np.float32)
        near = np.einsum("ij,j->i", index.not_for, query)
        hits = np.flatnonzero(near >= NOT_FOR_COSINE)
        if len(hits):
            own = np.maximum.reduceat(np.einsum("ij,j->i", index.vectors, query), index.starts)
            for row in hits:
                entry = int(index.not_for_owners[row])
                out[entry] |= bool(near[row] > own[entry])
        return out

    def _best(self, analysis: Analysis,
              whole: bool = False) -> tuple[np.ndarray, _Unit, _Index, bool] | None:
        """Entry scores of the best-matching unit (disallowed languages and entries ruled out by
        their ``not_for`` at 0), the index they belong to (one snapshot: ``add_variant`` may swap
        the index meanwhile), and whether the unit's best entry was ruled out.
        ``whole``: when no sentence asks anything, rank the whole message (never answered)."""
        index = self._index
        units = self._units(analysis)
        if not units and whole:
            units = [_Unit(analysis.text, analysis.embedding, analysis.lemmas, "statement")]
        if not units or not index.entries:
            return None
        allowed = self._allowed(index, analysis.lang)
        scored = []
        for unit in units:
            scores = np.where(allowed, self._scores(index, unit), 0.0)
            ruled_out = self._ruled_out(index, unit)
            scored.append((np.where(ruled_out, 0.0, scores), unit,
                           bool(ruled_out[int(np.argmax(scores))])))
        scores, unit, top_ruled_out = max(scored, key=lambda found: float(found[0].max()))
        return scores, unit, index, top_ruled_out

    def rank(self, analysis: Analysis, k: int = 3) -> list[tuple[str, float]]:
        """The k best entries with their scores, before any threshold or question gate."""
        best = self._best(analysis, whole=True)
        if best is None:
            return []
        scores, _, index, _ = best
        entries = index.entries
        order = np.argsort(-scores)[:k]
        return [(entries[i].id, float(scores[i])) for i in order if scores[i] > 0]

    def _margin(self, index: _Index, order: np.ndarray) -> float:
        """The lead the best entry needs: doubled when the two best entries are near-twins."""
        margin = self.thresholds.margin
        if len(order) > 1 and index.centroids is not None:
            pair = float(index.centroids[order[0]] @ index.centroids[order[1]])
            return 2 * margin if pair >= TWIN_COSINE else margin
        return margin

    def _evidence(self, index: _Index, unit: _Unit, order: np.ndarray, top: float, second: float,
                  lang: str) -> dict[str, float]:
        """The confidence model's inputs for the best entry ``order[0]`` (``confidence.py``)."""
        best, runner_up = int(order[0]), int(order[1]) if len(order) > 1 else int(order[0])
        query = unit.embedding.astype(np.float32)
        start = int(index.starts[best])
        end = int(index.starts[best + 1]) if best + 1 < len(index.starts) else len(index.vectors)
        max_similarity = float(np.max(index.vectors[start:end] @ query)) if end > start else 0.0
        lexical = index.lexical.scores(unit.lemmas)[start:end]
        covered = coverage(unit.lemmas, index.entry_lemmas[best], index.lexical)
        other = (coverage(unit.lemmas, index.entry_lemmas[runner_up], index.lexical)
                 if runner_up != best else covered)
        logit = calibrated_logit(top, second, index.density.get(index.langs[best], 0.0))
        return features(logit, top - second, unit.kind == "request", max_similarity,
                        float(lexical.max()) if len(lexical) else 0.0, covered, other,
                        len(set(content_lemmas(unit.lemmas))), lang == "en")

    def assess(self, analysis: Analysis) -> _Assessment | None:
        """The best entry for a question and the evidence about it, before any threshold; None
        when the message asks nothing (greetings, thanks, reports, rhetorical questions) or no
        entry reaches the raw floor."""
        best = self._best(analysis)
        if best is None:
            return None
        scores, unit, index, top_ruled_out = best
        if unit.kind not in ("question", "request"):
            return None
        order = np.argsort(-scores)[:2]
        top = float(scores[order[0]])
        second = float(scores[order[1]]) if len(order) > 1 else 0.0
        if top < RAW_FLOOR:
            return None
        evidence = self._evidence(index, unit, order, top, second, analysis.lang)
        return _Assessment(index.entries[int(order[0])], unit, second,
                           top - second >= self._margin(index, order), top_ruled_out, evidence)

    def match(self, analysis: Analysis, context: ChatContext | None = None) -> FaqResult | None:
        """The best entry for a question, with its status; None when nothing is close enough
        or the message asks nothing (greetings, thanks, reports, rhetorical questions)."""
        found = self.assess(analysis)
        if found is None:
            return None
        answer_at, candidate_at = self.thresholds.for_lang(analysis.lang)
        if found.unit.kind == "request":
            answer_at = min(1.0, answer_at + self.thresholds.request_extra)
        score = self._confidence.probability(found.evidence)
        # a question its best entry is ``not_for`` is not answered by the runner-up either
        if score >= answer_at and found.clear_lead and not found.ruled_out:
            return FaqResult(found.entry, score, found.second, "answered", found.unit.text)
        if score >= candidate_at:
            return FaqResult(found.entry, score, found.second, "candidate", found.unit.text)
        return None
