"""The labelled volunteer-chat stream through the same code as the service."""

from __future__ import annotations

from assistant.evaluation.moderation import evaluate_moderation, read_labelled
from assistant.settings import PROJECT_ROOT


def test_conflict_on_volunteer_chat_meets_targets(ruleset, pipeline):
    rows = read_labelled(PROJECT_ROOT / "tests" / "data" / "moderation_chat.jsonl")
    report = evaluate_moderation(ruleset, pipeline, rows, "conflict")
    assert report.precision >= 0.85, report.false_alarms
    assert report.recall >= 0.80, report.misses
