"""The ``assistant`` command: thin commands over plain functions.

Each topic registers its commands in its own module; ``eval`` and ``faq`` are groups that
several modules extend.
"""

from __future__ import annotations

from assistant.cli import core  # noqa: F401,E402  (registers serve, analyze, check)
from assistant.cli.app import eval_group, faq_group, main

__all__ = ["eval_group", "faq_group", "main"]
