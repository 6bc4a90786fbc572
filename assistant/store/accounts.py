"""Users, API tokens and the signing secret of the review pages (migration 0500_review_accounts)."""

from __future__ import annotations

import secrets
from typing import Any

from sqlite_utils import Database

from assistant.store.core import Store, now_iso
from assistant.store.migrations import migration


@migration("0500_review_accounts")
def create_account_tables(db: Database) -> None:
    db.executescript("""
    CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL,              -- moderator | manager | admin
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    );
    CREATE TABLE api_tokens (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL,              -- ingest | moderator | manager | admin
        token_hash TEXT NOT NULL UNIQUE, -- sha256 of the token: the token itself is never kept
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
    );
    CREATE TABLE review_secrets (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """)


def add_user(store: Store, name: str, role: str, password_hash: str) -> int:
    """Create a user, or replace the role and password of an existing one; returns its id."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET role = excluded.role, "
            "password_hash = excluded.password_hash, active = 1",
            [name, role, password_hash, now_iso()])
        row = conn.execute("SELECT id FROM users WHERE name = ?", [name]).fetchone()
    return int(row[0])


def find_user(store: Store, name: str) -> dict[str, Any] | None:
    rows = store.query("SELECT * FROM users WHERE name = ? AND active = 1", [name])
    return rows[0] if rows else None


def get_user(store: Store, user_id: int) -> dict[str, Any] | None:
    rows = store.query("SELECT * FROM users WHERE id = ? AND active = 1", [user_id])
    return rows[0] if rows else None


def set_password_hash(store: Store, user_id: int, password_hash: str) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", [password_hash, user_id])


def add_token(store: Store, name: str, role: str, token_hash: str) -> None:
    """Store a new API token (by its hash); a token of the same name is replaced."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO api_tokens (name, role, token_hash, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET role = excluded.role, "
            "token_hash = excluded.token_hash, created_at = excluded.created_at, revoked_at = NULL",
            [name, role, token_hash, now_iso()])


def find_token(store: Store, token_hash: str) -> dict[str, Any] | None:
    """The live token with this hash (and mark it used)."""
    with store.transaction() as conn:
        row = conn.execute(
            "SELECT id, name, role FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
            [token_hash]).fetchone()
        if row is None:
            return None
        conn.execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", [now_iso(), row[0]])
    return {"id": row[0], "name": row[1], "role": row[2]}


def revoke_token(store: Store, name: str) -> bool:
    with store.transaction() as conn:
        cursor = conn.execute("UPDATE api_tokens SET revoked_at = ? WHERE name = ? "
                              "AND revoked_at IS NULL", [now_iso(), name])
    return cursor.rowcount > 0


def signing_secret(store: Store) -> str:
    """The secret that signs session cookies: made once, kept in the database."""
    with store.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO review_secrets (name, value) VALUES ('session', ?)",
                     [secrets.token_urlsafe(48)])
        row = conn.execute("SELECT value FROM review_secrets WHERE name = 'session'").fetchone()
    return str(row[0])
