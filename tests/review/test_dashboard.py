"""Dashboard figures: every day present, auto-answer outcomes counted honestly."""

from __future__ import annotations

from datetime import UTC, date, datetime

from review_seed import Seeded

from assistant.review.charts import bar_chart
from assistant.review.dashboard import daily_series, day_labels, load_dashboard, outcome_counts
from assistant.review.decisions import decide_answer
from assistant.store import Store


def test_daily_series_fills_missing_days_with_zero() -> None:
    labels = day_labels(date(2026, 3, 3), 3)
    assert labels == ["2026-03-01", "2026-03-02", "2026-03-03"]
    rows = [{"day": "2026-03-01", "category": "spam", "n": 2},
            {"day": "2026-03-03", "category": "conflict", "n": 1},
            {"day": "2026-02-01", "category": "spam", "n": 9}]
    assert daily_series(rows, labels, "category") == {"conflict": [0, 0, 1], "spam": [2, 0, 0]}


def test_unreviewed_answers_are_never_counted_as_helpful() -> None:
    counts = outcome_counts({"answered": 4, "confirmed": 1})
    assert counts == {"answered": 4, "confirmed": 1, "wrong": 0, "escalated": 0, "total": 5}


def test_dashboard_from_the_store(store: Store, seeded: Seeded) -> None:
    today = datetime.now(UTC)
    data = load_dashboard(store, days=7, now=today)
    assert sum(data["messages"]["total"]) == 8
    assert {k: sum(v) for k, v in data["flags"].items()} == {"conflict": 2, "spam": 1, "toxicity": 1}
    assert data["answers"]["answered"] == 1 and data["answers"]["confirmed"] == 0
    assert [q["entry_id"] for q in data["top_questions"]] == ["volunteer-book"]
    assert [(h["author"], h["n"]) for h in data["top_helpers"]] == [("u-vika", 1)]
    decide_answer(store, seeded.answer_id, "wrong", "maria", {"volunteer-book"})
    assert load_dashboard(store, days=7, now=today)["answers"]["wrong"] == 1


def test_chart_is_svg_with_escaped_labels() -> None:
    svg = str(bar_chart(["2026-03-01", "2026-03-02"], {"<b>spam</b>": [1, 3]}, "Flags & more"))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "&lt;b&gt;spam&lt;/b&gt;" in svg and "Flags &amp; more" in svg
    assert svg.count("<rect") == 3  # two bars and one legend swatch
