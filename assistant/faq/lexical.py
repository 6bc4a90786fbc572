"""The lemma side of FAQ matching: IDF-weighted lemma overlap, with typos forgiven by rapidfuzz.

Every phrasing's content lemmas (stop words removed) are indexed at load. A query lemma that is
not in the vocabulary is mapped to its closest vocabulary lemma (rapidfuzz ratio, cached), so
"валонтер" still meets "волонтер". Scoring a query is one ``np.bincount`` over posting lists.
"""

from __future__ import annotations

import math
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

STOPWORDS_FILE = Path(__file__).with_name("data") / "stopwords.txt"
FUZZY_CUTOFF = 84.0  # rapidfuzz ratio (0-100) for a misspelt lemma to count
FUZZY_MIN_LEN = 5


@lru_cache(maxsize=1)
def stop_lemmas() -> frozenset[str]:
    """The stop lemmas of the data file (comments and blank lines skipped)."""
    lines = STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def content_lemmas(lemmas: list[str]) -> list[str]:
    """Lemmas that carry meaning: no stop words, no one-letter tokens, no numbers."""
    stops = stop_lemmas()
    return [lem for lem in lemmas if len(lem) > 1 and lem not in stops and not lem.isdigit()]


class LexicalIndex:
    """Rows are phrasings; ``groups[row]`` says which entry a row belongs to (for IDF)."""

    def __init__(self, rows: list[list[str]], groups: list[int]) -> None:
        self.size = len(rows)
        entry_docs: dict[str, set[int]] = defaultdict(set)
        for lemmas, group in zip(rows, groups, strict=True):
            for lemma in set(content_lemmas(lemmas)):
                entry_docs[lemma].add(group)
        total = max(1, len(set(groups)))
        self.idf = {lem: math.log((total + 1) / (len(g) + 1)) + 1.0 for lem, g in entry_docs.items()}
        self.vocabulary = sorted(self.idf)
        postings: dict[str, list[int]] = defaultdict(list)
        norms = np.zeros(self.size, dtype=np.float32)
        for row, lemmas in enumerate(rows):
            for lemma in set(content_lemmas(lemmas)):
                postings[lemma].append(row)
                norms[row] += self.idf[lemma] ** 2
        self._postings = {lem: np.array(r, dtype=np.int64) for lem, r in postings.items()}
        self._norms = np.sqrt(np.maximum(norms, 1e-9))
        self._closest = lru_cache(maxsize=50_000)(self._closest_uncached)

    def _closest_uncached(self, lemma: str) -> tuple[str, float] | None:
        if len(lemma) < FUZZY_MIN_LEN or not self.vocabulary:
            return None
        found = process.extractOne(lemma, self.vocabulary, scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_CUTOFF)
        return (found[0], found[1] / 100.0) if found else None

    def resolve(self, lemma: str) -> tuple[str, float] | None:
        """The vocabulary lemma a query lemma counts as (itself, or its closest spelling), with
        the similarity; None for a word the FAQ never uses."""
        if lemma in self.idf:
            return lemma, 1.0
        return self._closest(lemma)

    def scores(self, lemmas: list[str]) -> np.ndarray:
        """Cosine of IDF-weighted lemma sets between the query and every row, in [0, 1]."""
        out = np.zeros(self.size, dtype=np.float32)
        query = set(content_lemmas(lemmas))
        if not query or not self.size:
            return out
        rows: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        query_norm = 0.0
        for lemma in query:
            resolved = self.resolve(lemma)
            if resolved is None:
                query_norm += 2.0 ** 2  # an unknown word is as specific as a rare one
                continue
            known, similarity = resolved
            idf = self.idf[known]
            query_norm += idf ** 2
            posting = self._postings[known]
            rows.append(posting)
            weights.append(np.full(len(posting), idf * idf * similarity, dtype=np.float32))
        if rows:
            out = np.bincount(np.concatenate(rows), weights=np.concatenate(weights),
                              minlength=self.size).astype(np.float32)
        return out / (self._norms * math.sqrt(query_norm))
