"""The helpfulness score of one answer, from the real pipeline and a hand-built context."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from assistant.context import ChatContext, ContextMessage
from assistant.highlights import score_message
from assistant.highlights.scorer import MIN_SCORE
from assistant.models import Message
from assistant.nlp import NlpPipeline

QUESTION = "Подскажите, где получить волонтёрскую книжку?"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
GOOD = "В ресурсном центре на Ленина 12, кабинет 3, с 10 до 18. Возьми паспорт и фото 3х4."



def _context(pipeline: NlpPipeline, *rows: tuple[str, str, str]) -> ChatContext:
    """Earlier messages (id, author, text), one minute apart."""
    analyses = pipeline.analyse_batch([text for _, _, text in rows])
    return ChatContext([ContextMessage(id=mid, author=author, author_role="member", text=text,
                                       ts=START + timedelta(minutes=i), reply_to=None, lang=a.lang,
                                       is_question=a.is_question, embedding=a.embedding)
                        for i, ((mid, author, text), a) in enumerate(zip(rows, analyses, strict=True))])


def _score(pipeline: NlpPipeline, context: ChatContext, text: str, reply_to: str | None = "q1",
           author: str = "ivan", role: str = "member", flagged: bool = False, minutes: int = 5):
    message = Message(id="a1", chat="c", author=author, text=text, reply_to=reply_to,
                      ts=START + timedelta(minutes=minutes), author_role=role)
    return score_message(message, pipeline.analyse(text), context, flagged=flagged)


@pytest.fixture(scope="module")
def asked(pipeline: NlpPipeline) -> ChatContext:
    return _context(pipeline, ("q1", "olga", QUESTION))


def test_specific_reply_is_highlighted_with_a_readable_reason(pipeline, asked):
    outcome = _score(pipeline, asked, GOOD)
    assert outcome.highlight is not None and outcome.highlight.score >= 0.7
    assert outcome.highlight.question_id == "q1"
    assert "question by olga" in outcome.highlight.reason
    assert {"time", "place"} <= set(outcome.link.signals["cues"])


@pytest.mark.parametrize("text, negative", [
    ("не знаю", "dont_know"), ("+1, тоже интересно", "me_too"),
    ("спроси у админа, он точно знает", "deflect"), ("ахаха в магазине продаются)))", "joke"),
    ("тупой вопрос, сам ищи в чате", "rude"), ("no idea lol", "dont_know"),
])
def test_non_answers_are_not_highlighted(pipeline, asked, text, negative):
    outcome = _score(pipeline, asked, text)
    assert outcome.highlight is None
    assert negative in outcome.link.signals["negatives"]
    assert outcome.link.score < MIN_SCORE


def test_hedged_but_specific_answer_keeps_most_of_its_score(pipeline, asked):
    outcome = _score(pipeline, asked, "Не знаю точно, но вроде в ресурсном центре на Ленина 12, "
                                      "кабинет 3, с 10 до 18")
    assert outcome.highlight is not None


@pytest.mark.parametrize("role", ["moderator", "bot", "manager"])
def test_staff_answers_are_not_candidates(pipeline, asked, role):
    outcome = _score(pipeline, asked, GOOD, role=role)
    assert outcome.highlight is None and outcome.link is None


def test_a_flagged_answer_is_never_highlighted(pipeline, asked):
    outcome = _score(pipeline, asked, GOOD, flagged=True)
    assert outcome.highlight is None and outcome.link is None


def test_the_asker_answering_themselves_is_not_a_candidate(pipeline, asked):
    assert _score(pipeline, asked, GOOD, author="olga").link is None


def test_unreplied_answer_shortly_after_the_question_is_linked(pipeline, asked):
    outcome = _score(pipeline, asked, GOOD, reply_to=None)
    assert outcome.link is not None and outcome.link.kind == "proximity"
    assert outcome.highlight is not None


def test_unreplied_message_after_another_question_is_not_linked(pipeline):
    context = _context(pipeline, ("q1", "olga", QUESTION),
                       ("q2", "petr", "Кто завтра идёт на субботник?"))
    assert _score(pipeline, context, GOOD, reply_to=None).link is None


def test_unreplied_message_addressed_to_someone_else_is_not_linked(pipeline, asked):
    assert _score(pipeline, asked, "@petr " + GOOD, reply_to=None).link is None


def test_unreplied_message_long_after_the_question_is_not_linked(pipeline, asked):
    assert _score(pipeline, asked, GOOD, reply_to=None, minutes=180).link is None


def test_unreplied_small_talk_after_a_question_is_not_linked(pipeline, asked):
    assert _score(pipeline, asked, "Всем хорошего дня!", reply_to=None).link is None


def test_reply_to_a_statement_is_not_an_answer(pipeline):
    context = _context(pipeline, ("s1", "olga", "Сегодня отличная погода для субботника."))
    assert _score(pipeline, context, GOOD, reply_to="s1").link is None
