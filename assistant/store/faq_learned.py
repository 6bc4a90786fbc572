"""What moderators taught the FAQ: confirmed phrasings (extra variants of an entry) and questions
an entry's answer did not cover (``not_for``: never answered with that entry again)."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from assistant.store.core import Store, now_iso
from assistant.store.migrations import migration


@migration("0100_faq_learned")
def create_faq_learned(db: Database) -> None:
    db.executescript("""
    CREATE TABLE faq_learned_variants (
        id INTEGER PRIMARY KEY,
        entry_id TEXT NOT NULL,
        text TEXT NOT NULL,
        source_message_rowid INTEGER REFERENCES messages(id),
        decided_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (entry_id, text)
    );
    CREATE INDEX faq_learned_variants_entry ON faq_learned_variants (entry_id);
    """)


@migration("0101_faq_learned_kind")
def add_learned_kind(db: Database) -> None:
    db.executescript("ALTER TABLE faq_learned_variants ADD COLUMN kind TEXT NOT NULL DEFAULT 'variant'")


def record_learned_variant(store: Store, entry_id: str, text: str, source_message_rowid: int | None,
                           decided_by: str, kind: str = "variant") -> bool:
    """Keep a phrasing of ``kind`` 'variant' or 'not_for'; False when the entry already had
    exactly this text as that kind. A later decision on the same text replaces an earlier one."""
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO faq_learned_variants (entry_id, text, source_message_rowid, decided_by, "
            "created_at, kind) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id, text) DO UPDATE "
            "SET kind = excluded.kind, source_message_rowid = excluded.source_message_rowid, "
            "decided_by = excluded.decided_by, created_at = excluded.created_at "
            "WHERE kind != excluded.kind",
            [entry_id, text, source_message_rowid, decided_by, now_iso(), kind])
        return cursor.rowcount > 0


def learned_variant_rows(store: Store, kind: str = "variant") -> list[dict[str, Any]]:
    """Every learned phrasing of ``kind`` ('variant' or 'not_for'), oldest first."""
    return store.query("SELECT entry_id, text, source_message_rowid, decided_by, created_at "
                       "FROM faq_learned_variants WHERE kind = ? ORDER BY id", [kind])
