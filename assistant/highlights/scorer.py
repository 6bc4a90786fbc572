"""Scores how helpful a member's answer to another member's question is (no I/O).

score = (0.35·fit + 0.35·specificity + 0.30·length) × negatives, raised afterwards when the
asker thanks (×0.45 of the remaining room) or confirms it worked (×0.7). Every part is kept in
the thread link so a manager can read why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from assistant.context import ChatContext, ContextMessage
from assistant.highlights import signals as sig
from assistant.highlights.lexicon import Lexicon, load_lexicon
from assistant.highlights.threads import ThreadLink, find_question, mentions, thanked_answers
from assistant.models import Highlight, Message
from assistant.nlp import Analysis

MIN_SCORE = 0.5  # a highlight from here
PROXIMITY_FIT = 0.2  # an unreplied message must fit the question at least this well
WEIGHTS = {"fit": 0.35, "specificity": 0.35, "length": 0.30}
BOOST = {"thanks": 0.45, "confirmed": 0.7}
STAFF = ("moderator", "manager", "bot")


@dataclass
class HighlightUpdate:
    """A change to an earlier message's highlight (a thanks arrived after the answer)."""

    message_id: str
    highlight: Highlight
    thanked: str | None = None  # thanks | confirmed


@dataclass
class HighlightOutcome:
    highlight: Highlight | None = None
    updates: list[HighlightUpdate] = field(default_factory=list)
    link: ThreadLink | None = None  # this message answers a question (kept in the store)


def score_message(message: Message, analysis: Analysis, context: ChatContext, flagged: bool,
                  links: dict[str, ThreadLink] | None = None,
                  lexicon: Lexicon | None = None) -> HighlightOutcome:
    """A highlight for a member's answer to someone else's question, and the raised highlights of
    the answers this message thanks. ``links``: the stored thread links of the context messages."""
    lexicon = lexicon or load_lexicon()
    if message.author_role in STAFF or flagged:
        return HighlightOutcome()
    thanked, kind = thanked_answers(message.author, message.text, message.reply_to, context,
                                    links or {}, lexicon)
    if kind is not None:
        return HighlightOutcome(updates=[_thank(link, kind) for link in thanked])
    if "?" in message.text and all(s.is_question for s in analysis.segments):
        return HighlightOutcome()
    found = find_question(message.id, message.author, message.text, message.reply_to,
                          message.ts or datetime.now(UTC), context)
    if found is None:
        return HighlightOutcome()
    question, how = found
    link = _link(message, analysis, question, how, lexicon)
    if link is None:
        return HighlightOutcome()
    highlight = _highlight(link) if link.score >= MIN_SCORE else None
    return HighlightOutcome(highlight=highlight, link=link)


def _link(message: Message, analysis: Analysis, question: ContextMessage, how: str,
          lexicon: Lexicon) -> ThreadLink | None:
    spec, cues = sig.specificity(message.text, analysis.tokens, lexicon)
    types = sig.question_types(question.text, lexicon)
    type_match = sig.answers_type(types, cues)
    overlap = len(sig.stems(question.text) & sig.stems(message.text))
    fit = sig.fit(question.embedding, analysis.embedding, overlap, type_match)
    addressed = question.author.lower() in mentions(message.text)
    if how == "proximity" and fit < PROXIMITY_FIT and not addressed:
        return None
    length = sig.length_band(len(analysis.words))
    penalty, negatives = sig.negatives(message.text, lexicon, spec)
    raw = WEIGHTS["fit"] * fit + WEIGHTS["specificity"] * spec + WEIGHTS["length"] * length
    score = round(min(1.0, max(0.0, raw * penalty)), 3)
    parts = {"fit": fit, "specificity": round(spec, 3), "length": length, "penalty": penalty,
             "cues": cues, "negatives": negatives, "answers_type": type_match}
    return ThreadLink(answer_id=message.id, question_id=question.id, asker=question.author,
                      answerer=message.author, kind=how, base_score=score, score=score,
                      reason=_reason(question.author, parts, None), signals=parts)


def _thank(link: ThreadLink, kind: str) -> HighlightUpdate:
    """The asker thanked (or confirmed): raise the answer's score; never lower it."""
    strongest = kind if kind == "confirmed" or link.thanked != "confirmed" else link.thanked
    raised = link.base_score + (1 - link.base_score) * BOOST[strongest]
    link.score = round(max(link.score, raised), 3)
    link.thanked = strongest
    link.reason = _reason(link.asker, link.signals, strongest)
    return HighlightUpdate(link.answer_id, _highlight(link), thanked=strongest)


def _highlight(link: ThreadLink) -> Highlight:
    return Highlight(score=link.score, reason=link.reason, question_id=link.question_id)


def _reason(asker: str, parts: dict[str, object], thanked: str | None) -> str:
    """A sentence a manager can read: what kind of answer, to whom, and what was found."""
    cues = [str(c) for c in parts.get("cues", [])]  # type: ignore[attr-defined]
    negatives = [str(n).replace("_", " ") for n in parts.get("negatives", [])]  # type: ignore[attr-defined]
    kind = "specific answer" if float(parts.get("specificity", 0)) >= 0.66 else "answer"  # type: ignore[arg-type]
    text = f"{kind} to a question by {asker}"
    if cues:
        text += f" ({', '.join(cues[:4])})"
    if negatives:
        text += f"; weak: {', '.join(negatives)}"
    if thanked == "confirmed":
        text += "; the asker confirmed it helped"
    elif thanked == "thanks":
        text += "; the asker thanked"
    return text
