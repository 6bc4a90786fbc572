"""``assistant eval faq``: how well the FAQ matcher answers a labelled set of queries.

A query is ``{"id", "lang", "text", "faq"}`` where ``faq`` is the expected entry id or null (no
entry answers it). "Answered" is decided exactly as the service decides it: ``match`` returns a
result with status ``answered``. Top-1 and top-3 are ranking figures (before any threshold).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.context import ChatContext
from assistant.evaluation.counts import rate
from assistant.faq.matcher import FaqMatcher
from assistant.nlp import Analysis, NlpPipeline

BATCH = 128


@dataclass
class FaqQuery:
    id: str
    lang: str | None
    text: str
    faq: str | None
    line: int = 0  # in its file, for messages


@dataclass
class FaqReport:
    """Counts and rates; ``confusions`` maps (expected, answered-with) to a count."""

    queries: int = 0
    answerable: int = 0
    top1: int = 0
    top3: int = 0
    answered: int = 0
    correct: int = 0
    unanswerable: int = 0
    false_answers: int = 0
    candidates: int = 0
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)

    def figures(self) -> dict[str, Any]:
        answered_answerable = self.answered - self.false_answers
        return {
            "queries": self.queries,
            "top1": round(rate(self.top1, self.answerable), 4),
            "top3": round(rate(self.top3, self.answerable), 4),
            "precision": round(rate(self.correct, self.answered), 4),
            "recall": round(rate(self.correct, self.answerable), 4),
            "answered": self.answered,
            "answered_answerable": answered_answerable,
            "false_answer_rate": round(rate(self.false_answers, self.unanswerable), 4),
            "unanswerable": self.unanswerable,
            "candidates": self.candidates,
        }


def read_queries(path: Path) -> list[FaqQuery]:
    """Queries of a JSON Lines file; raises ValueError naming the line of a bad record."""
    queries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            queries.append(FaqQuery(str(raw["id"]), raw.get("lang"), str(raw["text"]),
                                    raw.get("faq"), number))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a query record ({exc})") from exc
    return queries


def analyse_queries(pipeline: NlpPipeline, queries: list[FaqQuery],
                    progress: Callable[[int], Any] | None = None) -> list[Analysis]:
    """The pipeline's analysis of every query, in batches (``progress`` gets each batch size)."""
    analyses: list[Analysis] = []
    for start in range(0, len(queries), BATCH):
        chunk = queries[start: start + BATCH]
        analyses.extend(pipeline.analyse_batch([q.text for q in chunk], [q.lang for q in chunk]))
        if progress is not None:
            progress(len(chunk))
    return analyses


def evaluate_faq(matcher: FaqMatcher, pipeline: NlpPipeline, queries: list[FaqQuery]) -> FaqReport:
    """Run every query through the pipeline and the matcher, as the service would."""
    return evaluate_analysed(matcher, queries, analyse_queries(pipeline, queries))


def evaluate_analysed(matcher: FaqMatcher, queries: list[FaqQuery], analyses: list[Analysis],
                      report: FaqReport | None = None) -> FaqReport:
    """``evaluate_faq`` over queries already analysed (one analysis, several matchers)."""
    report = report if report is not None else FaqReport()
    empty = ChatContext()
    for query, analysis in zip(queries, analyses, strict=True):
        ranked = [entry_id for entry_id, _ in matcher.rank(analysis, 3)]
        result = matcher.match(analysis, empty)
        answered = result.entry.id if result is not None and result.status == "answered" else None
        report.queries += 1
        report.candidates += result is not None and result.status == "candidate"
        report.answered += answered is not None
        if query.faq is None:
            report.unanswerable += 1
            report.false_answers += answered is not None
        else:
            report.answerable += 1
            report.top1 += bool(ranked) and ranked[0] == query.faq
            report.top3 += query.faq in ranked
            report.correct += answered == query.faq
        if answered is not None and answered != query.faq:
            report.confusions[(query.faq or "(none)", answered)] += 1
    return report


def format_report(report: FaqReport, confusions: int = 10) -> str:
    """The figures as a few aligned lines, then the most frequent confusions."""
    figures = report.figures()
    lines = [f"{name:<20} {value}" for name, value in figures.items()]
    if report.confusions:
        lines.append("confusions (expected -> answered with):")
        for (expected, got), count in report.confusions.most_common(confusions):
            lines.append(f"  {count:>4}  {expected} -> {got}")
    return "\n".join(lines)
