"""The reply: gray zone, cooldown per chat and entry, threads a person already answered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from assistant.models import Message
from assistant.nlp import NlpPipeline
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import Store

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
QUESTION = "Подскажите, как отменить запись на смену?"


def msg(message_id: str, text: str, minutes: float = 0, author: str = "u1",
        reply_to: str | None = None, chat: str = "c1", role: str = "member") -> Message:
    return Message(id=message_id, chat=chat, author=author, text=text, reply_to=reply_to,
                   ts=T0 + timedelta(minutes=minutes), author_role=role)  # type: ignore[arg-type]


def test_answer_carries_entry_answer_and_a_reply_action(assistant: Assistant) -> None:
    verdict = assistant.handle(msg("1", QUESTION))
    assert verdict.faq is not None and verdict.faq.id == "shift-cancel"
    assert verdict.faq.status == "answered" and "24 часа" in verdict.faq.answer
    [reply] = verdict.actions
    assert reply.type == "reply" and reply.reply_to == "1" and "24 часа" in (reply.text or "")


def test_cooldown_suppresses_the_reply_but_keeps_the_match(assistant: Assistant) -> None:
    assistant.handle(msg("1", QUESTION))
    again = assistant.handle(msg("2", "а как отменить смену, если заболел?", minutes=5, author="u2"))
    assert again.faq is not None and again.faq.id == "shift-cancel"
    assert again.faq.status == "suppressed" and again.actions == []
    other_chat = assistant.handle(msg("3", QUESTION, minutes=6, chat="c2"))
    assert other_chat.faq is not None and other_chat.faq.status == "answered"
    later = assistant.handle(msg("4", QUESTION, minutes=45, author="u3"))
    assert later.faq is not None and later.faq.status == "answered" and later.actions


def test_thread_a_person_already_answered_gets_no_bot_reply(assistant: Assistant) -> None:
    assistant.handle(msg("1", "Всем привет, я сегодня первый раз на складе!", author="u1"))
    assistant.handle(msg("2", "Добро пожаловать! Смены отменяются в личном кабинете", minutes=1,
                         author="u2", reply_to="1"))
    follow_up = assistant.handle(msg("3", "а как отменить смену, если меньше суток осталось?",
                                     minutes=2, author="u1", reply_to="2"))
    assert follow_up.faq is not None and follow_up.faq.status == "suppressed"
    assert follow_up.actions == []


def test_reply_to_an_announcement_nobody_answered_is_answered(assistant: Assistant) -> None:
    assistant.handle(msg("1", "Друзья, в субботу большая смена на складе!", author="m1",
                         role="moderator"))
    question = assistant.handle(msg("2", "Как записаться на смену?", minutes=1, reply_to="1"))
    assert question.faq is not None and question.faq.status == "answered" and question.actions


def test_gray_zone_records_a_candidate_without_replying(make_settings: Callable[..., Settings],
                                                       pipeline: NlpPipeline) -> None:
    strict = make_settings(faq_answer_threshold={"ru": 0.999}, faq_candidate_threshold={"ru": 0.2})
    assistant = Assistant(strict, pipeline=pipeline, store=Store(strict.db))
    verdict = assistant.handle(msg("1", "а справку для школы можно получить?"))
    assert verdict.faq is not None and verdict.faq.status == "candidate"
    assert verdict.faq.id == "certificate" and verdict.actions == []
    rows = assistant.store.query("SELECT entry_id, status FROM faq_answers")
    assert rows == [{"entry_id": "certificate", "status": "candidate"}]
    assistant.store.close()


def test_a_message_flagged_as_a_conflict_gets_no_faq_reply(assistant: Assistant) -> None:
    accusation = assistant.handle(msg("1", "куда ты дела деньги со сбора, а? молчишь?"))
    assert "conflict" in {flag.category for flag in accusation.flags}
    assert accusation.faq is None or accusation.faq.status != "answered"
    assert [a.type for a in accusation.actions if a.type == "reply"] == []
    question = assistant.handle(msg("2", "а куда можно перевести деньги на сбор?", minutes=1, chat="c2"))
    assert question.faq is not None and question.faq.status == "answered"
