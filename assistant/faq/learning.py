"""The FAQ improves from moderators' decisions: confirmed phrasings become extra variants.

The YAML stays the source of truth; learned variants live in the store, are matched from the
next matcher build on, and ``assistant faq export-learned`` writes them out for managers to merge.
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


def learn_variant(store: Store, entry_id: str, text: str, source_message_rowid: int | None,
                  decided_by: str) -> None:
    """Store a confirmed or corrected phrasing of ``entry_id``.

    Only the question of a long message is kept (greetings and stories around it would blur the
    entry). The running matcher sees it after ``Assistant.reload()`` (or
    ``matcher.add_variant``); every later build loads it.
    """
    phrasing = question_part(text, detect_language(text)).strip()[:MAX_VARIANT_CHARS]
    if not phrasing:
        raise ValueError("a learned variant needs some text")
    record_learned_variant(store, entry_id, phrasing, source_message_rowid, decided_by)


def learned_variants(store: Store) -> dict[str, list[str]]:
    """Entry id -> learned phrasings, oldest first."""
    found: dict[str, list[str]] = defaultdict(list)
    for row in learned_variant_rows(store):
        found[row["entry_id"]].append(row["text"])
    return dict(found)


def export_learned_yaml(store: Store) -> str:
    """The learned variants as YAML: ``entries: [{id, variants: [...]}]`` for managers to merge."""
    entries = [{"id": entry_id, "variants": texts}
               for entry_id, texts in sorted(learned_variants(store).items())]
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    buffer = io.StringIO()
    buffer.write("# Variants learned from moderators' decisions: merge them into knowledge/*.yaml\n")
    yaml.dump({"entries": entries}, buffer)
    return buffer.getvalue()
