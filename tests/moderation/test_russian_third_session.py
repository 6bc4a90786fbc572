"""Russian moderation, third session: exact-form phrases, glued words, false friends of mat roots,
self-deprecation only near the insult, «давайте», calls for violence about others."""

from __future__ import annotations

import pytest

from assistant.context import ChatContext
from assistant.models import Message
from assistant.moderation import RuleSet
from assistant.moderation.lexicons import LexiconSet, read_lexicon_file
from assistant.nlp import NlpPipeline


def flags(ruleset: RuleSet, pipeline: NlpPipeline, text: str) -> dict[str, str]:
    message = Message(id="m1", chat="c1", author="u1", text=text)  # type: ignore[arg-type]
    results = ruleset.evaluate(message, pipeline.analyse(text), ChatContext())
    return {r.flag.rule: r.flag.category for r in results if r.flag.mode != "shadow"}


def shown(ruleset: RuleSet, pipeline: NlpPipeline, text: str) -> set[str]:
    return {"conflict", "toxicity"} & set(flags(ruleset, pipeline, text).values())


@pytest.mark.parametrize("text", ["Не бойся, тебя никто не обидит", "Вас никто не тронет, заполните анкету",
                                  "тебя никто не заставляет, решай сам"])
def test_nobody_will_hurt_you_is_not_the_contempt_phrase(ruleset, pipeline, text):
    assert "contempt" not in flags(ruleset, pipeline, text)


@pytest.mark.parametrize("text", ["ты никто, и звать тебя никак", "вы никто здесь"])
def test_you_are_nobody_is_still_contempt(ruleset, pipeline, text):
    assert flags(ruleset, pipeline, text).get("contempt") == "conflict"


def test_exact_form_phrase_entries(pipeline, tmp_path):
    path = tmp_path / "contempt.ru.txt"
    path.write_text("=ты никто\n", encoding="utf-8")
    entries, problems = read_lexicon_file(path, tmp_path)
    assert not problems
    lexicons = LexiconSet(pipeline.lemmatizer.lemma)
    lexicons.add("contempt", "ru", entries)
    lexicons.compile()

    def hit(text: str) -> bool:
        return bool(lexicons.match(pipeline.analyse(text).tokens, "ru"))

    assert hit("ну ты никто") and not hit("тебя никто не ждал")


@pytest.mark.parametrize(("lang", "entry", "text"), [
    ("en", "you're dead", "one more word and you're dead"),
    ("en", "don't you dare", "don't you dare touch my stuff"),
    ("ru", "ты ку-ку", "ну ты ку-ку совсем"),
])
def test_entries_with_contractions_and_hyphens_meet_the_words_of_messages(pipeline, tmp_path,
                                                                          lang, entry, text):
    path = tmp_path / f"threats.{lang}.txt"
    path.write_text(entry + "\n", encoding="utf-8")
    entries, problems = read_lexicon_file(path, tmp_path)
    assert not problems
    lexicons = LexiconSet(pipeline.lemmatizer.lemma)
    lexicons.add("threats", lang, entries)
    lexicons.compile()
    assert lexicons.match(pipeline.analyse(text, lang).tokens, lang)


@pytest.mark.parametrize("text", ["лечебный корм для кошек есть в клинике", "волшебная была ночь",
                                  "судебное заседание перенесли", "вечером дебаты кандидатов",
                                  "начинаю влюбляться в этот город", "пишу про Нормандию и саламандр",
                                  "Аманда приедет завтра", "учёба начинается в понедельник",
                                  "мы в Ебурге на выходных", "межоперационный период у кота две недели"])
def test_false_friends_of_mat_roots_are_not_obscenity(ruleset, pipeline, text):
    assert "obscenity" not in flags(ruleset, pipeline, text)


@pytest.mark.parametrize("text", ["сукааа.настроения нет нихуя.вся надежда на вас",
                                  "ебаный принтер опять зажевал", "тут полная жопа с документами"])
def test_mat_glued_to_punctuation_and_vulgar_words_are_obscenity(ruleset, pipeline, text):
    assert "obscenity" in flags(ruleset, pipeline, text)


@pytest.mark.parametrize("text", ["истерят либерасты и их прихвостни выродки, а я мысли излагаю",
                                  "кремлеботы набежали в комменты", "надо посадить урода.а людям спасибо"])
def test_insults_about_others_are_toxicity_even_with_first_person_elsewhere(ruleset, pipeline, text):
    assert flags(ruleset, pipeline, text).get("insult-other") == "toxicity"


@pytest.mark.parametrize("text", ["я дура, забыла зонт", "какой же я тупой сегодня",
                                  "вот я осёл, перепутал даты"])
def test_self_deprecation_is_still_not_flagged(ruleset, pipeline, text):
    assert not shown(ruleset, pipeline, text)


def test_lets_is_not_an_order_to_someone(ruleset, pipeline):
    found = flags(ruleset, pipeline, "давайте пойдём, эти дебилы всё равно не придут")
    assert "insult-direct" not in found and found.get("insult-other") == "toxicity"


@pytest.mark.parametrize("text", ["живодёров таких расстреливать надо", "как поймают, на кол посадить"])
def test_calls_for_violence_about_others_are_toxicity(ruleset, pipeline, text):
    assert flags(ruleset, pipeline, text).get("violent-call") == "toxicity"


@pytest.mark.parametrize("text", ["в результате обстрела погибли мирные жители",
                                  "поставьте коробки к стенке, пожалуйста",
                                  "Не согласен с вами, но уважаю вашу позицию"])
def test_news_and_civil_disagreement_are_not_flagged(ruleset, pipeline, text):
    assert not shown(ruleset, pipeline, text)


@pytest.mark.parametrize("text", ["[id5|Олег], ты кремлебот продажный", "[id7|Ира], ты просто мразота"])
def test_vk_replies_with_slurs_are_conflict(ruleset, pipeline, text):
    assert flags(ruleset, pipeline, text).get("insult-direct") == "conflict"
