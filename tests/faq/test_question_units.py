"""Which parts of a chat message the matcher matches, and which messages it leaves alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.evaluation.faq import evaluate_faq, read_queries
from assistant.faq import FaqMatcher, FaqResult
from assistant.nlp import NlpPipeline
from assistant.settings import PROJECT_ROOT

Ask = Callable[..., FaqResult | None]


def _units(matcher: FaqMatcher, pipeline: NlpPipeline, text: str) -> list[tuple[str, str]]:
    return [(u.text, u.kind) for u in matcher._units(pipeline.analyse(text, "ru"))]


def test_question_sentence_and_its_context_are_matched_without_the_greeting(
        matcher: FaqMatcher, pipeline: NlpPipeline) -> None:
    units = _units(matcher, pipeline, "Всем привет! Сыну 16, он хочет с нами на склад. Его возьмут без меня?")
    assert units == [("Его возьмут без меня?", "question"),
                     ("Сыну 16, он хочет с нами на склад. Его возьмут без меня?", "question")]


def test_the_question_after_a_smiley_is_a_unit_of_its_own(matcher: FaqMatcher, pipeline: NlpPipeline,
                                                          ask: Ask) -> None:
    text = "я новенькая, вчера была на складе, очень понравилось) подскажите, а как отменить смену?"
    assert ("подскажите, а как отменить смену?", "question") in _units(matcher, pipeline, text)
    result = ask(text)
    assert result is not None and result.status == "answered" and result.entry.id == "shift-cancel"


@pytest.mark.parametrize(("text", "kind"), [
    ("Кто завтра едет на склад? Могу подвезти от метро", "social"),
    ("Я сегодня отвёз 5 наборов. Все адреса закрыты", "statement"),
])
def test_a_message_that_asks_the_faq_nothing_is_one_unanswerable_unit(
        matcher: FaqMatcher, pipeline: NlpPipeline, ask: Ask, text: str, kind: str) -> None:
    assert _units(matcher, pipeline, text) == [(text, kind)]
    assert ask(text) is None


@pytest.mark.parametrize(("text", "lang"), [
    ("Маша, ты завтра на смену записалась?", "ru"),
    ("Какой у Насти номер телефона?", "ru"),
    ("Ребята, я записалась на смену в четверг, кто со мной?", "ru"),
    ("Кто-нибудь будет в воскресенье на складе?", "ru"),
    ("Anna, did you sign up for the Saturday shift?", "en"),
])
def test_questions_to_people_are_not_answered_from_the_faq(ask: Ask, text: str, lang: str) -> None:
    assert ask(text, lang) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Не понимаю, где в кабинете смотреть свои часы", "hours-accounting"),
    ("Интересно, а форму волонтерам выдают", "volunteer-uniform"),
    ("а медкнижка нужна для склада", "medical-book"),
])
def test_indirect_questions_and_questions_without_a_mark_are_answered(ask: Ask, text: str,
                                                                      expected: str) -> None:
    result = ask(text, "ru")
    assert result is not None and result.status == "answered" and result.entry.id == expected


def test_weak_spot_chat_set_gets_no_false_answers(matcher: FaqMatcher, pipeline: NlpPipeline) -> None:
    """tests/data/faq_chat_weak.jsonl: questions to people, reports and cross-lingual questions
    that share words with entries (null), next to indirect and context-dependent questions."""
    queries = read_queries(PROJECT_ROOT / "tests" / "data" / "faq_chat_weak.jsonl")
    assert sum(q.faq is None for q in queries) >= 20
    figures = evaluate_faq(matcher, pipeline, queries).figures()
    assert figures["false_answer_rate"] <= 0.05 and figures["precision"] >= 0.85
