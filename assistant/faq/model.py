"""A per-FAQ linear model of the entries, fitted at load from the entries' own phrasings.

Every phrasing (question and variants, learned ones included) is a labelled example of its entry.
A ridge-regression classifier over the sentence embeddings maps a query embedding to one score
per entry: ``scores = W @ q`` with ``W = Y^T X (X^T X + lam I)^-1``. Unlike the centroid, it
learns which directions of the embedding tell two close entries apart (few-shot intent
classification). The fit is closed-form: one ``dim x dim`` solve, ~50 ms for 3,000 phrasings,
and is redone whenever a learned variant is added. ``lam`` grows with the number of phrasings so
the regularisation keeps the same strength for a 10- or a 1,000-entry FAQ.
"""

from __future__ import annotations

import numpy as np

RIDGE_PER_PHRASING = 0.001  # regularisation per phrasing (docs/quality/faq.md)
RIDGE_MIN = 1.0  # a small FAQ: keep the classifier from splitting near-twins on noise


def ridge_weights(vectors: np.ndarray, starts: np.ndarray, lam: float | None = None) -> np.ndarray:
    """One weight row per entry (entries x dim): the ridge classifier over phrasing embeddings.

    ``vectors`` are the phrasings (rows grouped by entry), ``starts`` the first row of each entry.
    """
    entries, dim = len(starts), vectors.shape[1]
    if not entries:
        return np.zeros((0, dim), dtype=np.float32)
    rows = vectors.astype(np.float64)
    if lam is None:
        lam = max(RIDGE_MIN, RIDGE_PER_PHRASING * len(rows))
    class_sums = np.add.reduceat(rows, starts, axis=0)  # Y^T X: entries x dim
    gram = rows.T @ rows + lam * np.eye(dim)
    return np.linalg.solve(gram, class_sums.T).T.astype(np.float32)
