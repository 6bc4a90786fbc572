"""Calibration from moderators' decisions: each rule's observed precision, suggested thresholds
for score-based rules, and rules that have not fired for a long time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from assistant.store import Store
from assistant.store import review as db

TARGET_PRECISION = 0.8
MIN_DECIDED = 5  # fewer decisions than this: no suggestion, the figure would be noise
SILENT_DAYS = 90


@dataclass
class RuleCalibration:
    rule: str
    category: str
    fired: int = 0
    resolved: int = 0
    dismissed: int = 0
    escalated: int = 0
    open: int = 0
    threshold: float | None = None
    scored: list[tuple[float, bool]] = field(default_factory=list, repr=False)
    suggested_threshold: float | None = None

    @property
    def precision(self) -> float | None:
        """Resolved / (resolved + dismissed); escalations are not yet a verdict."""
        decided = self.resolved + self.dismissed
        return self.resolved / decided if decided else None


def suggest_threshold(scored: list[tuple[float, bool]], target: float = TARGET_PRECISION,
                      min_decided: int = MIN_DECIDED) -> float | None:
    """The lowest score threshold whose kept flags reach ``target`` precision.

    ``scored`` holds (score, the flag was right) for decided flags. None when there are too
    few decisions or no threshold reaches the target.
    """
    if len(scored) < min_decided:
        return None
    for cut in sorted({s for s, _ in scored}):
        kept = [right for s, right in scored if s >= cut]
        if len(kept) >= max(2, min_decided // 2) and sum(kept) / len(kept) >= target:
            return round(cut, 3)
    return None


def calibrate(rows: Iterable[dict[str, Any]], target: float = TARGET_PRECISION) -> list[RuleCalibration]:
    """Per-rule figures from flag rows (rule, category, score, threshold, state); worst first."""
    rules: dict[str, RuleCalibration] = {}
    for row in rows:
        rule = rules.setdefault(row["rule"], RuleCalibration(row["rule"], row["category"]))
        rule.fired += 1
        state = row["state"]
        if state in ("resolved", "dismissed", "escalated", "open"):
            setattr(rule, state, getattr(rule, state) + 1)
        if row.get("threshold") is not None:
            rule.threshold = row["threshold"]
        if row.get("score") is not None and state in ("resolved", "dismissed"):
            rule.scored.append((float(row["score"]), state == "resolved"))
    for rule in rules.values():
        rule.suggested_threshold = suggest_threshold(rule.scored, target)
    return sorted(rules.values(), key=lambda r: (r.precision is None, r.precision or 0, -r.fired))


def silent_rules(known: Iterable[str], fired_recently: set[str]) -> list[str]:
    return sorted(set(known) - fired_recently)


def known_rule_ids(ruleset: Any) -> list[str]:
    """Ids of the loaded rules (the rule objects carry an ``id``)."""
    ids = (getattr(rule, "id", None) for rule in getattr(ruleset, "rules", []) or [])
    return [i for i in ids if isinstance(i, str)]


def load_calibration(store: Store, ruleset: Any, now: datetime | None = None) -> dict[str, Any]:
    since = ((now or datetime.now(UTC)) - timedelta(days=SILENT_DAYS)).isoformat()
    return {"rules": calibrate(db.decided_flags(store)),
            "silent": silent_rules(known_rule_ids(ruleset), db.rules_fired_since(store, since)),
            "silent_days": SILENT_DAYS, "target": TARGET_PRECISION}
