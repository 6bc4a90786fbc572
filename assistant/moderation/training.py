"""Trains an abuse classifier (``rules/models/NAME.json``): a development tool, not run in service.

Features: the message embedding (USE), the presence of lemmas and hashed character n-grams of
the lemmas (3- and 4-grams, scaled by 1/sqrt(count); robust to inflection, compounds and
obfuscation), from the same pipeline the service runs; an L2-regularised logistic regression
(lemmas seen in >= 2 rows). C and the embedding scale
were chosen by 5-fold cross-validation (ROC AUC on held-out hand-written rows) of the training set.
It trains on every row of the labelled files given (``{"id", "text", "lang", "toxic": bool, ...}``,
one JSON object a line), or on one half of them with ``--split train`` (``is_train``;
``assistant eval moderation --split test`` measures the other half, for a community training a
model on its own labelled export).

The bundled ``rules/models/abuse.json`` is trained ONLY on ``rules/training/abuse.jsonl``, messages
written for this project. The public sets under ``shared/eval`` are for measuring only: never
train a shipped model on them. The attack model (``rules/models/attack.json``, ``--label conflict``)
also learns from the project's labelled chat sets that have been read (``tests/data/moderation_*``
in the ``assistant eval moderation`` format, each listed twice to weigh double; never a held-out
set still being measured): see docs/quality/moderation.md, "Twelfth session".

    python -m assistant.moderation.training rules/models/abuse.json rules/training/abuse.jsonl
    python -m assistant.moderation.training OUT.json A.jsonl B.jsonl --split train --cv

Needs scikit-learn (``pip install scikit-learn``), which the service itself does not.
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from assistant.moderation.classifiers import char_ngrams
from assistant.nlp import NlpPipeline

MIN_DF = 2
MAX_LEMMAS = 3000
C = 0.25
EMBEDDING_SCALE = 4.0  # embedding columns ×4 before fitting (folded into the saved weights)
MIN_WEIGHT = 0.02
NGRAM_SIZES = (3, 4)
BUCKETS = 1 << 18
NGRAM_SCALE = 4.0  # n-gram columns ×scale before fitting (folded into the saved weights)


def is_train(message_id: str) -> bool:
    """The deterministic train half of a labelled set (ids ``X`` and ``Xn`` of a detox pair stay together)."""
    key = message_id[:-1] if message_id.startswith("dx-") and message_id.endswith("n") else message_id
    return zlib.crc32(key.encode("utf-8")) % 2 == 0


def read_rows(paths: list[Path], split: str | None = None) -> list[dict[str, Any]]:
    """Every labelled row of the files, or only the ``train`` / ``test`` half. A file listed
    twice is read twice (its rows weigh double)."""
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = with_flags(json.loads(line))
                if split is None or is_train(str(row["id"])) == (split == "train"):
                    rows.append(row)
    return rows


def with_flags(row: dict[str, Any]) -> dict[str, Any]:
    """A row of a labelled chat set (``assistant eval moderation`` format, ``"label": "conflict"
    | "toxicity" | "spam" | null``) gets the boolean fields the trainer learns."""
    if "label" in row and "conflict" not in row and "toxic" not in row:
        row = {**row, "conflict": row["label"] == "conflict",
               "toxic": row["label"] in ("conflict", "toxicity")}
    return row


def featurize(rows: list[dict[str, Any]], pipeline: NlpPipeline,
              vocab: list[str] | None = None, min_df: int = MIN_DF) -> tuple[Any, list[str]]:
    """Sparse [embedding | lemma presence] rows; the vocabulary is built here unless given."""
    from scipy.sparse import csr_matrix, hstack

    analyses = []
    for start in range(0, len(rows), 512):
        chunk = rows[start:start + 512]
        analyses += pipeline.analyse_batch([str(r["text"]) for r in chunk],
                                           [str(r.get("lang") or "") or None for r in chunk])
    bags = [set(a.lemmas) for a in analyses]
    if vocab is None:
        df = Counter(lemma for bag in bags for lemma in bag)
        vocab = sorted(w for w, n in df.most_common(MAX_LEMMAS) if n >= min_df and len(w) > 1)
    index = {w: i for i, w in enumerate(vocab)}
    cells = [(r, index[w]) for r, bag in enumerate(bags) for w in bag if w in index]
    lemma_matrix = csr_matrix((np.ones(len(cells)), ([c[0] for c in cells], [c[1] for c in cells])),
                              shape=(len(rows), len(vocab)))
    embeddings = np.stack([a.embedding for a in analyses]) * EMBEDDING_SCALE
    return hstack([csr_matrix(embeddings), lemma_matrix, _ngram_matrix(analyses)]).tocsr(), vocab


def _ngram_matrix(analyses: list[Any]) -> Any:
    """Hashed character n-grams of each row's lemmas, each 1/sqrt(count) (``char_ngrams``)."""
    from scipy.sparse import csr_matrix

    rows, cols, values = [], [], []
    for r, analysis in enumerate(analyses):
        grams = char_ngrams(analysis.lemmas, NGRAM_SIZES, BUCKETS)
        for g in grams:
            rows.append(r)
            cols.append(g)
            values.append(NGRAM_SCALE / np.sqrt(len(grams)))
    return csr_matrix((values, (rows, cols)), shape=(len(analyses), BUCKETS))


