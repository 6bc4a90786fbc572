"""Persistence: every SQL statement of the assistant lives in this package."""

from assistant.store import accounts, review  # noqa: F401  (registers migrations 0500_review*)
from assistant.store import faq_learned  # noqa: F401  (registers migration 0100_faq_learned)
from assistant.store import highlights  # noqa: F401  (registers migrations 0300_*)
from assistant.store import schema_core  # noqa: F401  (registers migrations)
from assistant.store import webhooks  # noqa: F401  (registers migration 0400_webhooks)
from assistant.store.core import Store, StoredOutcome

__all__ = ["Store", "StoredOutcome"]
