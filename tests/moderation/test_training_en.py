"""The hand-written English abuse set (``rules/training/abuse_en.jsonl``) is well-formed and balanced."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest

from assistant.moderation.training import is_train, read_rows
from assistant.settings import PROJECT_ROOT

TRAINING_EN = PROJECT_ROOT / "rules" / "training" / "abuse_en.jsonl"
TRAINING = PROJECT_ROOT / "rules" / "training" / "abuse.jsonl"
KEYS = {"id", "lang", "text", "toxic", "conflict", "origin"}


def _problems(number: int, line: str) -> list[str]:
    """What is wrong with one line of the file (empty when nothing)."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return [f"{number}: not JSON ({error})"]
    if not isinstance(row, dict) or set(row) != KEYS:
        return [f"{number}: keys must be exactly {sorted(KEYS)}"]
    problems = []
    if not re.fullmatch(r"en-\d{4}", str(row["id"])):
        problems.append(f"{number}: id {row['id']!r} is not en-NNNN")
    if row["lang"] != "en" or row["origin"] != "hand":
        problems.append(f"{number}: lang must be 'en' and origin 'hand'")
    if not isinstance(row["toxic"], bool) or not isinstance(row["conflict"], bool):
        problems.append(f"{number}: toxic and conflict must be booleans")
    elif row["conflict"] and not row["toxic"]:
        problems.append(f"{number}: conflict without toxic")
    if not isinstance(row["text"], str) or not row["text"].strip() or len(row["text"].split()) > 80:
        problems.append(f"{number}: text must be a non-empty string of at most 80 words")
    return problems


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return read_rows([TRAINING_EN])


def test_every_line_is_a_well_formed_row():
    lines = TRAINING_EN.read_text(encoding="utf-8").splitlines()
    problems = [p for number, line in enumerate(lines, 1) for p in _problems(number, line)]
    assert not problems, "\n".join(problems[:20])


def test_ids_and_texts_are_unique_and_ids_do_not_clash_with_the_main_set(rows):
    ids = Counter(r["id"] for r in rows)
    assert [i for i, n in ids.items() if n > 1] == []
    texts = Counter(" ".join(r["text"].lower().split()) for r in rows)
    assert [t for t, n in texts.items() if n > 1] == []
    assert not set(ids) & {r["id"] for r in read_rows([TRAINING])}


def test_the_set_is_big_and_balanced(rows):
    assert len(rows) >= 800
    toxic = [r for r in rows if r["toxic"]]
    assert 0.35 <= len(toxic) / len(rows) <= 0.55
    conflict = sum(r["conflict"] for r in toxic) / len(toxic)
    assert 0.3 <= conflict <= 0.7, "both attacks on the reader and abuse of third parties"
    mentions = [r for r in rows if "@USER" in r["text"]]
    assert 0.3 <= sum(not r["toxic"] for r in mentions) / len(mentions), "a mention alone is not abuse"


@pytest.mark.parametrize("split", ["train", "test"])
def test_each_half_has_both_labels(rows, split):
    half = [r for r in rows if is_train(r["id"]) == (split == "train")]
    assert len(half) >= 0.35 * len(rows)
    assert 0.3 <= sum(r["toxic"] for r in half) / len(half) <= 0.6
