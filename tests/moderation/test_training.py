"""The bundled abuse classifier is trained on our own labelled set only, and training works."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.evaluation.moderation import read_labelled
from assistant.moderation.classifiers import LinearClassifier
from assistant.moderation.training import is_train, read_rows, train, with_flags
from assistant.settings import PROJECT_ROOT

TRAINING = PROJECT_ROOT / "rules" / "training" / "abuse.jsonl"
MODEL = PROJECT_ROOT / "rules" / "models" / "abuse.json"


def test_training_set_is_well_formed_and_mostly_russian():
    rows = read_rows([TRAINING])
    assert len(rows) >= 800
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(isinstance(r["toxic"], bool) and isinstance(r["conflict"], bool) and r["text"] for r in rows)
    assert all(r["toxic"] for r in rows if r["conflict"])
    russian = sum(r["lang"] == "ru" for r in rows) / len(rows)
    assert 0.6 <= russian <= 0.9  # English rows are mostly in abuse_en.jsonl
    negatives = sum(not r["toxic"] for r in rows) / len(rows)
    assert negatives >= 0.4


@pytest.mark.parametrize(("name", "label"), [("abuse", "toxic"), ("attack", "conflict")])
def test_bundled_models_name_only_our_own_training_sets(name, label):
    model = json.loads((MODEL.parent / f"{name}.json").read_text(encoding="utf-8"))
    own = {f"rules/training/{p.name}" for p in TRAINING.parent.glob("*.jsonl")}
    chat_sets = sorted(PROJECT_ROOT.glob("tests/data/moderation_*.jsonl"))
    newest = max(chat_sets, key=lambda p: int("0" + "".join(c for c in p.stem if c.isdigit())))
    if name == "attack":  # also the labelled chat sets that have been read
        own |= {f"tests/data/{p.name}" for p in chat_sets if p != newest}
    assert model["name"] == name and model["label"] == label
    # never shared/eval, never the newest held-out set (still being measured)
    assert model["trained_on"] and set(model["trained_on"]) <= own
    assert model["rows"] == len(read_rows([PROJECT_ROOT / p for p in model["trained_on"]]))


def test_every_training_row_is_labelled_for_both_models():
    rows = read_rows(sorted(TRAINING.parent.glob("*.jsonl")))
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(isinstance(r["toxic"], bool) and isinstance(r["conflict"], bool) and r["text"] for r in rows)
    assert all(r["toxic"] for r in rows if r["conflict"])  # an attack on a member is abuse too


def test_split_halves_partition_the_rows():
    rows = read_rows([TRAINING])
    train_half, test_half = read_rows([TRAINING], "train"), read_rows([TRAINING], "test")
    assert len(train_half) + len(test_half) == len(rows)
    assert all(is_train(r["id"]) for r in train_half) and not any(is_train(r["id"]) for r in test_half)


def test_training_learns_insults_from_a_small_sample(pipeline):
    pytest.importorskip("sklearn")
    rows = read_rows([TRAINING])[:240]
    model = train(rows, pipeline, ["sample"])
    classifier = LinearClassifier("abuse", float(model["bias"]), np.asarray(model["embedding"]),
                            {str(k): float(v) for k, v in model["lemmas"].items()})
    rude, kind = pipeline.analyse_batch(["ты тупой идиот, заткнись", "спасибо за помощь, до субботы"],
                                        ["ru", "ru"])
    assert classifier.score(rude) > 0.5 > classifier.score(kind)


def test_a_chat_set_row_is_labelled_for_both_models():
    """Rows in the ``assistant eval moderation`` format train the models too."""
    rows = [with_flags({"id": i, "text": "x", "label": label})
            for i, label in enumerate(["conflict", "toxicity", "spam", None])]
    flags = [(r["conflict"], r["toxic"]) for r in rows]
    assert flags == [(True, True), (False, True), (False, False), (False, False)]


@pytest.mark.parametrize("path", sorted(TRAINING.parent.glob("chat_threads_*.jsonl")), ids=lambda p: p.stem)
def test_chat_thread_training_files_are_threads_with_hard_negatives(path):
    """Each thread file (the ``assistant eval moderation`` format) replies only to earlier
    messages of its own chat, and most of its messages are civil look-alikes, not attacks."""
    rows = read_labelled(path)
    keys = {"id", "chat", "author", "text", "reply_to", "ts", "lang", "label"}
    assert all(set(r) == keys and r["text"].strip() for r in rows)
    chat_of: dict[str, str] = {}
    for row in rows:
        assert row["reply_to"] is None or chat_of.get(row["reply_to"]) == row["chat"], row["id"]
        chat_of[row["id"]] = row["chat"]
    labels = [r["label"] for r in rows]
    assert set(labels) <= {None, "conflict", "toxicity", "spam"}
    assert 0.2 <= labels.count("conflict") / len(rows) <= 0.4
    assert labels.count(None) / len(rows) >= 0.5
