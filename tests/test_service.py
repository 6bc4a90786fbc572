"""The orchestrator: storing, idempotency, ordering within a stream, failures that lose nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.models import Message
from assistant.nlp import NlpPipeline
from assistant.service import Assistant, ProcessingError
from assistant.settings import Settings
from assistant.store import Store

FAQ = """\
entries:
  - id: volunteer-book
    lang: ru
    question: Как получить личную книжку волонтёра?
    variants: [где взять волонтёрскую книжку]
    answer: Книжку выдаёт региональный координатор.
texts:
  faq_answer:
    ru: "Подсказываю: {answer}"
"""
T0 = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def tiny(tmp_path: Path, make_settings: Callable[..., Settings],
         pipeline: NlpPipeline) -> Assistant:
    knowledge = tmp_path / "tiny-knowledge"
    knowledge.mkdir()
    (knowledge / "faq.yaml").write_text(FAQ, encoding="utf-8")
    settings = make_settings(knowledge=knowledge)
    return Assistant(settings, pipeline=pipeline, store=Store(settings.db))


def msg(id: str, text: str, author: str = "u1", minutes: float = 0, **kw: object) -> Message:
    return Message(id=id, chat="c1", author=author, text=text, ts=T0 + timedelta(minutes=minutes),
                   **kw)  # type: ignore[arg-type]


def test_question_gets_the_faq_answer_with_the_bot_text(tiny: Assistant) -> None:
    verdict = tiny.handle(msg("1", "Подскажите, где взять книжку волонтера?"))
    assert verdict.faq is not None and verdict.faq.id == "volunteer-book"
    assert 0 <= verdict.faq.score <= 1
    assert [a.type for a in verdict.actions] == ["reply"]
    assert verdict.actions[0].text == "Подсказываю: Книжку выдаёт региональный координатор."


def test_repeated_delivery_returns_first_verdict_and_writes_nothing(tiny: Assistant) -> None:
    first = tiny.handle(msg("1", "Где взять книжку волонтера?"))
    counts = {t: tiny.store.count(t) for t in ("messages", "verdicts", "faq_answers", "flags")}
    again = tiny.handle(msg("1", "совсем другой текст", minutes=5))
    assert again == first
    assert {t: tiny.store.count(t) for t in counts} == counts


def test_same_message_twice_in_one_batch_is_processed_once(tiny: Assistant) -> None:
    a, b = tiny.handle_batch([msg("1", "Где взять книжку?"), msg("1", "Где взять книжку?")])
    assert a == b
    assert tiny.store.count("messages") == 1


def test_cooldown_suppresses_the_reply_but_keeps_the_match(tiny: Assistant) -> None:
    tiny.handle(msg("1", "Где взять книжку волонтера?"))
    second = tiny.handle(msg("2", "А где получить книжку волонтера?", author="u2", minutes=3))
    assert second.faq is not None and second.faq.id == "volunteer-book"
    assert second.faq.status == "suppressed"
    assert second.actions == []


def test_an_edit_replaces_the_faq_answer_record_and_is_not_answered_twice(tiny: Assistant) -> None:
    tiny.handle(msg("1", "Где взять книжку волонтера?"))
    edited = tiny.handle_edit(msg("1", "Подскажите, где взять книжку волонтера? Я из Твери"))
    rows = tiny.store.query("SELECT status FROM faq_answers")
    assert [r["status"] for r in rows] == ["suppressed"]  # one record per message, no second reply
    assert edited.faq is not None and edited.actions == []


def test_a_reply_in_the_same_batch_sees_the_question(tiny: Assistant) -> None:
    question = msg("1", "Где взять книжку волонтера?")
    answer = msg("2", "Напиши координатору своего региона, он выдаёт книжки волонтёров",
                 author="u2", minutes=1, reply_to="1")
    _, verdict = tiny.handle_batch([question, answer])
    assert verdict.highlight is not None and verdict.highlight.question_id == "1"


def test_a_failing_thread_link_write_rolls_back_the_whole_verdict(
        tiny: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.store.highlights as links

    def broken(*args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    tiny.handle(msg("1", "Где взять книжку волонтера?"))
    monkeypatch.setattr(links, "write_thread_state", broken)
    answer = msg("2", "Напиши координатору своего региона, он выдаёт книжки волонтёров",
                 author="u2", minutes=1, reply_to="1")
    with pytest.raises(ProcessingError, match="disk I/O error"):
        tiny.handle(answer)
    assert tiny.store.count("verdicts") == 1 and tiny.store.count("highlights") == 0
    assert tiny.store.query("SELECT status FROM messages WHERE message_id = '2'")[0]["status"] == "failed"
    monkeypatch.undo()
    assert tiny.handle(answer).highlight is not None  # a redelivery retries it whole
    assert tiny.store.count("thread_links") == 1


def test_failed_analysis_keeps_the_message_and_a_redelivery_retries(
        tiny: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    original = tiny.pipeline.analyse_batch

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("encoder crashed")

    monkeypatch.setattr(tiny.pipeline, "analyse_batch", broken)
    with pytest.raises(ProcessingError, match="stored but could not be analysed"):
        tiny.handle(msg("1", "Где взять книжку волонтера?"))
    row = tiny.store.query("SELECT status, error FROM messages")[0]
    assert row["status"] == "failed" and "encoder crashed" in row["error"]
    monkeypatch.setattr(tiny.pipeline, "analyse_batch", original)
    verdict = tiny.handle(msg("1", "Где взять книжку волонтера?"))
    assert verdict.faq is not None
    assert tiny.store.query("SELECT status FROM messages")[0]["status"] == "done"


def test_one_failing_message_does_not_fail_its_batch(tiny: Assistant,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    original = tiny._process

    def picky(message: Message, *args: object) -> object:
        if message.id == "bad":
            raise ValueError("boom")
        return original(message, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(tiny, "_process", picky)
    results = tiny.handle_batch([msg("ok1", "привет"), msg("bad", "x"), msg("ok2", "пока")])
    assert [type(r).__name__ for r in results] == ["Verdict", "ProcessingError", "Verdict"]


def test_bots_get_no_faq_answer(tiny: Assistant) -> None:
    verdict = tiny.handle(msg("1", "Где взять книжку волонтера?", author_role="bot"))
    assert verdict.faq is None and verdict.actions == []


def test_reload_keeps_the_last_good_set_when_a_file_breaks(tiny: Assistant) -> None:
    path = tiny.settings.knowledge / "faq.yaml"
    path.write_text(FAQ.replace("id: volunteer-book", "id: Volunteer Book"), encoding="utf-8")
    status = tiny.reload()
    assert not status.ok
    assert any("faq.yaml:2:" in str(p) and "must match [a-z0-9-]+" in str(p) for p in status.problems)
    assert tiny.handle(msg("1", "Где взять книжку волонтера?")).faq is not None
