"""``assistant try``: which rules fire on a text and why, as lines a manager can read."""

from __future__ import annotations

from assistant.moderation.engine import RuleSet
from assistant.moderation.examples import example_context
from assistant.moderation.loader import Example
from assistant.nlp import NlpPipeline


def explain_text(ruleset: RuleSet, pipeline: NlpPipeline, text: str,
                 reply_to: str | None = None, author_role: str = "member") -> list[str]:
    """One line per rule: fires / exempted / shadow, with its evidence; then the signals."""
    example = Example(text, reply_to, author_role)
    texts = [text] + ([reply_to] if reply_to else [])
    analyses = dict(zip(texts, pipeline.analyse_batch(texts), strict=True))
    message, context = example_context(example, analyses)
    state = ruleset.state(message, analyses[text], context)
    lines = []
    for rule in sorted(ruleset.rules, key=lambda r: -r.priority):
        if rule.mode == "off":
            lines.append(f"  off      {rule.id}")
            continue
        evidence, exempt = ruleset.explain(rule, state)
        if evidence is None:
            continue
        if exempt is not None:
            lines.append(f"  exempt   {rule.id}: {evidence.detail} — unless {exempt.detail}")
            continue
        status = "shadow  " if rule.mode == "shadow" else "FIRES   "
        lines.append(f"  {status} {rule.id} [{rule.category}/{rule.severity}]: {evidence.detail}")
    analysis = analyses[text]
    signals = [f"lang {analysis.lang}", f"normalized «{analysis.normalized}»"]
    signals += [f"{h.lexicon}: «{h.span}»" for h in state.hits]
    if state.cyrillic_analysis is not None:
        signals.append(f"classifiers read it as «{state.cyrillic_analysis.text}»")
    signals += [f"{name} score {state.classifier_score(name):.2f}" for name in ruleset.classifiers]
    return (lines or ["  no rule fires"]) + ["signals: " + "; ".join(signals)]

