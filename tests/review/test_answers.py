"""Auto-answer review: explicit outcomes; confirm and correct teach the FAQ matcher."""

from __future__ import annotations

import pytest
from review_seed import Seeded

from assistant.review.decisions import DecisionError, decide_answer
from assistant.store import Store
from assistant.store.review import history
from assistant.store.review_answers import list_faq_answers

ENTRIES = {"volunteer-book", "become-volunteer"}


def _learning_available() -> bool:
    try:
        import assistant.faq.learning  # noqa: F401
    except ImportError:
        return False
    return True


needs_learning = pytest.mark.skipif(not _learning_available(),
                                    reason="assistant.faq.learning cannot be imported yet")


def test_an_answer_starts_as_answered_not_helpful(store: Store, seeded: Seeded) -> None:
    [answer] = list_faq_answers(store)
    assert (answer["entry_id"], answer["status"], answer["outcome"]) == (
        "volunteer-book", "answered", "answered")


def test_mark_wrong_and_escalate_are_recorded(store: Store, seeded: Seeded) -> None:
    assert decide_answer(store, seeded.answer_id, "wrong", "maria", ENTRIES)["outcome"] == "wrong"
    assert decide_answer(store, seeded.answer_id, "escalate", "ivan", ENTRIES)["outcome"] == "escalated"
    assert [(d["actor"], d["action"]) for d in history(store, "faq_answer", seeded.answer_id)] == [
        ("maria", "wrong"), ("ivan", "escalate")]
    assert [a["id"] for a in list_faq_answers(store, outcome="escalated")] == [seeded.answer_id]


def test_correct_needs_a_known_entry(store: Store, seeded: Seeded) -> None:
    with pytest.raises(DecisionError, match="unknown FAQ entry 'no-such-entry'"):
        decide_answer(store, seeded.answer_id, "correct", "maria", ENTRIES, "no-such-entry")
    with pytest.raises(DecisionError) as error:
        decide_answer(store, 999, "confirm", "maria", ENTRIES)
    assert error.value.code == "not_found"


@needs_learning
def test_confirm_and_correct_feed_learned_variants(store: Store, seeded: Seeded) -> None:
    from assistant.faq.learning import learned_variants

    confirmed = decide_answer(store, seeded.answer_id, "confirm", "maria", ENTRIES)
    assert confirmed["learned"] == [{"kind": "variant", "entry": "volunteer-book"}]
    assert list(learned_variants(store)) == ["volunteer-book"]
    answer = decide_answer(store, seeded.answer_id, "correct", "maria", ENTRIES, "become-volunteer")
    assert (answer["outcome"], answer["correct_entry_id"]) == ("wrong", "become-volunteer")
    assert answer["learned"] == [{"kind": "variant", "entry": "become-volunteer"},
                                 {"kind": "not_for", "entry": "volunteer-book"}]
    # the later decision replaces the earlier one: the question is no longer a variant of the book
    learned = learned_variants(store)
    assert list(learned) == ["become-volunteer"] and "книжку" in learned["become-volunteer"][0]
    assert list(learned_variants(store, "not_for")) == ["volunteer-book"]


@needs_learning
def test_marking_wrong_teaches_not_for_and_escalating_teaches_nothing(store: Store,
                                                                     seeded: Seeded) -> None:
    from assistant.faq.learning import learned_variants

    assert decide_answer(store, seeded.answer_id, "escalate", "ivan", ENTRIES)["learned"] == []
    assert learned_variants(store) == {} and learned_variants(store, "not_for") == {}
    decide_answer(store, seeded.answer_id, "wrong", "maria", ENTRIES)
    [question] = learned_variants(store, "not_for")["volunteer-book"]
    assert "книжку" in question and learned_variants(store) == {}
