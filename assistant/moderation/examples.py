"""Runs the ``examples:`` of every rule as tests (``assistant check``, ``assistant try``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from assistant.context import ChatContext, ContextMessage
from assistant.errors import Problem
from assistant.models import Message
from assistant.moderation.engine import RuleSet
from assistant.moderation.loader import Example, Rule
from assistant.nlp import Analysis, NlpPipeline

_T0 = datetime(2024, 1, 1, 12, 0, tzinfo=UTC)


def example_context(example: Example, analyse: dict[str, Analysis]) -> tuple[Message, ChatContext]:
    """The example as a member's message, after the messages it replies to or follows."""
    recent = []
    ts = _T0
    for i, text in enumerate(example.before):
        ts = _T0 + timedelta(seconds=20 * i)
        recent.append(_context(f"b{i}", "member-a", text, ts, analyse))
    reply_to = None
    if example.reply_to:
        ts += timedelta(seconds=20)
        recent.append(_context("r", "member-b", example.reply_to, ts, analyse))
        reply_to = "r"
    message = Message(id="example", chat="examples", author="member-a", text=example.text,
                      reply_to=reply_to, ts=ts + timedelta(seconds=20),
                      author_role=example.author_role)  # type: ignore[arg-type]
    return message, ChatContext(recent)


def _context(mid: str, author: str, text: str, ts: datetime,
             analyse: dict[str, Analysis]) -> ContextMessage:
    analysis = analyse[text]
    return ContextMessage(mid, author, "member", text, ts, None, analysis.lang,
                          analysis.is_question, analysis.embedding)


def run_examples(ruleset: RuleSet, pipeline: NlpPipeline) -> list[Problem]:
    """A problem for each example that does not behave as its rule says (file:line of it)."""
    cases: list[tuple[Rule, Example, bool]] = []
    for rule in ruleset.rules:
        cases += [(rule, e, True) for e in rule.match_examples]
        cases += [(rule, e, False) for e in rule.no_match_examples]
    texts = sorted({t for _, e, _ in cases for t in [e.text, *e.before, e.reply_to or ""] if t})
    analyses = dict(zip(texts, pipeline.analyse_batch(texts), strict=True))
    problems = []
    for rule, example, expected in cases:
        message, context = example_context(example, analyses)
        state = ruleset.state(message, analyses[example.text], context)
        evidence, exempt = ruleset.explain(rule, state)
        fired = evidence is not None and exempt is None
        if fired == expected:
            continue
        if expected:
            why = "no condition matched" if evidence is None else f"exempted: {exempt.detail}"
            problems.append(Problem(example.location, f"rule '{rule.id}': example should match "
                                    f"but does not ({why}): «{example.text}»"))
        else:
            problems.append(Problem(example.location, f"rule '{rule.id}': example should not match "
                                    f"but does ({evidence.detail if evidence else ''}): «{example.text}»"))
    return problems
