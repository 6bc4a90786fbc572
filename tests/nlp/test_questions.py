"""Question detection: questions and requests apart from greetings, thanks, reports, rhetoric."""

from __future__ import annotations

import pytest

from assistant.nlp.questions import looks_like_question, question_part, sentence_kind


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("а как отменить смену?", "ru", "question"),
    ("Подскажите, где взять книжку волонтера", "ru", "question"),
    ("Со скольки лет можно к вам", "ru", "question"),
    ("Не могу войти в личный кабинет", "ru", "request"),
    ("Всем привет!", "ru", "greeting"),
    ("Добрый день)", "ru", "greeting"),
    ("Спасибо большое!!", "ru", "thanks"),
    ("Я сегодня отвёз 5 наборов", "ru", "statement"),
    ("Ну кто так делает, а?", "ru", "rhetorical"),
    ("Разве так можно?", "ru", "rhetorical"),
    ("Как же я люблю наши смены!", "ru", "rhetorical"),
    ("Как здорово вчера было!", "ru", "rhetorical"),
    ("How do I cancel my shift", "en", "question"),
    ("My card still hasn't arrived", "en", "request"),
    ("Hello everyone!", "en", "greeting"),
    ("Thanks a lot", "en", "thanks"),
    ("I dropped off ten boxes today", "en", "statement"),
    ("Who cares?", "en", "rhetorical"),
])
def test_sentence_kinds(text: str, lang: str, kind: str) -> None:
    assert sentence_kind(text, lang) == kind
    assert looks_like_question(text, lang) == (kind == "question")


def test_question_part_drops_the_greeting_and_the_story() -> None:
    text = "всем привет! я новенькая, вчера была на складе.\nподскажите, а как отменить смену?"
    assert question_part(text, "ru") == "подскажите, а как отменить смену?"
    assert question_part("Я сегодня отвёз 5 наборов", "ru") == "Я сегодня отвёз 5 наборов"
