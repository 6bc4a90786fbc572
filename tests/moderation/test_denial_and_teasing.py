"""A denied insult («она не дура») defends someone; laughter («😂», «ахаха») marks friendly teasing."""

from __future__ import annotations

import pytest

from tests.moderation.test_targets import evaluate


def conflict(ruleset, pipeline, text: str, earlier: str | None = "кто вчера закрывал склад?") -> bool:
    return "conflict" in {flag.category for flag in evaluate(ruleset, pipeline, text, earlier)}


@pytest.mark.parametrize("text", [
    "она не дура, просто устала после двух смен",
    "Марина не идиотка, ей сказали неправильный адрес",
    "они не алкаши, у них беда в семье",
    "he's not an idiot, nobody told him the gate code",
])
def test_a_denied_insult_is_no_conflict(ruleset, pipeline, text):
    assert not conflict(ruleset, pipeline, text)


@pytest.mark.parametrize("text", [
    "ну не дурак ли ты?",
    "ты не человек, ты дебил",  # the denial is of another word
    "you're not smart, you're an idiot",
])
def test_an_insult_next_to_a_denial_is_still_a_conflict(ruleset, pipeline, text):
    assert conflict(ruleset, pipeline, text)


@pytest.mark.parametrize("text", [
    "ну ты и балбес 😂 третий будильник проспал",
    "ахахах, придурок ты наш, опять ключи забыл",
    "you idiot 😂 your cookies were the best part",
])
def test_teasing_with_laughter_is_no_conflict(ruleset, pipeline, text):
    assert not conflict(ruleset, pipeline, text)


@pytest.mark.parametrize("text", [
    "ну ты и балбес, третий будильник проспал",
    "придурок ты, опять ключи забыл",
    "you idiot, your cookies were the worst part",
])
def test_the_same_words_without_laughter_are_a_conflict(ruleset, pipeline, text):
    assert conflict(ruleset, pipeline, text)


def test_laughter_does_not_excuse_a_threat(ruleset, pipeline):
    assert conflict(ruleset, pipeline, "я тебя урою 😂 понял?")
