"""Russian lexicons and the abuse model: third-party insults, rude orders, obfuscation, hard negatives."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.context import ChatContext
from assistant.models import Message
from assistant.moderation import RuleSet
from assistant.moderation.classifiers import LinearClassifier, char_ngrams
from assistant.nlp import NlpPipeline
from assistant.settings import PROJECT_ROOT


def flags(ruleset: RuleSet, pipeline: NlpPipeline, text: str) -> dict[str, str]:
    message = Message(id="m1", chat="c1", author="u1", text=text)  # type: ignore[arg-type]
    results = ruleset.evaluate(message, pipeline.analyse(text), ChatContext())
    return {r.flag.rule: r.flag.category for r in results if r.flag.mode != "shadow"}


@pytest.mark.parametrize("text", ["эти депутаты — ворюги и ублюдки", "опять ватники набежали",
                                  "лахтодырки сегодня на смене", "мэр у нас просто мразь"])
def test_insults_about_third_parties_are_toxicity(ruleset, pipeline, text):
    assert flags(ruleset, pipeline, text).get("insult-other") == "toxicity"


@pytest.mark.parametrize("text", ["[id1|Олег], своих ищешь, насекомое?", "ты просто баран упёртый"])
def test_name_calling_aimed_at_a_person_is_conflict(ruleset, pipeline, text):
    assert flags(ruleset, pipeline, text).get("insult-direct") == "conflict"


@pytest.mark.parametrize("text", ["пасть закрой, тебя не спрашивали", "сдохни уже", "вали отсюда"])
def test_rude_orders_are_contempt(ruleset, pipeline, text):
    assert flags(ruleset, pipeline, text).get("contempt") == "conflict"


@pytest.mark.parametrize("text", ["она что-то пиzданула", "писдец какой-то", "что за херня"])
def test_obfuscated_and_spelled_variants_of_mat_are_obscenity(ruleset, pipeline, text):
    assert "obscenity" in flags(ruleset, pipeline, text)


@pytest.mark.parametrize("text", ["бараны паслись на склоне", "насекомые съели всю капусту",
                                  "ребенок потерял учебник", "похудела к лету на пять кило",
                                  "я полный идиот, забыл ключи", "суд приговорил чиновника за взятку",
                                  "в правилах запрещено слово «быдло»"])
def test_literal_senses_news_and_self_deprecation_are_not_flagged(ruleset, pipeline, text):
    assert not {"conflict", "toxicity"} & set(flags(ruleset, pipeline, text).values())


def test_char_ngrams_are_deterministic_and_shared_by_inflections():
    dumb, dumber = char_ngrams(["дебил"], (3, 4), 1 << 18), char_ngrams(["дебилоид"], (3, 4), 1 << 18)
    assert dumb == char_ngrams(["дебил"], (3, 4), 1 << 18)
    assert len(dumb & dumber) >= 4 and dumb != dumber


def test_bundled_model_uses_char_ngrams_and_ranks_abuse_above_neutral(ruleset, pipeline):
    data = json.loads((PROJECT_ROOT / "rules" / "models" / "abuse.json").read_text(encoding="utf-8"))
    assert data["char_ngrams"]["weights"] and data["char_ngrams"]["sizes"] == [3, 4]
    model = ruleset.classifiers["abuse"]
    assert isinstance(model, LinearClassifier) and model.ngrams
    rude, neutral = pipeline.analyse_batch(["эти чинуши — тупорылые ворюги", "сбор завтра в десять у парка"],
                                           ["ru", "ru"])
    assert model.score(rude) > 0.5 > model.score(neutral)
    plain = LinearClassifier("plain", model.bias, np.asarray(model.embedding), model.lemmas)
    assert plain.score(rude) != model.score(rude)  # the n-gram weights take part in the score


@pytest.mark.parametrize("text", ["Маша, у нас щенок заболел, кто свозит к ветеринару?",
                                  "Гена, мы помогаем и людям, и животным",
                                  "Оля, козу сегодня покормили?"])
def test_animals_named_literally_in_a_shelter_chat_are_not_insults(ruleset, pipeline, text):
    assert "insult-direct" not in flags(ruleset, pipeline, text)


@pytest.mark.parametrize("text", ["ну ты и козёл", "баран ты упёртый", "сам ты к@зёл", "ты к*зёл"])
def test_animal_name_calling_of_the_person_is_caught_even_disguised(ruleset, pipeline, text):
    assert flags(ruleset, pipeline, text).get("insult-direct") == "conflict"
