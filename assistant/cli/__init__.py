"""The ``assistant`` command: thin commands over plain functions.

Each topic registers its commands in its own module; ``eval`` and ``faq`` are groups that
several modules extend.
"""

from __future__ import annotations

from assistant.cli import core  # noqa: F401,E402  (registers serve, analyze, check)
from assistant.cli import community  # noqa: F401,E402  (registers community add, list)
from assistant.cli import faq  # noqa: F401,E402  (registers eval faq, faq export-learned)
from assistant.cli import highlights  # noqa: F401,E402  (digest, feature, faq suggest, eval highlights)
from assistant.cli import moderation  # noqa: F401,E402  (registers try, schema, replay, eval moderation)
from assistant.cli import users  # noqa: F401,E402  (registers user add, token add)
from assistant.cli.app import eval_group, faq_group, main

__all__ = ["eval_group", "faq_group", "main"]