def cross_validate(rows: list[dict[str, Any]], pipeline: NlpPipeline, label: str = "toxic",
                   c_values: tuple[float, ...] = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0)) -> dict[float, float]:
    """Mean 5-fold ROC AUC per regularisation strength C, on the training rows only."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    features, _ = featurize(rows, pipeline)
    labels = np.array([bool(r[label]) for r in rows])
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    return {c: float(cross_val_score(LogisticRegression(C=c, max_iter=3000), features, labels,
                                     cv=folds, scoring="roc_auc").mean()) for c in c_values}


def train(rows: list[dict[str, Any]], pipeline: NlpPipeline, trained_on: list[str],
          label: str = "toxic", c: float = C, min_df: int = MIN_DF, name: str = "abuse") -> dict[str, object]:
    """The model as the JSON ``rules/models/NAME.json`` holds it."""
    from sklearn.linear_model import LogisticRegression

    features, vocab = featurize(rows, pipeline, min_df=min_df)
    labels = np.array([bool(r[label]) for r in rows])
    model = LogisticRegression(C=c, max_iter=3000).fit(features, labels)
    weights = model.coef_[0]
    lemma_weights = {w: round(float(weights[512 + i]), 4) for i, w in enumerate(vocab)
                     if abs(weights[512 + i]) >= MIN_WEIGHT}
    grams = weights[512 + len(vocab):] * NGRAM_SCALE
    gram_weights = {str(g): round(float(grams[g]), 4) for g in np.flatnonzero(np.abs(grams) >= MIN_WEIGHT)}
    return {"name": name, "encoder": pipeline.encoder.name, "trained_on": trained_on,
            "label": label, "rows": len(rows), "C": c, "min_df": min_df,
            "bias": round(float(model.intercept_[0]), 5),
            "embedding": [round(float(x) * EMBEDDING_SCALE, 5) for x in weights[:512]],
            "lemmas": lemma_weights,
            "char_ngrams": {"sizes": list(NGRAM_SIZES), "buckets": BUCKETS, "weights": gram_weights}}


def main(argv: list[str] | None = None) -> None:
    from assistant.nlp.encoders import load_encoder

    parser = argparse.ArgumentParser(prog="python -m assistant.moderation.training", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("inputs", type=Path, nargs="+")
    parser.add_argument("--split", choices=["train", "test"], help="Use only this half (default: all rows).")
    parser.add_argument("--label", default="toxic", help="The boolean field to learn.")
    parser.add_argument("--c", type=float, default=C, help="Inverse L2 regularisation strength.")
    parser.add_argument("--min-df", type=int, default=MIN_DF, help="Keep lemmas seen in this many rows.")
    parser.add_argument("--cv", action="store_true", help="Print 5-fold ROC AUC per C first.")
    args = parser.parse_args(argv)
    pipeline = NlpPipeline(load_encoder("use"))
    rows = read_rows(args.inputs, args.split)
    if args.cv:
        for c, auc in cross_validate(rows, pipeline, args.label).items():
            print(f"C={c:<5} 5-fold ROC AUC {auc:.3f}")
    names = [str(p) for p in args.inputs] + ([f"{args.split} half (crc32(id) % 2)"] if args.split else [])
    model = train(rows, pipeline, names, args.label, args.c, args.min_df, args.out.stem)
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{args.out}: {len(rows)} rows, {len(model['lemmas'])} lemma weights")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
