"""The ``assistant`` command: thin commands over plain functions.

Each topic registers its commands in its own module; ``eval`` and ``faq`` are groups that
several modules extend.
"""

from __future__ import annotations

from assistant.cli import (
    community,  # noqa: F401,E402  (registers community add, list)
    confidence,  # noqa: F401,E402  (registers faq fit-confidence)
    core,  # noqa: F401,E402  (registers serve, analyze, check)
    faq,  # noqa: F401,E402  (registers eval faq, faq export-learned)
    highlights,  # noqa: F401,E402  (digest, feature, faq suggest, eval highlights)
    moderation,  # noqa: F401,E402  (registers try, schema, replay, eval moderation)
    users,  # noqa: F401,E402  (registers user add, token add)
)
from assistant.cli.app import eval_group, faq_group, main

__all__ = ["eval_group", "faq_group", "main"]
