"""Threads: which question an answer answers, and which answers a thanks is for (no I/O)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from assistant.context import ChatContext, ContextMessage
from assistant.highlights.lexicon import Lexicon
from assistant.nlp.normalize import fold

PROXIMITY = timedelta(minutes=60)  # an answer without a reply comes soon after the question
_EVERYONE = re.compile(r"(?<!\w)(?:всем|все|ребят\w*|друзья|everyone|all|guys|folks)(?!\w)")
_MENTION = re.compile(r"@([\w.]+)")


@dataclass
class ThreadLink:
    """An answer linked to the question it answers, with its score (kept in the store)."""

    answer_id: str
    question_id: str
    asker: str
    answerer: str
    kind: str  # reply | proximity
    base_score: float  # before any thanks
    score: float  # now (a thanks raises it)
    reason: str
    signals: dict[str, Any] = field(default_factory=dict)
    thanked: str | None = None  # thanks | confirmed


def mentions(text: str) -> set[str]:
    return {m.lower() for m in _MENTION.findall(text)}


def is_open_question(item: ContextMessage, author: str) -> bool:
    """A member's question someone else can answer."""
    return (item.is_question and item.author != author and item.author_role == "member"
            and "conflict" not in item.flag_categories)


def find_question(message_id: str, author: str, text: str, reply_to: str | None, ts: datetime,
                  context: ChatContext) -> tuple[ContextMessage, str] | None:
    """The question this message answers: the one it replies to, or the latest question shortly
    before it with no other question in between (and not addressed to somebody else)."""
    if reply_to is not None:
        target = context.get(reply_to)
        if target is not None and is_open_question(target, author):
            return target, "reply"
        return None
    named = mentions(text)
    for item in reversed(context.recent):
        if item.id == message_id or ts - item.ts > PROXIMITY:
            return None
        if item.is_question:
            if not is_open_question(item, author):
                return None
            if named and item.author.lower() not in named:
                return None
            return item, "proximity"
    return None


def thanked_answers(author: str, text: str, reply_to: str | None, context: ChatContext,
                    links: dict[str, ThreadLink], lexicon: Lexicon) -> tuple[list[ThreadLink], str | None]:
    """The answers an asker's thanks is for, and the kind of thanks (thanks | confirmed)."""
    folded = fold(text)
    if lexicon.not_helped.search(folded) or len(folded.split()) > 40:
        return [], None
    kind = ("confirmed" if lexicon.confirmations.search(folded)
            else "thanks" if lexicon.thanks.search(folded) else None)
    if kind is None:
        return [], None
    if reply_to is not None:
        link = links.get(reply_to)
        return ([link], kind) if link is not None and link.asker == author else ([], kind)
    mine = [links[m.id] for m in context.recent if m.id in links and links[m.id].asker == author]
    if not mine:
        return [], kind
    latest = [lk for lk in mine if lk.question_id == mine[-1].question_id]
    named = mentions(text)
    if named:
        return [lk for lk in latest if lk.answerer.lower() in named], kind
    useful = [lk for lk in latest if not lk.signals.get("negatives")]
    if _EVERYONE.search(folded):
        return useful, kind
    return useful[-1:], kind
