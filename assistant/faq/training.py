"""Fits the FAQ confidence model (``assistant/faq/data/confidence.json``): a development tool.

For every labelled question (``{"id", "lang", "text", "faq"}``, one JSON object a line) the
matcher finds its best entry and the evidence about it (``FaqMatcher.assess``), exactly as in
service; the label is whether that entry is the expected one (a question with ``"faq": null``
has no right entry). An L2-regularised logistic regression over the evidence gives the weights.

The bundled model is fitted ONLY on the project's own chat sets (``tests/data/faq_chat*.jsonl``
that have been read; never on a held-out set still being measured, never on ``shared/eval``),
with the bundled ``knowledge/``:

    python -m assistant.faq.training assistant/faq/data/confidence.json \\
        tests/data/faq_chat.jsonl tests/data/faq_chat_weak.jsonl tests/data/faq_chat_heldout.jsonl ...

Needs scikit-learn (``pip install scikit-learn``), which the service itself does not.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from assistant.evaluation.faq import read_queries
from assistant.faq.confidence import ConfidenceModel
from assistant.faq.loader import load_knowledge
from assistant.faq.matcher import FaqMatcher, MatchThresholds
from assistant.nlp import NlpPipeline
from assistant.nlp.encoders import load_encoder
from assistant.settings import Settings

C = 1.0


def evidence_rows(matcher: FaqMatcher, pipeline: NlpPipeline,
                  files: list[Path]) -> tuple[list[dict[str, float]], list[int]]:
    """The evidence and the label (best entry right: 1) of every question the matcher would
    consider answering."""
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    for path in files:
        queries = read_queries(path)
        analyses = pipeline.analyse_batch([q.text for q in queries], [q.lang for q in queries])
        for query, analysis in zip(queries, analyses, strict=True):
            found = matcher.assess(analysis)
            if found is None or found.ruled_out:
                continue
            rows.append(found.evidence)
            labels.append(int(query.faq is not None and found.entry.id == query.faq))
    return rows, labels


def fit(rows: list[dict[str, float]], labels: list[int]) -> ConfidenceModel:
    from sklearn.linear_model import LogisticRegression

    names = list(rows[0])
    matrix = np.array([[row[n] for n in names] for row in rows])
    model = LogisticRegression(C=C, max_iter=5000).fit(matrix, np.array(labels))
    weights = {n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)}
    return ConfidenceModel(weights, round(float(model.intercept_[0]), 4))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("queries", type=Path, nargs="+")
    parser.add_argument("--knowledge", type=Path, default=Path("knowledge"))
    args = parser.parse_args(argv)
    settings = Settings()
    pipeline = NlpPipeline(load_encoder(settings.encoder, settings.encoder_model))
    matcher = FaqMatcher(load_knowledge(args.knowledge).entries, pipeline,
                         MatchThresholds.from_settings(settings))
    rows, labels = evidence_rows(matcher, pipeline, args.queries)
    model = fit(rows, labels)
    args.out.write_text(json.dumps({
        "trained_on": [str(p) for p in args.queries], "knowledge": str(args.knowledge),
        "rows": len(rows), "right": int(sum(labels)), "C": C,
        "weights": dict(model.weights), "bias": model.bias}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    print(f"{len(rows)} questions ({sum(labels)} with the right best entry) -> {args.out}")
    print(json.dumps(dict(model.weights)), model.bias)


if __name__ == "__main__":
    main()
