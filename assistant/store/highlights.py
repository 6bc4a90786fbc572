"""Recognition tables: thread links (answer → question, kept across restarts), featuring log;
and the queries of the highlights API, digest and FAQ gap mining."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from assistant.context import ChatContext
from assistant.highlights.scorer import HighlightOutcome
from assistant.highlights.threads import ThreadLink
from assistant.models import Message
from assistant.store.core import Store, now_iso
from assistant.store.migrations import migration


@migration("0300_thread_links")
def create_thread_links(db: Database) -> None:
    db.executescript("""
    CREATE TABLE thread_links (
        answer_rowid INTEGER PRIMARY KEY REFERENCES messages(id),
        question_rowid INTEGER REFERENCES messages(id),
        platform TEXT NOT NULL,
        chat TEXT NOT NULL,
        answer_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        asker TEXT NOT NULL,
        answerer TEXT NOT NULL,
        kind TEXT NOT NULL,            -- reply | proximity
        base_score REAL NOT NULL,      -- before any thanks
        score REAL NOT NULL,           -- now
        reason TEXT NOT NULL,
        signals TEXT NOT NULL,         -- JSON: fit, specificity, length, penalty, cues, negatives
        thanked TEXT,                  -- thanks | confirmed
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX thread_links_answer ON thread_links (platform, chat, answer_id);
    CREATE INDEX thread_links_question ON thread_links (question_rowid);
    """)


@migration("0301_highlight_featuring_log")
def create_featuring_log(db: Database) -> None:
    db.executescript("""
    CREATE TABLE highlight_featuring_log (
        id INTEGER PRIMARY KEY,
        message_rowid INTEGER NOT NULL REFERENCES messages(id),
        featured INTEGER NOT NULL,
        actor TEXT,
        note TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX highlight_featuring_log_message ON highlight_featuring_log (message_rowid);
    """)


def _link(row: dict[str, Any]) -> ThreadLink:
    return ThreadLink(answer_id=row["answer_id"], question_id=row["question_id"], asker=row["asker"],
                      answerer=row["answerer"], kind=row["kind"], base_score=row["base_score"],
                      score=row["score"], reason=row["reason"], signals=json.loads(row["signals"]),
                      thanked=row["thanked"])


def links_for(store: Store, platform: str, chat: str, answer_ids: list[str]) -> dict[str, ThreadLink]:
    """The stored thread links of these answers (those that answer a question)."""
    if not answer_ids:
        return {}
    marks = ",".join("?" * len(answer_ids))
    rows = store.query(f"SELECT * FROM thread_links WHERE platform = ? AND chat = ? "
                       f"AND answer_id IN ({marks})", [platform, chat, *answer_ids])
    return {r["answer_id"]: _link(r) for r in rows}


def write_thread_state(conn: sqlite3.Connection, message: Message, link: ThreadLink | None,
                       thanked: list[tuple[str, float, str, str | None]]) -> None:
    """Keep this message's link to its question, and what a thanks changed in earlier links
    (answer id, score, reason, thanks kind); runs inside the caller's transaction."""
    stamp = now_iso()
    if link is not None:
        conn.execute(
            "INSERT OR REPLACE INTO thread_links (answer_rowid, question_rowid, platform, chat, "
            "answer_id, question_id, asker, answerer, kind, base_score, score, reason, signals, "
            "thanked, created_at, updated_at) SELECT a.id, q.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ? FROM messages a LEFT JOIN messages q ON q.platform = a.platform AND "
            "q.chat = a.chat AND q.message_id = ? WHERE a.platform = ? AND a.chat = ? "
            "AND a.message_id = ?",
            [message.platform, message.chat, link.answer_id, link.question_id, link.asker,
             link.answerer, link.kind, link.base_score, link.score, link.reason,
             json.dumps(link.signals, ensure_ascii=False), link.thanked, stamp, stamp,
             link.question_id, *message.key])
    for answer_id, score, reason, kind in thanked:
        conn.execute("UPDATE thread_links SET score = ?, reason = ?, thanked = ?, updated_at = ? "
                     "WHERE platform = ? AND chat = ? AND answer_id = ?",
                     [score, reason, kind, stamp, message.platform, message.chat, answer_id])


def highlight_links(store: Store, message: Message, context: ChatContext) -> dict[str, ThreadLink]:
    """The thread links the scorer needs: those of the context messages."""
    return links_for(store, message.platform, message.chat, [m.id for m in context.recent])


def highlight_state_writer(message: Message, outcome: HighlightOutcome
                           ) -> Callable[[sqlite3.Connection], None] | None:
    """The thread-link writes of one message, for the verdict's transaction (None: nothing to write)."""
    thanked = [(u.message_id, u.highlight.score, u.highlight.reason, u.thanked)
               for u in outcome.updates]
    if outcome.link is None and not thanked:
        return None
    return lambda conn: write_thread_state(conn, message, outcome.link, thanked)


# --- featuring: what managers see ---------------------------------------------------------

_HIGHLIGHT_ROWS = (
    "SELECT a.platform, a.chat, a.message_id, a.author, a.author_name, a.text, a.ts, a.extra, "
    "h.score, h.reason, h.featured, q.message_id AS question_id, q.author AS asker, "
    "q.author_name AS asker_name, q.text AS question_text, q.extra AS question_extra "
    "FROM highlights h JOIN messages a ON a.id = h.message_rowid "
    "LEFT JOIN messages q ON q.id = h.question_rowid "
    "WHERE h.score >= ? AND a.ts >= ?")


def list_highlights(store: Store, since: str, chat: str | None = None, min_score: float = 0.0,
                    featured: bool | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Highlights of answers sent since ``since`` (ISO time), best first."""
    sql, params = _HIGHLIGHT_ROWS, [min_score, since]
    if chat is not None:
        sql += " AND a.chat = ?"
        params.append(chat)
    if featured is not None:
        sql += " AND h.featured = ?"
        params.append(int(featured))
    rows = store.query(sql + " ORDER BY h.score DESC, a.ts DESC LIMIT ?", [*params, limit])
    for row in rows:
        row["featured"] = bool(row["featured"])
        for key in ("extra", "question_extra"):
            row[key] = json.loads(row[key]) if row[key] else {}
    return rows


def set_featured(store: Store, chat: str, message_id: str, featured: bool, actor: str | None,
                 note: str | None = None, platform: str | None = None) -> bool:
    """Mark a highlight featured (or not) and log who did it; False when there is no highlight."""
    with store.transaction() as conn:
        found = conn.execute(
            "SELECT h.message_rowid FROM highlights h JOIN messages m ON m.id = h.message_rowid "
            "WHERE m.chat = ? AND m.message_id = ? AND (? IS NULL OR m.platform = ?)",
            [chat, message_id, platform, platform]).fetchone()
        if found is None:
            return False
        conn.execute("UPDATE highlights SET featured = ?, updated_at = ? WHERE message_rowid = ?",
                     [int(featured), now_iso(), found[0]])
        conn.execute("INSERT INTO highlight_featuring_log (message_rowid, featured, actor, note, "
                     "created_at) VALUES (?, ?, ?, ?, ?)",
                     [found[0], int(featured), actor, note, now_iso()])
    return True


def featuring_log(store: Store, chat: str, message_id: str) -> list[dict[str, Any]]:
    return store.query(
        "SELECT l.featured, l.actor, l.note, l.created_at FROM highlight_featuring_log l "
        "JOIN messages m ON m.id = l.message_rowid WHERE m.chat = ? AND m.message_id = ? "
        "ORDER BY l.id", [chat, message_id])


def helpful_members(store: Store, since: str, chat: str | None = None, min_score: float = 0.5,
                    limit: int = 10) -> list[dict[str, Any]]:
    """Members ranked by their highlighted answers since ``since``."""
    return store.query(
        "SELECT a.author, max(a.author_name) AS author_name, count(*) AS answers, "
        "round(sum(h.score), 3) AS total_score, sum(t.thanked IS NOT NULL) AS thanked "
        "FROM highlights h JOIN messages a ON a.id = h.message_rowid "
        "LEFT JOIN thread_links t ON t.answer_rowid = h.message_rowid "
        "WHERE h.score >= ? AND a.ts >= ? AND (? IS NULL OR a.chat = ?) "
        "GROUP BY a.author ORDER BY total_score DESC, answers DESC LIMIT ?",
        [min_score, since, chat, chat, limit])


def unanswered_questions(store: Store, since: str, chat: str | None = None) -> list[dict[str, Any]]:
    """Members' questions the FAQ did not answer, with their best linked member answer."""
    rows = store.query(
        "SELECT q.id AS rowid, q.chat, q.message_id, q.lang, q.text, q.embedding, v.verdict, "
        "(SELECT a.text FROM thread_links t JOIN messages a ON a.id = t.answer_rowid "
        " WHERE t.question_rowid = q.id ORDER BY t.score DESC LIMIT 1) AS best_answer, "
        "(SELECT t.answerer FROM thread_links t WHERE t.question_rowid = q.id "
        " ORDER BY t.score DESC LIMIT 1) AS answerer, "
        "(SELECT max(t.score) FROM thread_links t WHERE t.question_rowid = q.id) AS best_score "
        "FROM messages q JOIN verdicts v ON v.message_rowid = q.id "
        "WHERE q.is_question = 1 AND q.author_role = 'member' AND q.status = 'done' "
        "AND q.ts >= ? AND (? IS NULL OR q.chat = ?) ORDER BY q.ts", [since, chat, chat])
    result = []
    for row in rows:
        faq = json.loads(row.pop("verdict")).get("faq") or {}
        if faq.get("id") and faq.get("status", "answered") in ("answered", "suppressed"):
            continue
        result.append(row)
    return result
