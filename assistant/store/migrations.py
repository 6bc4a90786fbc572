"""Schema migrations as registered functions, applied once each in name order, recorded in a table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlite_utils import Database

Migration = Callable[[Database], None]
_REGISTRY: dict[str, Migration] = {}


def migration(name: str) -> Callable[[Migration], Migration]:
    """Register a migration; names sort in the order they must run (``0001_core``)."""

    def register(function: Migration) -> Migration:
        if name in _REGISTRY:
            raise ValueError(f"migration {name!r} is registered twice")
        _REGISTRY[name] = function
        return function

    return register


def apply_migrations(db: Database) -> list[str]:
    """Apply every registered migration not yet recorded; returns the names applied."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in db.execute("SELECT name FROM migrations").fetchall()}
    applied = []
    for name in sorted(_REGISTRY):
        if name in done:
            continue
        with db.conn:
            _REGISTRY[name](db)
            db.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                       [name, datetime.now(UTC).isoformat()])
        applied.append(name)
    return applied
