"""The core tables: messages, verdicts, flags, FAQ answers, highlights."""

from __future__ import annotations

from sqlite_utils import Database

from assistant.store.migrations import migration


@migration("0001_core")
def create_core_tables(db: Database) -> None:
    db.executescript("""
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        chat TEXT NOT NULL,
        message_id TEXT NOT NULL,
        author TEXT NOT NULL,
        author_role TEXT NOT NULL DEFAULT 'member',
        author_name TEXT,
        text TEXT NOT NULL,
        reply_to TEXT,
        ts TEXT NOT NULL,
        received_at TEXT NOT NULL,
        lang TEXT,
        is_question INTEGER,
        embedding BLOB,
        extra TEXT,
        status TEXT NOT NULL DEFAULT 'received',  -- received | done | failed
        error TEXT,
        UNIQUE (platform, chat, message_id)
    );
    CREATE INDEX messages_chat_ts ON messages (platform, chat, ts);
    CREATE INDEX messages_status ON messages (status);

    CREATE TABLE verdicts (
        message_rowid INTEGER PRIMARY KEY REFERENCES messages(id),
        verdict TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );

    CREATE TABLE flags (
        id INTEGER PRIMARY KEY,
        message_rowid INTEGER NOT NULL REFERENCES messages(id),
        category TEXT NOT NULL,
        rule TEXT NOT NULL,
        severity TEXT NOT NULL,
        reason TEXT NOT NULL,
        score REAL,
        threshold REAL,
        span TEXT,
        rule_version TEXT,
        mode TEXT NOT NULL DEFAULT 'enforce',
        state TEXT NOT NULL DEFAULT 'open',
        created_at TEXT NOT NULL
    );
    CREATE INDEX flags_message ON flags (message_rowid);
    CREATE INDEX flags_state ON flags (state, created_at);

    CREATE TABLE faq_answers (
        id INTEGER PRIMARY KEY,
        message_rowid INTEGER NOT NULL REFERENCES messages(id),
        platform TEXT NOT NULL,
        chat TEXT NOT NULL,
        entry_id TEXT NOT NULL,
        score REAL NOT NULL,
        status TEXT NOT NULL,  -- answered | suppressed | candidate
        created_at TEXT NOT NULL
    );
    CREATE INDEX faq_answers_chat_entry ON faq_answers (platform, chat, entry_id, created_at);

    CREATE TABLE highlights (
        message_rowid INTEGER PRIMARY KEY REFERENCES messages(id),
        question_rowid INTEGER REFERENCES messages(id),
        score REAL NOT NULL,
        reason TEXT NOT NULL,
        featured INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX highlights_score ON highlights (score);
    """)
