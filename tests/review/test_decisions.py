"""Decisions change a flag's state and are appended to the audit log, which cannot be edited."""

from __future__ import annotations

import sqlite3

import pytest
from review_seed import Seeded

from assistant.review.decisions import DecisionError, decide_flag, feature_highlight
from assistant.store import Store
from assistant.store.review import audit_log, history
from assistant.store.review_answers import list_highlights


def test_dismiss_records_who_what_and_the_state_change(store: Store, seeded: Seeded) -> None:
    flag = decide_flag(store, seeded.flags["insult"], "dismiss", "olga", "  banter between friends ")
    assert flag["state"] == "dismissed"
    [entry] = history(store, "flag", seeded.flags["insult"])
    assert (entry["actor"], entry["action"], entry["note"]) == ("olga", "dismiss",
                                                                "banter between friends")
    assert entry["details"] == {"rule": "insult-direct", "category": "conflict", "from": "open",
                                "to": "dismissed"}
    assert entry["created_at"]


def test_every_decision_is_kept_in_order(store: Store, seeded: Seeded) -> None:
    flag_id = seeded.flags["shut-up"]
    decide_flag(store, flag_id, "assign", "olga")
    decide_flag(store, flag_id, "note", "olga", "asked Boris to calm down")
    decide_flag(store, flag_id, "escalate", "olga")
    decide_flag(store, flag_id, "resolve", "ivan")
    actions = [(d["actor"], d["action"]) for d in history(store, "flag", flag_id)]
    assert actions == [("olga", "assign"), ("olga", "note"), ("olga", "escalate"),
                       ("ivan", "resolve")]
    assert [d["action"] for d in audit_log(store)][:2] == ["resolve", "escalate"]
    assert [d["action"] for d in audit_log(store, actor="ivan")] == ["resolve"]


def test_assign_sets_the_assignee(store: Store, seeded: Seeded) -> None:
    assert decide_flag(store, seeded.flags["spam"], "assign", "olga")["assignee"] == "olga"
    assert decide_flag(store, seeded.flags["spam"], "assign", "ivan")["assignee"] == "ivan"


def test_the_audit_log_is_append_only(store: Store, seeded: Seeded) -> None:
    decide_flag(store, seeded.flags["spam"], "resolve", "olga")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("UPDATE decisions SET actor = 'someone-else'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("DELETE FROM decisions")
    assert [d["actor"] for d in audit_log(store)] == ["olga"]


@pytest.mark.parametrize(("flag_id", "action", "note", "code"), [
    (10_000, "dismiss", None, "not_found"),
    (None, "delete", None, "invalid_decision"),
    (None, "note", "   ", "invalid_decision"),
])
def test_impossible_decisions_are_refused(store: Store, seeded: Seeded, flag_id: int | None,
                                          action: str, note: str | None, code: str) -> None:
    with pytest.raises(DecisionError) as error:
        decide_flag(store, flag_id or seeded.flags["spam"], action, "olga", note)
    assert error.value.code == code
    assert audit_log(store) == []


def test_feature_and_unfeature_a_highlight(store: Store, seeded: Seeded) -> None:
    rowid = seeded.rowids["m5"]
    feature_highlight(store, rowid, True, "maria")
    assert [h["featured"] for h in list_highlights(store)] == [1]
    feature_highlight(store, rowid, False, "maria")
    assert [h["featured"] for h in list_highlights(store)] == [0]
    assert [d["action"] for d in history(store, "highlight", rowid)] == ["feature", "unfeature"]
    with pytest.raises(DecisionError):
        feature_highlight(store, seeded.rowids["m2"], True, "maria")
