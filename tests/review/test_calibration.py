"""Calibration: observed precision per rule, suggested thresholds, silent rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from review_seed import Seeded

from assistant.review.calibration import calibrate, load_calibration, silent_rules, suggest_threshold
from assistant.review.decisions import decide_flag
from assistant.store import Store


def _row(rule: str, state: str, score: float | None = None) -> dict[str, object]:
    return {"rule": rule, "category": "conflict", "state": state, "score": score,
            "threshold": 0.5 if score is not None else None}


def test_precision_is_resolved_over_decided() -> None:
    rows = [_row("a", "resolved")] * 3 + [_row("a", "dismissed")] + [_row("a", "open")] * 2 + [
        _row("a", "escalated")]
    [rule] = calibrate(rows)
    assert (rule.fired, rule.resolved, rule.dismissed, rule.open, rule.escalated) == (7, 3, 1, 2, 1)
    assert rule.precision == 0.75


def test_rules_that_cry_wolf_come_first_and_undecided_last() -> None:
    rows = ([_row("good", "resolved")] * 4 + [_row("wolf", "dismissed")] * 3
            + [_row("wolf", "resolved")] + [_row("new", "open")])
    assert [r.rule for r in calibrate(rows)] == ["wolf", "good", "new"]


def test_suggested_threshold_cuts_off_the_false_alarms() -> None:
    scored = [(0.55, False), (0.58, False), (0.61, False), (0.7, True), (0.75, True),
              (0.8, True), (0.85, False), (0.9, True)]
    assert suggest_threshold(scored, target=0.8) == 0.7
    assert suggest_threshold(scored[:3], target=0.8) is None  # too few decisions
    assert suggest_threshold([(0.6, False)] * 6, target=0.8) is None  # no cut is precise enough


def test_score_rules_get_a_suggestion_from_their_decisions() -> None:
    rows = ([_row("hostile", "dismissed", s) for s in (0.52, 0.55, 0.58)]
            + [_row("hostile", "resolved", s) for s in (0.66, 0.7, 0.8)])
    [rule] = calibrate(rows)
    assert rule.threshold == 0.5 and rule.suggested_threshold == 0.66


def test_silent_rules_are_the_loaded_ones_that_did_not_fire() -> None:
    assert silent_rules(["a", "b", "c"], {"b", "x"}) == ["a", "c"]


@dataclass
class _Rule:
    id: str


@dataclass
class _RuleSet:
    rules: list[_Rule]


def test_load_calibration_from_stored_decisions(store: Store, seeded: Seeded) -> None:
    decide_flag(store, seeded.flags["spam"], "dismiss", "olga")
    decide_flag(store, seeded.flags["insult"], "resolve", "olga")
    ruleset = _RuleSet([_Rule("insult-direct"), _Rule("threat-explicit")])
    data = load_calibration(store, ruleset)
    by_rule = {r.rule: r for r in data["rules"]}
    assert by_rule["easy-money"].precision == 0.0 and by_rule["easy-money"].dismissed == 1
    assert by_rule["insult-direct"].precision == 1.0
    assert data["silent"] == ["threat-explicit"]
    later = load_calibration(store, ruleset, now=datetime.now(UTC) + timedelta(days=100))
    assert later["silent"] == ["insult-direct", "threat-explicit"]
