"""The matcher answers members' questions in their own words and stays silent otherwise."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.faq import FaqMatcher, FaqResult
from assistant.faq.loader import FaqEntry
from assistant.faq.matcher import MatchThresholds
from assistant.nlp import NlpPipeline
from assistant.resources import build_matcher
from assistant.settings import Settings

Ask = Callable[..., FaqResult | None]


def test_long_chat_message_is_matched_by_its_question(ask: Ask) -> None:
    result = ask("всем привет! я новенькая, вчера была на складе, очень понравилось. "
                 "подскажите, а как отменить смену? в субботу не получается")
    assert result is not None and result.status == "answered"
    assert result.entry.id == "shift-cancel"
    assert "отменить смену" in result.matched_text and "новенькая" not in result.matched_text


def test_question_that_says_too_little_is_matched_with_the_sentence_before_it(ask: Ask) -> None:
    # "Как её сделать?" alone is closest to the generic donations entry and was answered with it
    result = ask("Добрый день! В колледже требуют бумагу о том, сколько часов я отработала "
                 "волонтёром. Как её сделать?")
    assert result is not None and "В колледже" in result.matched_text
    assert result.entry.id == "certificate" or result.status != "answered"


@pytest.mark.parametrize(("text", "expected"), [
    ("Как записаться на смену на следующей неделе?", "shift-signup"),
    ("Как отменить запись на смену в субботу?", "shift-cancel"),
    ("How do I sign up for a shift?", "shift-signup-en"),
    ("How can I cancel my shift tomorrow?", "shift-cancel-en"),
])
def test_near_neighbour_entries_are_not_confused(ask: Ask, text: str, expected: str) -> None:
    result = ask(text)
    assert result is not None and result.entry.id == expected and result.status == "answered"


@pytest.mark.parametrize("text", [
    "Всем привет!",
    "Спасибо большое, справку получила!",
    "Я сегодня отвёз 5 наборов, все адреса закрыты",
    "Записалась на смену в субботу, увидимся!",
    "Ну кто так делает с этими сменами, а?",
    "Как же я люблю наши смены!",
    "Thanks a lot, see you at the shift!",
])
def test_statements_greetings_and_rhetorical_questions_get_no_answer(ask: Ask, text: str) -> None:
    result = ask(text)
    assert result is None or result.status != "answered"


def test_off_topic_question_is_not_answered(ask: Ask) -> None:
    result = ask("Какая сегодня погода в Москве?")
    assert result is None or result.status != "answered"


def test_russian_only_entry_is_not_given_to_an_english_question_by_default(
        ask: Ask, pipeline: NlpPipeline, entries: list[FaqEntry]) -> None:
    question = "Do volunteers have insurance if they get injured during a shift?"
    result = ask(question)
    assert result is None or result.entry.lang == "en"
    allowed = build_matcher(Settings(db=None, watch=False, faq_cross_lingual=True), pipeline, entries)
    crossed = ask(question, on=allowed)
    assert crossed is not None and crossed.entry.id == "insurance"


def _pair(question_a: str, question_b: str) -> list[FaqEntry]:
    return [FaqEntry(id="a", question=question_a, answer="A", lang="ru"),
            FaqEntry(id="b", question=question_b, answer="B", lang="ru")]


def test_when_the_two_best_entries_are_too_close_it_does_not_guess(
        pipeline: NlpPipeline, ask: Ask) -> None:
    thresholds = MatchThresholds({"ru": 0.6}, {"ru": 0.3})
    twins = FaqMatcher(_pair("Как получить справку для школы?", "Как получить справку для вуза?"),
                       pipeline, thresholds)
    result = ask("Как получить справку?", on=twins)
    assert result is not None and result.status == "candidate"
    distinct = FaqMatcher(_pair("Как получить справку для школы?", "Где находится склад?"),
                          pipeline, thresholds)
    clear = ask("Как получить справку?", on=distinct)
    assert clear is not None and (clear.entry.id, clear.status) == ("a", "answered")


@pytest.mark.parametrize("aggregate", ["max", "centroid", "mix", "learned"])
def test_every_aggregate_ranks_the_right_entry_first(pipeline: NlpPipeline, entries: list[FaqEntry],
                                                     aggregate: str) -> None:
    matcher = build_matcher(Settings(db=None, watch=False, faq_aggregate=aggregate), pipeline, entries)
    ranked = matcher.rank(pipeline.analyse("где взять волонтерскую книжку?"), 3)
    assert ranked[0][0] == "volunteer-book" and len(ranked) == 3
    assert ranked[0][1] >= ranked[1][1] >= ranked[2][1]


def test_an_added_variant_is_matched_from_then_on(pipeline: NlpPipeline, ask: Ask) -> None:
    entries = [FaqEntry(id="fuel", question="Компенсируете ли вы бензин водителям?", answer="Да",
                        lang="ru"),
               FaqEntry(id="book", question="Как получить книжку волонтёра?", answer="Так",
                        lang="ru")]
    matcher = FaqMatcher(entries, pipeline, MatchThresholds({"ru": 0.6}, {"ru": 0.3}))
    question = "а чеки с заправки куда сдавать?"
    before = ask(question, on=matcher)
    assert before is None or before.status != "answered"
    matcher.add_variant("fuel", "куда сдавать чеки с заправки")
    after = ask(question, on=matcher)
    assert after is not None and (after.entry.id, after.status) == ("fuel", "answered")


def test_scores_are_calibrated_into_the_unit_interval(ask: Ask) -> None:
    for text in ("Как стать волонтёром?", "Где посмотреть сколько у меня часов?", "Что такое ДНК?"):
        result = ask(text)
        assert result is None or 0.0 <= result.score <= 1.0
