"""Confusion counts shared by the evaluation reports."""

from __future__ import annotations

from dataclasses import dataclass


def rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass
class Confusion:
    """True/false positives and negatives, with precision, recall and F1 (0 when undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return rate(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return rate(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return rate(2 * self.tp, 2 * self.tp + self.fp + self.fn)
