"""Storage of the managers' pages: auto-answer outcomes, highlights, dashboard aggregates."""

from __future__ import annotations

from typing import Any

from assistant.store.core import Store, now_iso
from assistant.store.review import _append

# The explicit outcome of an auto-answer: never assumed, only recorded.
OUTCOME_SQL = ("COALESCE(o.outcome, CASE fa.status WHEN 'answered' THEN 'answered' "
               "ELSE fa.status END)")


def list_faq_answers(store: Store, status: str | None = None, outcome: str | None = None,
                     limit: int = 200) -> list[dict[str, Any]]:
    """Recent FAQ answers and gray-zone candidates, newest first, with their outcome."""
    where, params = ["fa.status IN ('answered', 'candidate')"], []
    if status:
        where.append("fa.status = ?")
        params.append(status)
    if outcome:
        where.append(f"{OUTCOME_SQL} = ?")
        params.append(outcome)
    return store.query(
        f"SELECT fa.id, fa.message_rowid, fa.chat, fa.entry_id, fa.score, fa.status, "
        f"fa.created_at, {OUTCOME_SQL} AS outcome, o.correct_entry_id, o.decided_by, "
        f"m.author, m.author_name, m.text, m.message_id FROM faq_answers fa "
        f"JOIN messages m ON m.id = fa.message_rowid "
        f"LEFT JOIN faq_outcomes o ON o.faq_answer_id = fa.id WHERE {' AND '.join(where)} "
        f"ORDER BY fa.created_at DESC, fa.id DESC LIMIT ?", [*params, limit])


def get_faq_answer(store: Store, answer_id: int) -> dict[str, Any] | None:
    rows = store.query(
        f"SELECT fa.*, {OUTCOME_SQL} AS outcome, o.correct_entry_id, m.text, m.author "
        f"FROM faq_answers fa "
        f"JOIN messages m ON m.id = fa.message_rowid "
        f"LEFT JOIN faq_outcomes o ON o.faq_answer_id = fa.id WHERE fa.id = ?", [answer_id])
    return rows[0] if rows else None


def set_faq_outcome(store: Store, answer_id: int, outcome: str, correct_entry_id: str | None,
                    decision: dict[str, Any]) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO faq_outcomes (faq_answer_id, outcome, correct_entry_id, decided_by, "
            "decided_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(faq_answer_id) DO UPDATE SET "
            "outcome = excluded.outcome, correct_entry_id = excluded.correct_entry_id, "
            "decided_by = excluded.decided_by, decided_at = excluded.decided_at",
            [answer_id, outcome, correct_entry_id, decision["actor"], now_iso()])
        _append(conn, decision)


def list_highlights(store: Store, featured: bool | None = None, limit: int = 200) -> list[dict[str, Any]]:
    where = "" if featured is None else f"WHERE h.featured = {int(featured)}"
    return store.query(
        f"SELECT h.message_rowid, h.score, h.reason, h.featured, h.created_at, m.chat, m.author, "
        f"m.author_name, m.text, q.text AS question_text, q.author AS question_author "
        f"FROM highlights h JOIN messages m ON m.id = h.message_rowid "
        f"LEFT JOIN messages q ON q.id = h.question_rowid {where} "
        f"ORDER BY h.featured DESC, h.score DESC, h.created_at DESC LIMIT ?", [limit])


def set_featured(store: Store, message_rowid: int, featured: bool, decision: dict[str, Any]) -> bool:
    with store.transaction() as conn:
        cursor = conn.execute("UPDATE highlights SET featured = ?, updated_at = ? "
                              "WHERE message_rowid = ?", [int(featured), now_iso(), message_rowid])
        if cursor.rowcount:
            _append(conn, decision)
    return cursor.rowcount > 0


# --- dashboard ----------------------------------------------------------------------------

def messages_per_day(store: Store, since: str) -> list[dict[str, Any]]:
    return store.query("SELECT substr(ts, 1, 10) AS day, count(*) AS n FROM messages "
                       "WHERE ts >= ? GROUP BY day ORDER BY day", [since])


def flags_per_day(store: Store, since: str) -> list[dict[str, Any]]:
    return store.query("SELECT substr(m.ts, 1, 10) AS day, f.category, count(*) AS n FROM flags f "
                       "JOIN messages m ON m.id = f.message_rowid WHERE m.ts >= ? "
                       "AND f.mode = 'enforce' GROUP BY day, f.category ORDER BY day", [since])


def answer_outcomes(store: Store, since: str) -> dict[str, int]:
    rows = store.query(f"SELECT {OUTCOME_SQL} AS outcome, count(*) AS n FROM faq_answers fa "
                       f"LEFT JOIN faq_outcomes o ON o.faq_answer_id = fa.id "
                       f"WHERE fa.status = 'answered' AND fa.created_at >= ? GROUP BY outcome",
                       [since])
    return {r["outcome"]: r["n"] for r in rows}


def top_questions(store: Store, since: str, limit: int = 10) -> list[dict[str, Any]]:
    return store.query("SELECT entry_id, count(*) AS n FROM faq_answers WHERE created_at >= ? "
                       "AND status IN ('answered', 'candidate', 'suppressed') GROUP BY entry_id "
                       "ORDER BY n DESC, entry_id LIMIT ?", [since, limit])


def top_helpers(store: Store, since: str, limit: int = 10) -> list[dict[str, Any]]:
    return store.query("SELECT m.author, max(m.author_name) AS author_name, count(*) AS n "
                       "FROM highlights h JOIN messages m ON m.id = h.message_rowid "
                       "WHERE m.ts >= ? GROUP BY m.author ORDER BY n DESC, m.author LIMIT ?",
                       [since, limit])


# --- the asker's own word -----------------------------------------------------------------

def unreviewed_answers(store: Store, limit: int = 500) -> list[dict[str, Any]]:
    """Auto-answers with no outcome yet, with their question (newest first)."""
    return store.query(
        "SELECT fa.id, q.id AS question_rowid, q.platform, q.chat, q.message_id, q.author, q.ts "
        "FROM faq_answers fa JOIN messages q ON q.id = fa.message_rowid "
        "LEFT JOIN faq_outcomes o ON o.faq_answer_id = fa.id "
        "WHERE fa.status = 'answered' AND o.faq_answer_id IS NULL "
        "ORDER BY fa.created_at DESC LIMIT ?", [limit])


def messages_after(store: Store, platform: str, chat: str, ts: str, until: str,
                   limit: int = 20) -> list[dict[str, Any]]:
    """The chat's messages after ``ts`` up to ``until``, in time order."""
    return store.query(
        "SELECT id, message_id, author, author_role, text, reply_to, ts FROM messages "
        "WHERE platform = ? AND chat = ? AND ts > ? AND ts <= ? ORDER BY ts, id LIMIT ?",
        [platform, chat, ts, until, limit])
