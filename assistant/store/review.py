"""The review queue's storage: decisions (an append-only audit log), assignments, FAQ outcomes.

Migration ``0500_review``. Every SQL statement of the review pages and API lives here.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from assistant.models import Flag
from assistant.store.core import Store, now_iso
from assistant.store.migrations import migration

FLAG_STATES = ("open", "resolved", "dismissed", "escalated")
SEVERITY_RANK_SQL = "CASE f.severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END"


@migration("0500_review")
def create_review_tables(db: Database) -> None:
    db.executescript("""
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        target_kind TEXT NOT NULL,       -- flag | faq_answer | highlight
        target_id INTEGER NOT NULL,
        action TEXT NOT NULL,            -- resolve | dismiss | escalate | assign | note | confirm ...
        actor TEXT NOT NULL,             -- user name, or token:NAME
        note TEXT,
        details TEXT,                    -- JSON: rule, state before/after, chosen entry ...
        created_at TEXT NOT NULL
    );
    CREATE INDEX decisions_target ON decisions (target_kind, target_id, id);
    CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

    CREATE TABLE assignments (
        flag_id INTEGER PRIMARY KEY,
        assignee TEXT NOT NULL,
        assigned_at TEXT NOT NULL
    );

    CREATE TABLE faq_outcomes (
        faq_answer_id INTEGER PRIMARY KEY,
        outcome TEXT NOT NULL,           -- confirmed | wrong | escalated | corrected
        correct_entry_id TEXT,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL
    );
    """)


# --- flags --------------------------------------------------------------------------------

def add_flag(store: Store, message_rowid: int, flag: Flag) -> int:
    """Flag a stored message by hand (a moderator's report; tests use it to make queue items)."""
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO flags (message_rowid, category, rule, severity, reason, score, threshold, "
            "span, rule_version, mode, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [message_rowid, flag.category, flag.rule, flag.severity, flag.reason, flag.score,
             flag.threshold, flag.span, flag.rule_version, flag.mode or "enforce", now_iso()])
    return int(cursor.lastrowid or 0)


def _flag_filters(filters: dict[str, str | None], with_state: bool) -> tuple[str, list[Any]]:
    where, params = ["f.mode = 'enforce'"], []
    for key, column in (("chat", "m.chat"), ("category", "f.category"),
                        ("severity", "f.severity"), ("state", "f.state")):
        value = filters.get(key)
        if value and (with_state or key != "state"):
            where.append(f"{column} = ?")
            params.append(value)
    return " AND ".join(where), params


_FLAG_COLUMNS = (
    "f.id, f.message_rowid, f.category, f.rule, f.severity, f.reason, f.score, f.threshold, "
    "f.span, f.state, f.created_at, m.platform, m.chat, m.message_id, m.author, m.author_name, "
    "m.text, m.reply_to, m.ts, a.assignee")


def list_flags(store: Store, filters: dict[str, str | None], limit: int = 500) -> list[dict[str, Any]]:
    """Flags matching the filters, most severe and oldest first."""
    where, params = _flag_filters(filters, with_state=True)
    return store.query(
        f"SELECT {_FLAG_COLUMNS} FROM flags f JOIN messages m ON m.id = f.message_rowid "
        f"LEFT JOIN assignments a ON a.flag_id = f.id WHERE {where} "
        f"ORDER BY {SEVERITY_RANK_SQL} DESC, f.created_at, f.id LIMIT ?", [*params, limit])


def state_counts(store: Store, filters: dict[str, str | None]) -> dict[str, int]:
    """How many flags are in each state, under the other filters."""
    where, params = _flag_filters(filters, with_state=False)
    rows = store.query(f"SELECT f.state, count(*) AS n FROM flags f JOIN messages m "
                       f"ON m.id = f.message_rowid WHERE {where} GROUP BY f.state", params)
    counts = dict.fromkeys(FLAG_STATES, 0)
    counts.update({r["state"]: r["n"] for r in rows})
    return counts


def filter_choices(store: Store) -> dict[str, list[str]]:
    """The chats and categories that have flags (for the filter menus)."""
    chats = store.query("SELECT DISTINCT m.chat FROM flags f JOIN messages m "
                        "ON m.id = f.message_rowid ORDER BY m.chat")
    categories = store.query("SELECT DISTINCT category FROM flags ORDER BY category")
    return {"chat": [r["chat"] for r in chats], "category": [r["category"] for r in categories]}


