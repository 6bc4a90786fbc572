"""Trains the shipped abuse classifier (rules/models/abuse.json): a development tool, not run in service.

Features: the message embedding (USE) and the presence of lemmas (the same pipeline the service
runs). Only rows whose id hashes to the *train* split are used; ``is_train`` is shared with
``assistant eval moderation --split test`` so that figures are measured on rows never trained on.

    python -m assistant.moderation.training OUT.json A.jsonl [B.jsonl ...]

Needs scikit-learn (``pip install scikit-learn``), which the service itself does not.
"""

from __future__ import annotations

import json
import sys
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

from assistant.nlp import NlpPipeline
from assistant.nlp.encoders import load_encoder

MIN_DF = 4
MAX_LEMMAS = 6000


def is_train(message_id: str) -> bool:
    """The deterministic train half of a development set (detox pairs stay together)."""
    key = message_id[:-1] if message_id.startswith("dx-") and message_id.endswith("n") else message_id
    return zlib.crc32(key.encode("utf-8")) % 2 == 0


def _rows(paths: list[Path]) -> list[dict[str, object]]:
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if is_train(str(row["id"])):
                rows.append(row)
    return rows


def train(paths: list[Path], pipeline: NlpPipeline) -> dict[str, object]:
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    rows = _rows(paths)
    analyses = []
    for start in range(0, len(rows), 512):
        chunk = rows[start:start + 512]
        analyses += pipeline.analyse_batch([str(r["text"]) for r in chunk],
                                           [str(r.get("lang") or "") or None for r in chunk])
    bags = [set(a.lemmas) for a in analyses]
    df = Counter(lemma for bag in bags for lemma in bag)
    vocab = [w for w, n in df.most_common(MAX_LEMMAS) if n >= MIN_DF and len(w) > 1]
    index = {w: i for i, w in enumerate(vocab)}
    cells = [(r, index[w]) for r, bag in enumerate(bags) for w in bag if w in index]
    lemma_matrix = csr_matrix((np.ones(len(cells)), ([c[0] for c in cells], [c[1] for c in cells])),
                              shape=(len(rows), len(vocab)))
    embeddings = np.stack([a.embedding for a in analyses])
    features = hstack([csr_matrix(embeddings), lemma_matrix]).tocsr()
    labels = np.array([bool(r["toxic"]) for r in rows])
    model = LogisticRegression(C=2.0, max_iter=3000).fit(features, labels)
    weights = model.coef_[0]
    lemma_weights = {w: round(float(weights[512 + i]), 4) for i, w in enumerate(vocab)
                     if abs(weights[512 + i]) >= 0.05}
    return {"name": "abuse", "encoder": pipeline.encoder.name,
            "trained_on": [p.parent.name for p in paths] + ["train half (crc32(id) % 2 == 0)"],
            "bias": round(float(model.intercept_[0]), 5),
            "embedding": [round(float(x), 5) for x in weights[:512]],
            "lemmas": lemma_weights}


def main(argv: list[str]) -> None:
    out, *inputs = argv
    model = train([Path(p) for p in inputs], NlpPipeline(load_encoder("use")))
    Path(out).write_text(json.dumps(model, ensure_ascii=False, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
