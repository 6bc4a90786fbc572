"""Webhook bookkeeping: platform event dedupe, the outbox of replies, edits and deletions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from assistant.models import Message
from assistant.store.core import Store, _iso, now_iso
from assistant.store.migrations import migration


@migration("0400_webhooks")
def create_webhook_tables(db: Database) -> None:
    db.executescript("""
    CREATE TABLE platform_events (
        platform TEXT NOT NULL,
        community TEXT NOT NULL,
        event_key TEXT NOT NULL,        -- VK event_id, Matrix txnId, Slack event_id, Telegram update_id
        response TEXT,                   -- what was answered the first time (JSON)
        received_at TEXT NOT NULL,
        PRIMARY KEY (platform, community, event_key)
    );

    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        community TEXT NOT NULL,
        platform TEXT NOT NULL,
        chat TEXT NOT NULL,
        reply_to TEXT,
        text TEXT NOT NULL,
        route TEXT,                      -- platform routing details (JSON): thread, room, peer
        dedupe_key TEXT NOT NULL UNIQUE, -- the same action of the same message is queued once
        status TEXT NOT NULL DEFAULT 'pending',  -- pending | sent | failed
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
    );
    CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

    CREATE TABLE message_edits (
        id INTEGER PRIMARY KEY,
        message_rowid INTEGER NOT NULL REFERENCES messages(id),
        previous_text TEXT NOT NULL,
        edited_at TEXT NOT NULL
    );
    CREATE INDEX message_edits_message ON message_edits (message_rowid);

    CREATE TABLE message_deletions (
        platform TEXT NOT NULL,
        chat TEXT NOT NULL,
        message_id TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        PRIMARY KEY (platform, chat, message_id)
    );
    """)


# --- platform event dedupe ------------------------------------------------------------------

def seen_event(store: Store, platform: str, community: str, key: str) -> tuple[bool, Any]:
    """Whether this delivery was handled before, and what was answered then."""
    rows = store.query("SELECT response FROM platform_events WHERE platform = ? AND community = ? "
                       "AND event_key = ?", [platform, community, key])
    if not rows:
        return False, None
    response = rows[0]["response"]
    return True, json.loads(response) if response else None


def remember_event(store: Store, platform: str, community: str, key: str,
                   response: Any = None) -> None:
    with store.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO platform_events (platform, community, event_key, "
                     "response, received_at) VALUES (?, ?, ?, ?, ?)",
                     [platform, community, key,
                      json.dumps(response, ensure_ascii=False) if response is not None else None,
                      now_iso()])


# --- edits and deletions --------------------------------------------------------------------

@dataclass
class StoredMessage:
    rowid: int
    text: str
    status: str
    ts: datetime


def stored_message(store: Store, message: Message) -> StoredMessage | None:
    """The stored row of a message (by platform, chat and id), or None."""
    rows = store.query("SELECT id, text, status, ts FROM messages WHERE platform = ? AND chat = ? "
                       "AND message_id = ?", message.key)
    if not rows:
        return None
    row = rows[0]
    return StoredMessage(int(row["id"]), row["text"], row["status"], datetime.fromisoformat(row["ts"]))


def apply_edit(store: Store, rowid: int, message: Message) -> None:
    """Keep the previous text, store the new one; the message is analysed again after this."""
    with store.transaction() as conn:
        conn.execute("INSERT INTO message_edits (message_rowid, previous_text, edited_at) "
                     "SELECT id, text, ? FROM messages WHERE id = ?", [now_iso(), rowid])
        conn.execute("UPDATE messages SET text = ?, status = 'received' WHERE id = ?",
                     [message.text, rowid])


def edit_count(store: Store, platform: str, chat: str, message_id: str) -> int:
    rows = store.query("SELECT count(*) AS n FROM message_edits e JOIN messages m "
                       "ON m.id = e.message_rowid WHERE m.platform = ? AND m.chat = ? "
                       "AND m.message_id = ?", [platform, chat, message_id])
    return int(rows[0]["n"])


def record_deletion(store: Store, platform: str, chat: str, message_id: str,
                    deleted_at: datetime | None = None) -> bool:
    """Record that a message was deleted on its platform; False when it was recorded before.
    The stored message and its verdict stay: moderators may still need them."""
    with store.transaction() as conn:
        cursor = conn.execute("INSERT OR IGNORE INTO message_deletions (platform, chat, message_id, "
                              "deleted_at) VALUES (?, ?, ?, ?)",
                              [platform, chat, message_id, _iso(deleted_at)])
        return cursor.rowcount > 0


def is_deleted(store: Store, platform: str, chat: str, message_id: str) -> bool:
    return bool(store.query("SELECT 1 FROM message_deletions WHERE platform = ? AND chat = ? AND "
                            "message_id = ?", [platform, chat, message_id]))


# --- outbox ---------------------------------------------------------------------------------

@dataclass
class OutboxItem:
    id: int
    community: str
    platform: str
    chat: str
    reply_to: str | None
    text: str
    route: dict[str, Any]
    attempts: int


def enqueue(store: Store, community: str, platform: str, chat: str, text: str,
            reply_to: str | None, route: dict[str, Any], dedupe_key: str,
            sent: bool = False) -> int | None:
    """Queue a reply; returns its id, or None when the same reply was queued before.
    ``sent=True`` records a reply already delivered another way (a Telegram webhook answer)."""
    stamp = now_iso()
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT OR IGNORE INTO outbox (community, platform, chat, reply_to, text, route, "
            "dedupe_key, status, next_attempt_at, created_at, sent_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [community, platform, chat, reply_to, text, json.dumps(route, ensure_ascii=False),
             dedupe_key, "sent" if sent else "pending", stamp, stamp, stamp if sent else None])
        return int(cursor.lastrowid) if cursor.rowcount > 0 and cursor.lastrowid else None


def due(store: Store, limit: int = 50, now: datetime | None = None) -> list[OutboxItem]:
    rows = store.query("SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? "
                       "ORDER BY next_attempt_at, id LIMIT ?", [_iso(now), limit])
    return [OutboxItem(id=r["id"], community=r["community"], platform=r["platform"],
                       chat=r["chat"], reply_to=r["reply_to"], text=r["text"],
                       route=json.loads(r["route"] or "{}"), attempts=r["attempts"])
            for r in rows]


def next_due_in(store: Store, now: datetime | None = None) -> float | None:
    """Seconds until the next pending reply is due (0 when one is due now), None when none."""
    rows = store.query("SELECT min(next_attempt_at) AS at FROM outbox WHERE status = 'pending'")
    at = rows[0]["at"] if rows else None
    if not at:
        return None
    delta = datetime.fromisoformat(at) - (now or datetime.now(UTC))
    return max(delta.total_seconds(), 0.0)


def mark_sent(store: Store, item_id: int) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, "
                     "last_error = NULL WHERE id = ?", [now_iso(), item_id])


def mark_attempt_failed(store: Store, item_id: int, error: str, retry_in: float | None) -> None:
    """One failed attempt: retry after ``retry_in`` seconds, or give up when it is None."""
    with store.transaction() as conn:
        if retry_in is None:
            conn.execute("UPDATE outbox SET status = 'failed', attempts = attempts + 1, "
                         "last_error = ? WHERE id = ?", [error[:2000], item_id])
        else:
            at = _iso(datetime.now(UTC) + timedelta(seconds=retry_in))
            conn.execute("UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                         "next_attempt_at = ? WHERE id = ?", [error[:2000], at, item_id])


def outbox_rows(store: Store, status: str | None = None) -> list[dict[str, Any]]:
    if status is None:
        return store.query("SELECT * FROM outbox ORDER BY id")
    return store.query("SELECT * FROM outbox WHERE status = ? ORDER BY id", [status])