def get_flag(store: Store, flag_id: int) -> dict[str, Any] | None:
    rows = store.query(f"SELECT {_FLAG_COLUMNS} FROM flags f JOIN messages m "
                       f"ON m.id = f.message_rowid LEFT JOIN assignments a ON a.flag_id = f.id "
                       f"WHERE f.id = ?", [flag_id])
    return rows[0] if rows else None


def flags_of_message(store: Store, message_rowid: int) -> list[dict[str, Any]]:
    return store.query("SELECT id, category, rule, severity, reason, state FROM flags "
                       "WHERE message_rowid = ? AND mode = 'enforce' ORDER BY id", [message_rowid])


def set_flag_state(store: Store, flag_id: int, state: str, decision: dict[str, Any]) -> None:
    """Change a flag's state and append the decision, atomically."""
    with store.transaction() as conn:
        conn.execute("UPDATE flags SET state = ? WHERE id = ?", [state, flag_id])
        _append(conn, decision)


def assign_flag(store: Store, flag_id: int, assignee: str, decision: dict[str, Any]) -> None:
    with store.transaction() as conn:
        conn.execute("INSERT INTO assignments (flag_id, assignee, assigned_at) VALUES (?, ?, ?) "
                     "ON CONFLICT(flag_id) DO UPDATE SET assignee = excluded.assignee, "
                     "assigned_at = excluded.assigned_at", [flag_id, assignee, now_iso()])
        _append(conn, decision)


# --- thread -------------------------------------------------------------------------------

def message_by_id(store: Store, platform: str, chat: str, message_id: str) -> dict[str, Any] | None:
    rows = store.query("SELECT id, message_id, reply_to, author, author_name, text, ts FROM messages "
                       "WHERE platform = ? AND chat = ? AND message_id = ?",
                       [platform, chat, message_id])
    return rows[0] if rows else None


def messages_around(store: Store, platform: str, chat: str, ts: str, before: int,
                    after: int) -> list[dict[str, Any]]:
    """The messages of the chat just before and after ``ts`` (inclusive), in time order."""
    columns = "id, message_id, reply_to, author, author_name, author_role, text, ts"
    earlier = store.query(f"SELECT {columns} FROM messages WHERE platform = ? AND chat = ? "
                          f"AND ts < ? ORDER BY ts DESC, id DESC LIMIT ?",
                          [platform, chat, ts, before])
    later = store.query(f"SELECT {columns} FROM messages WHERE platform = ? AND chat = ? "
                        f"AND ts >= ? ORDER BY ts, id LIMIT ?", [platform, chat, ts, after + 1])
    return list(reversed(earlier)) + later


# --- the audit log ------------------------------------------------------------------------

def _append(conn: Any, decision: dict[str, Any]) -> None:
    conn.execute(
        "INSERT INTO decisions (target_kind, target_id, action, actor, note, details, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [decision["target_kind"], decision["target_id"], decision["action"], decision["actor"],
         decision.get("note"), json.dumps(decision.get("details") or {}, ensure_ascii=False),
         now_iso()])


def append_decision(store: Store, decision: dict[str, Any]) -> None:
    with store.transaction() as conn:
        _append(conn, decision)


def history(store: Store, target_kind: str, target_id: int) -> list[dict[str, Any]]:
    return [_decoded(r) for r in store.query(
        "SELECT * FROM decisions WHERE target_kind = ? AND target_id = ? ORDER BY id",
        [target_kind, target_id])]


def audit_log(store: Store, limit: int = 200, actor: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE actor = ?", [actor]) if actor else ("", [])
    return [_decoded(r) for r in store.query(
        f"SELECT * FROM decisions {where} ORDER BY id DESC LIMIT ?", [*params, limit])]


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    row["details"] = json.loads(row["details"]) if row.get("details") else {}
    return row


# --- calibration --------------------------------------------------------------------------

def decided_flags(store: Store) -> list[dict[str, Any]]:
    """Rule, score, threshold and state of every enforced flag (for calibration)."""
    return store.query("SELECT rule, category, score, threshold, state, created_at FROM flags "
                       "WHERE mode = 'enforce'")


def rules_fired_since(store: Store, since: str) -> set[str]:
    return {r["rule"] for r in store.query("SELECT DISTINCT rule FROM flags WHERE created_at >= ?",
                                           [since])}
