"""The FAQ improves from moderators' decisions: confirmed phrasings become extra variants, and
questions an entry was wrongly given for become its ``not_for`` questions (never answered with it).

The YAML stays the source of truth; what was learned lives in the store, is matched from the
next matcher build on (a decision rebuilds the running matcher), and ``assistant faq
export-learned`` writes it out for managers to merge.
"""

from __future__ import annotations

import io
from collections import defaultdict

from ruamel.yaml import YAML

from assistant.nlp.language import detect_language
from assistant.nlp.questions import question_part
from assistant.store import Store
from assistant.store.faq_learned import learned_variant_rows, record_learned_variant

MAX_VARIANT_CHARS = 500


KINDS = ("variant", "not_for")


def learn_variant(store: Store, entry_id: str, text: str, source_message_rowid: int | None,
                  decided_by: str, kind: str = "variant") -> str:
    """Store a confirmed or corrected phrasing of ``entry_id`` (``kind`` 'variant'), or a question
    its answer did not cover (``kind`` 'not_for'); returns the stored phrasing.

    Only the question of a long message is kept (greetings and stories around it would blur the
    entry). The running matcher sees it after ``Assistant.refresh_learned()``; every later build
    loads it.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: choose one of {', '.join(KINDS)}")
    phrasing = question_part(text, detect_language(text)).strip()[:MAX_VARIANT_CHARS]
    if not phrasing:
        raise ValueError("a learned variant needs some text")
    record_learned_variant(store, entry_id, phrasing, source_message_rowid, decided_by, kind)
    return phrasing


def learned_variants(store: Store, kind: str = "variant") -> dict[str, list[str]]:
    """Entry id -> learned phrasings of ``kind`` ('variant' or 'not_for'), oldest first."""
    found: dict[str, list[str]] = defaultdict(list)
    for row in learned_variant_rows(store, kind):
        found[row["entry_id"]].append(row["text"])
    return dict(found)


def export_learned_yaml(store: Store) -> str:
    """What was learned as YAML, ``entries: [{id, variants: [...], not_for: [...]}]``, for
    managers to merge."""
    variants, not_for = learned_variants(store), learned_variants(store, "not_for")
    entries: list[dict[str, object]] = []
    for entry_id in sorted(set(variants) | set(not_for)):
        entry: dict[str, object] = {"id": entry_id}
        if entry_id in variants:
            entry["variants"] = variants[entry_id]
        if entry_id in not_for:
            entry["not_for"] = not_for[entry_id]
        entries.append(entry)
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    buffer = io.StringIO()
    buffer.write("# Variants and not_for questions learned from moderators' decisions: merge them "
                 "into knowledge/*.yaml\n")
    yaml.dump({"entries": entries}, buffer)
    return buffer.getvalue()
