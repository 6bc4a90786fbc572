"""Scores how helpful a member's answer to another member's question is (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from assistant.context import ChatContext
from assistant.models import Highlight, Message
from assistant.nlp import Analysis

MIN_SCORE = 0.5


@dataclass
class HighlightUpdate:
    """A change to an earlier message's highlight (a thanks arrived after the answer)."""

    message_id: str
    highlight: Highlight


@dataclass
class HighlightOutcome:
    highlight: Highlight | None = None
    updates: list[HighlightUpdate] = field(default_factory=list)


def score_message(message: Message, analysis: Analysis, context: ChatContext,
                  flagged: bool) -> HighlightOutcome:
    """A highlight for a member's answer to someone else's question, if it is a good one."""
    if flagged or message.author_role != "member" or analysis.is_question:
        return HighlightOutcome()
    question = context.get(message.reply_to)
    if question is None or not question.is_question or question.author == message.author:
        return HighlightOutcome()
    fit = float(question.embedding @ analysis.embedding) if question.embedding is not None else 0.0
    words = len(analysis.words)
    length = min(1.0, words / 12) if words < 80 else 0.8
    score = float(np.clip(0.6 * fit + 0.4 * length, 0, 1))
    if score < MIN_SCORE:
        return HighlightOutcome()
    return HighlightOutcome(Highlight(score=round(score, 3),
                                      reason=f"answer to a question by {question.author}",
                                      question_id=question.id))
