"""The Store: one SQLite database (WAL), one lock, atomic writes of a message's whole outcome."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from sqlite_utils import Database

from assistant.context import ContextMessage
from assistant.models import Flag, Highlight, Message, Verdict
from assistant.store.migrations import apply_migrations


def _iso(ts: datetime | None) -> str:
    """Fixed-width UTC ISO time, so that text order is time order in SQL."""
    return (ts or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def now_iso() -> str:
    return _iso(None)


@dataclass
class StoredOutcome:
    """Everything the analysers decided about one message, written in one transaction."""

    verdict: Verdict
    lang: str
    is_question: bool
    embedding: np.ndarray | None
    flags: list[Flag] = field(default_factory=list)  # includes shadow-mode flags
    faq_status: str | None = None  # answered | suppressed | candidate
    highlight_question_id: str | None = None
    highlight_updates: list[tuple[str, Highlight]] = field(default_factory=list)
    # more writes of other analysers (thread links), run inside the same transaction
    also: Callable[[sqlite3.Connection], None] | None = None


class Store:
    """SQLite storage; ``path=None`` keeps everything in memory (nothing on disk)."""

    def __init__(self, path: Path | str | None) -> None:
        if path is not None and str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.path = None if path is None else str(path)
        conn = sqlite3.connect(self.path or ":memory:", check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=5000")
        self.db = Database(conn)
        self.lock = threading.RLock()
        with self.lock:
            apply_migrations(self.db)

    def close(self) -> None:
        with self.lock:
            self.db.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: the block's writes commit together or not at all."""
        with self.lock, self.db.conn as conn:
            yield conn

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.db.query(sql, params))

    # --- messages -------------------------------------------------------------------------

    def find_verdict(self, message: Message) -> Verdict | None:
        """The verdict stored for this (platform, chat, id), if it was processed before."""
        rows = self.query(
            "SELECT v.verdict FROM messages m JOIN verdicts v ON v.message_rowid = m.id "
            "WHERE m.platform = ? AND m.chat = ? AND m.message_id = ?", message.key)
        return Verdict.model_validate_json(rows[0]["verdict"]) if rows else None

    def record_received(self, message: Message) -> int:
        """Store the raw message before analysis (so a crash cannot lose it); returns its row id."""
        extra = message.model_extra or {}
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO messages (platform, chat, message_id, author, author_role, "
                "author_name, text, reply_to, ts, received_at, extra) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [message.platform, message.chat, message.id, message.author, message.author_role,
                 message.author_name, message.text, message.reply_to, _iso(message.ts), now_iso(),
                 json.dumps(extra, ensure_ascii=False, default=str) if extra else None])
            row = conn.execute(
                "SELECT id FROM messages WHERE platform = ? AND chat = ? AND message_id = ?",
                message.key).fetchone()
        return int(row[0])

    def mark_failed(self, rowid: int, error: str) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE messages SET status = 'failed', error = ? WHERE id = ?",
                         [error[:2000], rowid])

    def record_outcome(self, rowid: int, message: Message, outcome: StoredOutcome) -> None:
        """Verdict, flags, FAQ answer and highlights of one message, atomically."""
        stamp = now_iso()
        verdict = outcome.verdict
        embedding = (outcome.embedding.astype(np.float16).tobytes()
                     if outcome.embedding is not None else None)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE messages SET status = 'done', error = NULL, lang = ?, is_question = ?, "
                "embedding = ? WHERE id = ?",
                [outcome.lang, int(outcome.is_question), embedding, rowid])
            conn.execute(
                "INSERT OR REPLACE INTO verdicts (message_rowid, verdict, created_at, updated_at) "
                "VALUES (?, ?, ?, ?)", [rowid, verdict.model_dump_json(), stamp, stamp])
            conn.execute("DELETE FROM flags WHERE message_rowid = ?", [rowid])
            for flag in outcome.flags:
                conn.execute(
                    "INSERT INTO flags (message_rowid, category, rule, severity, reason, score, "
                    "threshold, span, rule_version, mode, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [rowid, flag.category, flag.rule, flag.severity, flag.reason, flag.score,
                     flag.threshold, flag.span, flag.rule_version, flag.mode or "enforce", stamp])
            conn.execute("DELETE FROM faq_answers WHERE message_rowid = ?", [rowid])  # an edit replaces it
            if verdict.faq is not None and outcome.faq_status:
                conn.execute(
                    "INSERT INTO faq_answers (message_rowid, platform, chat, entry_id, score, "
                    "status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [rowid, message.platform, message.chat, verdict.faq.id, verdict.faq.score,
                     outcome.faq_status, _iso(message.ts)])
            if verdict.highlight is not None:
                self._write_highlight(conn, rowid, verdict.highlight, message,
                                      outcome.highlight_question_id, stamp)
            for message_id, highlight in outcome.highlight_updates:
                self._update_highlight(conn, message.platform, message.chat, message_id,
                                       highlight, stamp)
            if outcome.also is not None:
                outcome.also(conn)

    def _rowid(self, conn: sqlite3.Connection, platform: str, chat: str,
               message_id: str | None) -> int | None:
        if message_id is None:
            return None
        row = conn.execute("SELECT id FROM messages WHERE platform = ? AND chat = ? AND "
                           "message_id = ?", [platform, chat, message_id]).fetchone()
        return int(row[0]) if row else None

    def _write_highlight(self, conn: sqlite3.Connection, rowid: int, highlight: Highlight,
                         message: Message, question_id: str | None, stamp: str) -> None:
        question_rowid = self._rowid(conn, message.platform, message.chat, question_id)
        conn.execute(
            "INSERT INTO highlights (message_rowid, question_rowid, score, reason, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(message_rowid) DO UPDATE SET "
            "score = excluded.score, reason = excluded.reason, updated_at = excluded.updated_at",
            [rowid, question_rowid, highlight.score, highlight.reason, stamp, stamp])

    def _update_highlight(self, conn: sqlite3.Connection, platform: str, chat: str,
                          message_id: str, highlight: Highlight, stamp: str) -> None:
        """A later message (a thanks) changed an earlier answer's highlight: keep both in step."""
        rowid = self._rowid(conn, platform, chat, message_id)
        if rowid is None:
            return
        row = conn.execute("SELECT verdict FROM verdicts WHERE message_rowid = ?",
                           [rowid]).fetchone()
        if row is None:
            return
        verdict = Verdict.model_validate_json(row[0])
        verdict.highlight = highlight
        conn.execute("UPDATE verdicts SET verdict = ?, updated_at = ? WHERE message_rowid = ?",
                     [verdict.model_dump_json(), stamp, rowid])
        question_rowid = self._rowid(conn, platform, chat, highlight.question_id)
        conn.execute(
            "INSERT INTO highlights (message_rowid, question_rowid, score, reason, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(message_rowid) DO UPDATE SET "
            "score = excluded.score, reason = excluded.reason, updated_at = excluded.updated_at",
            [rowid, question_rowid, highlight.score, highlight.reason, stamp, stamp])

    # --- context --------------------------------------------------------------------------

    def chat_context(self, message: Message, limit: int, minutes: int) -> list[ContextMessage]:
        """Recent processed messages of the chat before this one, oldest first, plus the
        message it replies to (even when older than the window)."""
        since = _iso((message.ts or datetime.now(UTC)) - timedelta(minutes=minutes))
        rows = self.query(
            "SELECT * FROM (SELECT m.*, v.verdict FROM messages m "
            "LEFT JOIN verdicts v ON v.message_rowid = m.id "
            "WHERE m.platform = ? AND m.chat = ? AND m.status = 'done' AND m.message_id != ? "
            "AND m.ts >= ? AND m.ts <= ? ORDER BY m.ts DESC, m.id DESC LIMIT ?) "
            "ORDER BY ts, id",
            [message.platform, message.chat, message.id, since, _iso(message.ts), limit])
        found = {r["message_id"] for r in rows}
        if message.reply_to and message.reply_to not in found:
            rows = self.query(
                "SELECT m.*, v.verdict FROM messages m LEFT JOIN verdicts v "
                "ON v.message_rowid = m.id WHERE m.platform = ? AND m.chat = ? "
                "AND m.message_id = ? AND m.status = 'done'",
                [message.platform, message.chat, message.reply_to]) + rows
        return [_context_message(r) for r in rows]

    def last_faq_answer(self, platform: str, chat: str, entry_id: str) -> datetime | None:
        rows = self.query(
            "SELECT max(created_at) AS at FROM faq_answers WHERE platform = ? AND chat = ? "
            "AND entry_id = ? AND status = 'answered'", [platform, chat, entry_id])
        at = rows[0]["at"] if rows else None
        return datetime.fromisoformat(at) if at else None

    def count(self, table: str) -> int:
        return int(self.query(f"SELECT count(*) AS n FROM [{table}]")[0]["n"])


def _context_message(row: dict[str, Any]) -> ContextMessage:
    verdict = json.loads(row["verdict"]) if row.get("verdict") else {}
    embedding = (np.frombuffer(row["embedding"], dtype=np.float16).astype(np.float32)
                 if row.get("embedding") else None)
    highlight = verdict.get("highlight") or {}
    return ContextMessage(
        id=row["message_id"], author=row["author"], author_role=row["author_role"],
        text=row["text"], ts=datetime.fromisoformat(row["ts"]), reply_to=row["reply_to"],
        lang=row["lang"] or "", is_question=bool(row["is_question"]), embedding=embedding,
        flag_categories=[f["category"] for f in verdict.get("flags", [])],
        faq_id=(verdict.get("faq") or {}).get("id"),
        highlight_score=highlight.get("score"),
    )
