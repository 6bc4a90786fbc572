"""Phrasings moderators confirmed for an FAQ entry: matched as extra variants of that entry."""

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


def record_learned_variant(store: Store, entry_id: str, text: str, source_message_rowid: int | None,
                           decided_by: str) -> bool:
    """Keep a confirmed phrasing; False when the entry already had exactly this text."""
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT OR IGNORE INTO faq_learned_variants (entry_id, text, source_message_rowid, "
            "decided_by, created_at) VALUES (?, ?, ?, ?, ?)",
            [entry_id, text, source_message_rowid, decided_by, now_iso()])
        return cursor.rowcount > 0


def learned_variant_rows(store: Store) -> list[dict[str, Any]]:
    """Every learned phrasing, oldest first."""
    return store.query("SELECT entry_id, text, source_message_rowid, decided_by, created_at "
                       "FROM faq_learned_variants ORDER BY id")
