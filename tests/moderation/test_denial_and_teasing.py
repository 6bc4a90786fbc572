"""A denied insult («она не дура») defends someone; laughter («😂», «ахаха») marks friendly teasing."""

from __future__ import annotations

import pytest

from tests.moderation.test_targets import evaluate


def conflict(ruleset, pipeline, text: str, earlier: str | None = "кто вчера закрывал склад?") -> bool:
    return "conflict" in {flag.category for flag in evaluate(ruleset, pipeline, text, earlier)}


@pytest.mark.parametrize(("text", "attack"), [
    ("она не дура, просто устала после двух смен", False),
    ("Марина не идиотка, ей сказали неправильный адрес", False),
    ("они не алкаши, у них беда в семье", False),
    ("he's not an idiot, nobody told him the gate code", False),
    # an insult next to a denial is still one
    ("ну не дурак ли ты?", True),
    ("ты не человек, ты дебил", True),  # the denial is of another word
    ("you're not smart, you're an idiot", True),
])
def test_a_denied_insult_is_no_conflict(ruleset, pipeline, text, attack):
    assert conflict(ruleset, pipeline, text) is attack


@pytest.mark.parametrize(("text", "attack"), [
    ("ну ты и балбес 😂 третий будильник проспал", False),
    ("ахахах, придурок ты наш, опять ключи забыл", False),
    ("you idiot 😂 your cookies were the best part", False),
    # the same words without laughter
    ("ну ты и балбес, третий будильник проспал", True),
    ("придурок ты, опять ключи забыл", True),
    ("you idiot, your cookies were the worst part", True),
    ("я тебя урою 😂 понял?", True),  # laughter does not excuse a threat
])
def test_teasing_with_laughter_is_no_conflict(ruleset, pipeline, text, attack):
    assert conflict(ruleset, pipeline, text) is attack


@pytest.mark.parametrize(("text", "attack"), [
    ("Оо, какие мы нежные, слова не скажи", True),
    ("ты у нас, оказывается, главный эксперт по логистике", True),
    ("можешь меня не учить, я пять лет за рулём", True),
    # sincere praise of the team, a sincere question
    ("какие мы молодцы, за час всё разгрузили!", False),
    ("ты у нас новенький? добро пожаловать", False),
    ("я не учу английский, переведите, пожалуйста", False),
])
def test_sarcastic_retorts_at_a_member_are_conflict(ruleset, pipeline, text, attack):
    assert conflict(ruleset, pipeline, text) is attack
