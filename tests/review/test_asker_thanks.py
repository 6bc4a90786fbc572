"""An auto-answer counts as helpful when the asker thanks for it, never by assumption."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from assistant.models import FaqMatch, Message, Verdict
from assistant.review.asker_thanks import sync_asker_thanks
from assistant.store import Store, StoredOutcome
from assistant.store.review import history
from assistant.store.review_answers import list_faq_answers

START = datetime(2026, 3, 14, 10, 0, tzinfo=UTC)


def _answered_question(store: Store) -> int:
    question = Message(id="q1", chat="shifts", author="u-lena", text="Как отменить смену в субботу?",
                       ts=START)
    rowid = store.record_received(question)
    store.record_outcome(rowid, question, StoredOutcome(
        verdict=Verdict(message_id="q1", chat="shifts", lang="ru",
                        faq=FaqMatch(id="shift-cancel", score=0.8, answer="В личном кабинете.")),
        lang="ru", is_question=True, embedding=None, faq_status="answered"))
    return int(store.query("SELECT id FROM faq_answers")[0]["id"])


def _say(store: Store, key: str, author: str, text: str, minutes: int,
         reply_to: str | None = None) -> None:
    store.record_received(Message(id=key, chat="shifts", author=author, text=text,
                                  ts=START + timedelta(minutes=minutes), reply_to=reply_to))


def test_the_askers_thanks_confirms_the_answer(store: Store) -> None:
    answer_id = _answered_question(store)
    _say(store, "a1", "u-lena", "Спасибо, получилось!", 3)
    assert sync_asker_thanks(store) == 1
    assert [a["outcome"] for a in list_faq_answers(store)] == ["confirmed"]
    [entry] = history(store, "faq_answer", answer_id)
    assert (entry["actor"], entry["action"]) == ("asker:u-lena", "asker_thanks")
    assert sync_asker_thanks(store) == 0  # recorded once


@pytest.mark.parametrize(("messages", "why"), [
    ([("a1", "u-lena", "спасибо, но не помогло", 3, None)], "not helped"),
    ([("a1", "u-lena", "Спасибо!", 45, None)], "too late"),
    ([("h1", "u-max", "В приложении: Мои смены → Отменить", 2, "q1"),
      ("a1", "u-lena", "Спасибо!", 3, None)], "a member answered first"),
    ([("a1", "u-other", "Спасибо!", 3, None)], "someone else thanked"),
])
def test_no_thanks_no_confirmation(store: Store, messages: list[tuple], why: str) -> None:
    _answered_question(store)
    for key, author, text, minutes, reply_to in messages:
        _say(store, key, author, text, minutes, reply_to)
    assert sync_asker_thanks(store) == 0, why
    assert [a["outcome"] for a in list_faq_answers(store)] == ["answered"]
