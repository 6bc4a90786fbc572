"""What an analyser may know beyond the message itself: the recent messages of its chat."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np


@dataclass
class ContextMessage:
    """An earlier message of the same chat, as stored, with what was found about it."""

    id: str
    author: str
    author_role: str
    text: str
    ts: datetime
    reply_to: str | None
    lang: str
    is_question: bool
    embedding: np.ndarray | None
    flag_categories: list[str] = field(default_factory=list)
    faq_id: str | None = None  # the FAQ entry the bot answered it with, if any
    highlight_score: float | None = None


@dataclass
class ChatContext:
    """The recent messages of the chat (oldest first, the current message excluded)."""

    recent: list[ContextMessage] = field(default_factory=list)

    def get(self, message_id: str | None) -> ContextMessage | None:
        if message_id is None:
            return None
        for item in reversed(self.recent):
            if item.id == message_id:
                return item
        return None

    def replies_to(self, message_id: str) -> list[ContextMessage]:
        return [m for m in self.recent if m.reply_to == message_id]
