"""The attack classifier: personal attacks without insult words, against civil messages of the same shape."""

from __future__ import annotations

import pytest

from tests.moderation.test_targets import evaluate, flag_rules

# an attack without an insult word, and a civil message to a member on the same matter
PAIRS = [
    ("ты хоть раз в жизни пришёл вовремя? или это для тебя слишком сложно",
     "ты сегодня придёшь вовремя? нам к девяти машину разгружать"),
    ("Вика, не позорься, просто молчи, когда взрослые обсуждают",
     "Вика, давай обсудим это в субботу на собрании, сейчас не успеваем"),
    ("ещё раз полезешь в мою таблицу — сильно пожалеешь",
     "пожалуйста, не меняй мою таблицу без предупреждения, я потом путаюсь"),
    ("you clearly have no idea what you're doing, stop touching the rota",
     "I think the rota needs another look, Tuesday has nobody on it"),
    ("funny how the money always goes missing when you're in charge, Tom",
     "Tom, could you send the receipts for the petrol when you get a chance?"),
]


@pytest.mark.parametrize(("attack", "civil"), PAIRS)
def test_the_attack_model_ranks_the_attack_above_the_civil_message(ruleset, pipeline, attack, civil):
    model = ruleset.classifiers["attack"]
    rude, calm = pipeline.analyse_batch([attack, civil])
    assert model.score(rude) > 0.5 > model.score(calm)


@pytest.mark.parametrize(("attack", "civil"), PAIRS)
def test_the_attack_is_a_conflict_and_the_civil_message_is_not(ruleset, pipeline, attack, civil):
    assert "conflict" in {flag.category for flag in evaluate(ruleset, pipeline, attack)}
    assert "conflict" not in {flag.category for flag in evaluate(ruleset, pipeline, civil)}


def test_an_apology_or_a_quoted_rule_is_not_a_personal_attack(ruleset, pipeline):
    assert "personal-attack" not in flag_rules(
        ruleset, pipeline, "прости, я была не права, ты всё сделала как надо")
    assert "personal-attack" not in flag_rules(
        ruleset, pipeline, "Напоминаю: фразы вроде «ты вообще головой думаешь?» здесь под запретом")
