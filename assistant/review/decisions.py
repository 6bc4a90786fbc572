"""Decisions on flags, auto-answers and highlights; each one is appended to the audit log."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from assistant.store import Store
from assistant.store import review as db
from assistant.store import review_answers as answers_db

FLAG_ACTIONS = {"resolve": "resolved", "dismiss": "dismissed", "escalate": "escalated",
                "reopen": "open", "assign": None, "note": None}
ANSWER_ACTIONS = {"confirm": "confirmed", "correct": "wrong", "wrong": "wrong",
                  "escalate": "escalated"}


class DecisionError(ValueError):
    """A decision that cannot be made: ``code`` is not_found or invalid_decision."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _clean_note(note: str | None) -> str | None:
    note = (note or "").strip()
    return note[:4000] or None


def decide_flag(store: Store, flag_id: int, action: str, actor: str,
                note: str | None = None) -> dict[str, Any]:
    """Resolve, dismiss, escalate, reopen, assign (to ``actor``) or annotate a flag."""
    flag = db.get_flag(store, flag_id)
    if flag is None:
        raise DecisionError("not_found", f"no flag with id {flag_id}")
    if action not in FLAG_ACTIONS:
        raise DecisionError("invalid_decision", f"unknown action {action!r}: choose one of "
                            f"{', '.join(FLAG_ACTIONS)}")
    note = _clean_note(note)
    if action == "note" and not note:
        raise DecisionError("invalid_decision", "a note needs some text")
    details = {"rule": flag["rule"], "category": flag["category"], "from": flag["state"]}
    decision = {"target_kind": "flag", "target_id": flag_id, "action": action, "actor": actor,
                "note": note, "details": details}
    state = FLAG_ACTIONS[action]
    if state is not None:
        details["to"] = state
        db.set_flag_state(store, flag_id, state, decision)
    elif action == "assign":
        details["assignee"] = actor
        db.assign_flag(store, flag_id, actor, decision)
    else:
        db.append_decision(store, decision)
    return db.get_flag(store, flag_id) or flag


def decide_answer(store: Store, answer_id: int, action: str, actor: str,
                  known_entries: Collection[str], entry_id: str | None = None,
                  note: str | None = None) -> dict[str, Any]:
    """Confirm, correct (with the right entry), mark wrong or escalate an auto-answer.

    Each teaches the FAQ matcher the asker's question (``learned`` in the result says what):
    confirming makes it a variant of the entry; marking it wrong makes it a ``not_for`` question
    of the entry (never answered with it again); correcting does both, a variant of the right
    entry and ``not_for`` of the wrong one. The caller rebuilds the running matcher
    (``Assistant.refresh_learned``).
    """
    answer = answers_db.get_faq_answer(store, answer_id)
    if answer is None:
        raise DecisionError("not_found", f"no FAQ answer with id {answer_id}")
    if action not in ANSWER_ACTIONS:
        raise DecisionError("invalid_decision", f"unknown action {action!r}: choose one of "
                            f"{', '.join(ANSWER_ACTIONS)}")
    if action == "correct" and (not entry_id or entry_id not in known_entries):
        raise DecisionError("invalid_decision", f"unknown FAQ entry {entry_id!r}: pick the "
                            "right entry of the knowledge base")
    outcome = ANSWER_ACTIONS[action]
    decision = {"target_kind": "faq_answer", "target_id": answer_id, "action": action,
                "actor": actor, "note": _clean_note(note),
                "details": {"entry": answer["entry_id"], "from": answer["outcome"], "to": outcome,
                            "correct_entry": entry_id if action == "correct" else None}}
    answers_db.set_faq_outcome(store, answer_id, outcome,
                               entry_id if action == "correct" else None, decision)
    # a message without text teaches nothing, and the result must not say it did
    learned = _lessons(answer["entry_id"], action, entry_id) if answer["text"].strip() else []
    if learned:
        from assistant.faq.learning import learn_variant  # the FAQ side; imported when needed

        for kind, learn_entry in learned:
            learn_variant(store, learn_entry, answer["text"], answer["message_rowid"], actor, kind)
    result = answers_db.get_faq_answer(store, answer_id) or answer
    return {**result, "learned": [{"kind": k, "entry": e} for k, e in learned]}


def _lessons(answered: str, action: str, right: str | None) -> list[tuple[str, str]]:
    """(kind, entry) pairs a decision teaches the FAQ: 'variant' or 'not_for'."""
    if action == "confirm" or (action == "correct" and right == answered):
        return [("variant", answered)]
    if action == "wrong":
        return [("not_for", answered)]
    if action == "correct" and right:
        return [("variant", right), ("not_for", answered)]
    return []


def feature_highlight(store: Store, message_rowid: int, featured: bool, actor: str) -> None:
    decision = {"target_kind": "highlight", "target_id": message_rowid,
                "action": "feature" if featured else "unfeature", "actor": actor}
    if not answers_db.set_featured(store, message_rowid, featured, decision):
        raise DecisionError("not_found", f"no highlight for message {message_rowid}")
