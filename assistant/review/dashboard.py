"""The dashboard's figures: per-day series with every day present, honest answer outcomes."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

from assistant.store import Store
from assistant.store import review_answers as db

OUTCOMES = ("answered", "confirmed", "wrong", "escalated")


def day_labels(end: date, days: int) -> list[str]:
    return [(end - timedelta(days=days - 1 - i)).isoformat() for i in range(days)]


def daily_series(rows: list[dict[str, Any]], labels: list[str],
                 series_key: str | None = None) -> dict[str, list[int]]:
    """``{series: [count per label]}`` from rows of (day, [series_key], n); missing days are 0."""
    index = {label: i for i, label in enumerate(labels)}
    series: dict[str, list[int]] = defaultdict(lambda: [0] * len(labels))
    for row in rows:
        if row["day"] in index:
            series[str(row[series_key]) if series_key else "total"][index[row["day"]]] += row["n"]
    return dict(sorted(series.items()))


def outcome_counts(raw: dict[str, int]) -> dict[str, int]:
    """Every outcome state, zero when none: an unreviewed answer stays 'answered', never 'helpful'."""
    counts = dict.fromkeys(OUTCOMES, 0)
    for outcome, n in raw.items():
        counts[outcome] = counts.get(outcome, 0) + n
    counts["total"] = sum(v for k, v in counts.items() if k != "total")
    return counts


def load_dashboard(store: Store, days: int = 30, now: datetime | None = None) -> dict[str, Any]:
    now = now or datetime.now(UTC)
    labels = day_labels(now.date(), days)
    since = labels[0] + "T00:00:00"
    return {
        "days": days, "labels": labels,
        "messages": daily_series(db.messages_per_day(store, since), labels),
        "flags": daily_series(db.flags_per_day(store, since), labels, "category"),
        "answers": outcome_counts(db.answer_outcomes(store, since)),
        "top_questions": db.top_questions(store, since),
        "top_helpers": db.top_helpers(store, since),
    }
