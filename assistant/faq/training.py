"""Fits the FAQ confidence model (``confidence.py``) on labelled questions.

For every labelled question (``{"id", "lang", "text", "faq"}``, one JSON object a line) the
matcher finds its best entry and the evidence about it (``FaqMatcher.assess``), exactly as in
service; the label is whether that entry is the expected one (a question with ``"faq": null``
has no right entry). An L2-regularised logistic regression over the evidence gives the weights.
``refit`` is the one fitting path: ``assistant faq fit-confidence`` (a community's own model,
``<knowledge>/confidence.json``) and this module's command line both call it.

The bundled model is fitted ONLY on the project's own chat sets (``tests/data/faq_chat*.jsonl``
that have been read; never on a held-out set still being measured, never on ``shared/eval``),
with the bundled ``knowledge/``:

    python -m assistant.faq.training assistant/faq/data/confidence.json \\
        tests/data/faq_chat.jsonl tests/data/faq_chat_weak.jsonl tests/data/faq_chat_heldout.jsonl ...
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import AssistantError, ConfigError, Location, Problem, did_you_mean, display_path
from assistant.evaluation.faq import FaqQuery, FaqReport, analyse_queries, evaluate_analysed, read_queries
from assistant.faq.confidence import ConfidenceModel
from assistant.faq.matcher import FaqMatcher
from assistant.nlp import Analysis, NlpPipeline

C = 1.0
MIN_ROWS = 30  # questions the matcher would consider answering
MIN_EACH = 5  # of them, with the right best entry and with a wrong one (or none right)


class RefitError(AssistantError):
    """The labelled questions cannot give a model (too few, or of one kind only)."""


@dataclass
class Refit:
    """A fitted model, what it was fitted on, and the figures before and after on those questions."""

    model: ConfidenceModel
    rows: int
    right: int
    before: FaqReport
    after: FaqReport


def read_labelled(files: list[Path]) -> tuple[list[FaqQuery], list[Path]]:
    """The questions of every file, and the file of each (ValueError names a bad line)."""
    queries: list[FaqQuery] = []
    sources: list[Path] = []
    for path in files:
        found = read_queries(path)
        queries.extend(found)
        sources.extend([path] * len(found))
    return queries, sources


def unknown_entries(queries: list[FaqQuery], sources: list[Path], ids: set[str]) -> list[Problem]:
    """A problem (file:line) for every question labelled with an entry the FAQ does not have."""
    return [Problem(Location(display_path(path), query.line),
                    f"query '{query.id}': no FAQ entry '{query.faq}'{did_you_mean(query.faq, ids)}")
            for query, path in zip(queries, sources, strict=True)
            if query.faq is not None and query.faq not in ids]


def evidence(matcher: FaqMatcher, queries: list[FaqQuery],
             analyses: list[Analysis]) -> tuple[list[dict[str, float]], list[int]]:
    """The evidence and the label (best entry right: 1) of every question the matcher would
    consider answering."""
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    for query, analysis in zip(queries, analyses, strict=True):
        found = matcher.assess(analysis)
        if found is None or found.ruled_out:
            continue
        rows.append(found.evidence)
        labels.append(int(query.faq is not None and found.entry.id == query.faq))
    return rows, labels


def evidence_rows(matcher: FaqMatcher, pipeline: NlpPipeline,
                  files: list[Path]) -> tuple[list[dict[str, float]], list[int]]:
    """``evidence`` of the questions of some files."""
    queries, _ = read_labelled(files)
    return evidence(matcher, queries, analyse_queries(pipeline, queries))


def fit(rows: list[dict[str, float]], labels: list[int]) -> ConfidenceModel:
    from sklearn.linear_model import LogisticRegression

    names = list(rows[0])
    matrix = np.array([[row[n] for n in names] for row in rows])
    model = LogisticRegression(C=C, max_iter=5000).fit(matrix, np.array(labels))
    weights = {n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)}
    return ConfidenceModel(weights, round(float(model.intercept_[0]), 4))


def check_enough(labels: list[int]) -> None:
    """Refuse a fit that would say nothing: too few questions, or too few of either kind."""
    right = sum(labels)
    wrong = len(labels) - right
    if len(labels) < MIN_ROWS or right < MIN_EACH or wrong < MIN_EACH:
        raise RefitError(
            f"too few questions to fit: the matcher would consider answering {len(labels)} of them "
            f"({right} with the right best entry, {wrong} with a wrong one or none right); "
            f"at least {MIN_ROWS} are needed, with at least {MIN_EACH} of each kind: label more "
            f"questions from the chat, including ones the FAQ does not answer (\"faq\": null)")


def refit(matcher: FaqMatcher, pipeline: NlpPipeline, files: list[Path],
          progress: Callable[[int], Any] | None = None) -> Refit:
    """Read, check, analyse, fit; and measure the matcher before and after on the same questions
    (in-sample figures). ConfigError: questions name entries the FAQ lacks; RefitError: too few."""
    queries, sources = read_labelled(files)
    problems = unknown_entries(queries, sources, {e.id for e in matcher.entries})
    if problems:
        raise ConfigError(problems)
    analyses = analyse_queries(pipeline, queries, progress)
    rows, labels = evidence(matcher, queries, analyses)
    check_enough(labels)
    model = fit(rows, labels)
    before = evaluate_analysed(matcher, queries, analyses)
    after = evaluate_analysed(matcher.with_confidence(model), queries, analyses)
    return Refit(model, len(rows), sum(labels), before, after)


def model_record(result: Refit, files: list[Path], knowledge: Path) -> dict[str, Any]:
    """What the model file holds: the weights and bias, and notes on what they were fitted on."""
    return {"trained_on": [str(p) for p in files], "knowledge": str(knowledge),
            "rows": result.rows, "right": result.right, "C": C,
            "weights": dict(result.model.weights), "bias": result.model.bias}


def write_model(path: Path, record: dict[str, Any]) -> None:
    """Write atomically: a reader (the reloader) sees the old file or the new one, never half."""
    text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> None:
    from assistant.faq.loader import load_knowledge
    from assistant.nlp.encoders import load_encoder
    from assistant.resources import build_matcher
    from assistant.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("queries", type=Path, nargs="+")
    parser.add_argument("--knowledge", type=Path, default=Path("knowledge"))
    args = parser.parse_args(argv)
    settings = Settings(knowledge=args.knowledge, db=None, watch=False)
    pipeline = NlpPipeline(load_encoder(settings.encoder, settings.encoder_model))
    matcher = build_matcher(settings, pipeline, load_knowledge(args.knowledge).entries)
    result = refit(matcher, pipeline, args.queries)
    write_model(args.out, model_record(result, args.queries, args.knowledge))
    print(f"{result.rows} questions ({result.right} with the right best entry) -> {args.out}")
    print(json.dumps(dict(result.model.weights)), result.model.bias)


if __name__ == "__main__":
    main()
