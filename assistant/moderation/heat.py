"""Thread heat: two members replying to each other fast, with rising hostility.

heat = exchange × speed × hostility, each in [0, 1]:
  exchange   how many times the turn passed between the two in the window (3 switches → 1)
  speed      the median gap between their messages (≤ 1 min → 1, ≥ 10 min → 0)
  hostility  the abuse classifier's mean over their last four messages, raised when it rises
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from assistant.context import ContextMessage
from assistant.models import Message
from assistant.moderation.state import EvalState


@dataclass
class Heat:
    score: float
    pair: tuple[str, str] | None = None
    messages: int = 0
    median_gap: float = 0.0
    hostility: float = 0.0

    def describe(self) -> str:
        if self.pair is None:
            return "no back-and-forth"
        return (f"heated exchange between {self.pair[0]} and {self.pair[1]}: {self.messages} "
                f"messages, median gap {self.median_gap:.0f} s, hostility {self.hostility:.2f}, "
                f"heat {self.score:.2f}")


def _other_party(state: EvalState) -> str | None:
    message = state.message
    target = state.context.get(message.reply_to)
    if target is not None and target.author != message.author:
        return target.author
    for item in reversed(state.context.recent):
        if item.author != message.author and item.author_role == "member":
            return item.author
    return None


def _exchange(recent: list[ContextMessage], message: Message, other: str) -> list[ContextMessage]:
    """The earlier messages of the two that talk to each other: a reply to the other one, a
    message the other one replied to, or one (replying to nobody) right before or after the
    other's. What either of them said in the window to a third member is not their exchange."""
    items: list[ContextMessage | Message] = [*recent, message]
    authors = {m.id: m.author for m in items}
    answered_by = {(m.reply_to, m.author) for m in items if m.reply_to}
    linked = []
    for i, m in enumerate(recent):
        if m.author not in (message.author, other):
            continue
        partner = other if m.author == message.author else message.author
        beside = {items[j].author for j in (i - 1, i + 1) if j >= 0}
        if m.reply_to:  # a reply says whom it talks to
            talks = authors.get(m.reply_to) == partner
        else:
            talks = partner in beside
        if talks or (m.id, partner) in answered_by:
            linked.append(m)
    return linked


def thread_heat(state: EvalState, model: str, minutes: float) -> Heat:
    """The heat of the exchange the current message belongs to."""
    message = state.message
    other = _other_party(state)
    if other is None or message.ts is None or model not in state.classifiers:
        return Heat(0.0)
    recent = [m for m in state.context.recent if (message.ts - m.ts).total_seconds() <= minutes * 60]
    window = _exchange(recent, message, other)
    authors = [m.author for m in window] + [message.author]
    switches = sum(a != b for a, b in zip(authors, authors[1:], strict=False))
    if switches < 2:
        return Heat(0.0)
    times = [m.ts for m in window] + [message.ts]
    gaps = [(b - a).total_seconds() for a, b in zip(times, times[1:], strict=False)]
    median_gap = statistics.median(gaps) if gaps else 0.0
    classifier = state.classifiers[model]
    earlier = [classifier.score_embedding(m.embedding) for m in window[-3:]]
    scores = [s for s in earlier if s is not None]
    scores.append(state.classifier_score(model))
    hostility = sum(scores) / len(scores)
    if len(scores) >= 3 and scores[-1] > scores[0]:
        hostility = min(1.0, hostility + (scores[-1] - scores[0]) / 2)
    exchange = min(1.0, switches / 3)
    speed = max(0.0, min(1.0, (600 - median_gap) / 540))
    return Heat(exchange * speed * hostility, (message.author, other), len(window) + 1,
                median_gap, hostility)
