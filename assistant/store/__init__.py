"""Persistence: every SQL statement of the assistant lives in this package."""

from assistant.store import schema_core  # noqa: F401  (registers migrations)
from assistant.store.core import Store, StoredOutcome

__all__ = ["Store", "StoredOutcome"]
