"""Splitting a chat message into sentences (chat punctuation is loose: newlines count too).

Besides . ! ? … and line breaks, chat writers end a sentence with an emoticon: "((" / "))",
":)" / ";(", a lone bracket with no partner ("понравилось) подскажите, ...") or an emoji
("понравилось 😊 Мне нужна справка").
"""

from __future__ import annotations

import re

# After . ! ? …, after a chat emoticon "((" / "))" / ":)" / ";(", and at line breaks.
_BOUNDARY = re.compile(r"(?<=[.!?…])[\s)]+(?=\S)|(?<=[()]{2})\s+(?=\S)|(?<=[:;][()])\s+(?=\S)|\n+")
# An emoji (pictographs, symbols, dingbats; with its variation selector) followed by a space.
_EMOJI_END = re.compile(r"(?<=[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f])\s+(?=\S)")
_LONE_BRACKET = re.compile(r"(?<=[^\W\d_])[()]+\s+(?=\S)")
MAX_SEGMENTS = 8


def _lone_brackets(text: str) -> list[int]:
    """Ends of ")" / "(" smileys after a word: brackets that do not pair up with one another."""
    lone: list[int] = []
    for match in _LONE_BRACKET.finditer(text):
        bracket = text[match.start()]
        before = text[: match.start()]
        if bracket == ")" and before.count("(") > before.count(")"):
            continue  # closes a parenthesis: "(например, склад) и ..."
        if bracket == "(" and ")" in text[match.end():]:
            continue  # opens a parenthesis
        lone.append(match.end())
    return lone


def _split_line(text: str) -> list[str]:
    cuts = sorted({m.end() for m in _EMOJI_END.finditer(text)} | set(_lone_brackets(text)))
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def split_sentences(text: str) -> list[str]:
    """Non-empty sentences of a message, at most MAX_SEGMENTS (the rest joins the last one)."""
    parts = [p.strip() for chunk in _BOUNDARY.split(text) if chunk and chunk.strip()
             for p in _split_line(chunk) if p.strip()]
    if len(parts) > MAX_SEGMENTS:
        parts = parts[: MAX_SEGMENTS - 1] + [" ".join(parts[MAX_SEGMENTS - 1 :])]
    return parts
