"""Persistence: every SQL statement of the assistant lives in this package."""

# Importing each schema module registers its migrations (applied in name order by Store).
from assistant.store import (  # noqa: F401
    accounts,  # 0500_review_accounts
    faq_learned,  # 0100_faq_learned
    highlights,  # 0300_*
    review,  # 0500_review
    schema_core,  # 0001_core
    webhooks,  # 0400_webhooks
)
from assistant.store.core import Store, StoredOutcome

__all__ = ["Store", "StoredOutcome"]
