"""Splitting a chat message into sentences (chat punctuation is loose: newlines count too)."""

from __future__ import annotations

import re

# After . ! ? …, after a chat emoticon "((" / "))" / ":)" / ";(", and at line breaks.
_BOUNDARY = re.compile(r"(?<=[.!?…])[\s)]+(?=\S)|(?<=[()]{2})\s+(?=\S)|(?<=[:;][()])\s+(?=\S)|\n+")
MAX_SEGMENTS = 8


def split_sentences(text: str) -> list[str]:
    """Non-empty sentences of a message, at most MAX_SEGMENTS (the rest joins the last one)."""
    parts = [p.strip() for p in _BOUNDARY.split(text) if p and p.strip()]
    if len(parts) > MAX_SEGMENTS:
        parts = parts[: MAX_SEGMENTS - 1] + [" ".join(parts[MAX_SEGMENTS - 1 :])]
    return parts
