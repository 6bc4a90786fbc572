"""Reads stored messages and their flags for ``assistant replay``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from assistant.store.core import Store, _iso


def messages_since(store: Store, since: datetime, limit: int = 100_000) -> list[dict[str, Any]]:
    """Processed messages since a time, oldest first, each with its stored flags' rule ids."""
    rows = store.query(
        "SELECT m.id AS rowid, m.platform, m.chat, m.message_id AS id, m.author, m.author_role, "
        "m.text, m.reply_to, m.ts, m.lang, (SELECT group_concat(f.rule, ' ') FROM flags f "
        "WHERE f.message_rowid = m.id AND f.mode = 'enforce') AS rules FROM messages m "
        "WHERE m.status = 'done' AND m.ts >= ? ORDER BY m.ts, m.id LIMIT ?", [_iso(since), limit])
    for row in rows:
        row["rules"] = set((row["rules"] or "").split())
    return rows
