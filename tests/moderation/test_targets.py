"""Whom an insult is aimed at: anger at a group of outsiders or an obscene outburst in a reply is
not an attack on the member replied to; a plural insult with "you", an order or a name still is;
an insult or mock praise about a member named in the third person is one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.context import ChatContext, ContextMessage
from assistant.models import Message
from assistant.moderation import RuleSet
from assistant.nlp import NlpPipeline


def evaluate(ruleset: RuleSet, pipeline: NlpPipeline, text: str, earlier: str | None = None) -> list:
    """The enforced flags of a message, a reply to another member's ``earlier`` message if given."""
    context, reply_to = ChatContext(), None
    if earlier is not None:
        first = pipeline.analyse(earlier)
        context = ChatContext([ContextMessage(
            id="m0", author="anna", author_role="member", text=earlier, ts=datetime.now(UTC),
            reply_to=None, lang=first.lang, is_question=False, embedding=first.embedding)])
        reply_to = "m0"
    message = Message(id="m1", chat="c1", author="boris", text=text, reply_to=reply_to)  # type: ignore[arg-type]
    results = ruleset.evaluate(message, pipeline.analyse(text), context)
    return [r.flag for r in results if r.flag.mode != "shadow"]


def reply_flags(ruleset: RuleSet, pipeline: NlpPipeline, earlier: str, text: str) -> set[str]:
    """The categories a reply to another member's message gets."""
    return {flag.category for flag in evaluate(ruleset, pipeline, text, earlier)}


def flag_rules(ruleset: RuleSet, pipeline: NlpPipeline, text: str) -> set[str]:
    """The ids of the enforced rules that fire on a message."""
    return {flag.rule for flag in evaluate(ruleset, pipeline, text)}


@pytest.mark.parametrize(("earlier", "text"), [
    ("у бабушки из подъезда украли пенсию", "Вот мрази, у стариков воровать"),
    ("фонд собрал деньги и исчез", "Эти жулики — паразиты, из-за таких уродов нам никто не доверяет"),
    ("the council cut the shelter's budget again", "Those council pricks never fix anything"),
    # «засрали» is also a rare name in the dictionary: a verb before a comma is no vocative
    ("во дворе опять бардак", "какие-то уроды там всё засрали, пройти невозможно"),
    # an obscene outburst that addresses nobody is frustration (`venting`)
    ("фура будет в 10", "бля, опять фура опоздала, сколько можно"),
    ("фура будет в 10", "да ебаный насос, опять ключи не те"),
    ("the truck is due at ten", "fucking hell, the truck broke down again"),
    ("someone stole the donation box",
     "Jesus fucking Christ. what kind of piece of shit does that. hope they rot"),
    # an obscene word before the plural noun it qualifies is aimed at that group
    ("в управе опять отказали", "ебучие бюрократы опять всё завернули"),
    ("the buzzers don't work", "the sh*tty landlords couldn't care less about the buzzers"),
    # ... or after it, and a contempt word that names a group; «сука» as an exclamation
    ("в подвале опять потоп", "жэк этот — сборище бездельников е**чих, трубку не берут"),
    ("собаку бросили на трассе", "как таких людей земля носит, сука, за что собаку-то"),
    # a plural insult beside an order to one person, in a calm message: not aimed at the reader
    ("скинь деньги на карту", "учти, банк опять блокирует переводы, грёбаные уроды из безопасности"),
    # an insult said of a person named by a common noun: a third party
    ("нам опять отказали в аренде", "да этот арендодатель — ср*ное чмо, ему пофиг на всё"),
    ("тебя тоже обсчитали на рынке?", "ага. мужик, конечно, урод конченый, но я уже отошла"),
])
def test_anger_at_outsiders_in_a_reply_is_not_conflict(ruleset, pipeline, earlier, text):
    categories = reply_flags(ruleset, pipeline, earlier, text)
    assert "conflict" not in categories
    assert "toxicity" in categories  # the abuse is still there, aimed at no member


@pytest.mark.parametrize(("earlier", "text"), [
    ("партию принимала Зоя", "Зоя и принимала. руки из одного места растут"),  # a plural inside a phrase
    ("я раздала все наборы", "вы дармоеды, ничего не делаете"),
    ("ты опять опоздал", "ты сука, понял?"),
    # «хамло» has an indeclinable reading that pymorphy3 also tags plural: it is no group
    ("ты опять опоздал", "Хамло малолетнее."),
    # a plural insult beside one addressee, in a message that reads as abuse: the reader's crowd
    ("я опять на складе", "Ну и работай дальше на этих жуликов, овца"),
    # ... or with «вы» or a plural order: the plural is the readers
    ("мы опоздаем на час", "учтите, уроды, ещё раз опоздаете — вылетите"),
])
def test_contempt_or_obscenity_at_the_member_stays_a_conflict(ruleset, pipeline, earlier, text):
    assert "conflict" in reply_flags(ruleset, pipeline, earlier, text)


@pytest.mark.parametrize(("earlier", "text"), [
    ("мы опоздаем на час", "ну вы и дебилы"),
    ("мы опоздаем на час", "дебилы, читайте расписание"),
    ("we'll be an hour late", "you idiots never read the schedule"),
    ("мы опоздаем на час", "дебил"),
    ("фура будет в 10", "бля, ты заебал со своей фурой"),
    ("фура будет в 10", "заебал уже"),
    ("мы опоздаем на час", "ебучие вы лентяи"),
    ("the truck is due at ten", "what the fuck is wrong with you"),
    ("the truck is due at ten", "fuck off"),
])
def test_an_insult_at_the_member_in_a_reply_is_still_conflict(ruleset, pipeline, earlier, text):
    assert "conflict" in reply_flags(ruleset, pipeline, earlier, text)


# an insult about a member named in the third person, and mock praise of a member
@pytest.mark.parametrize(("rule", "text"), [
    ("insult-about-member", "Лена опять всё перепутала, вот дура"),
    ("insult-about-member", "Игорь у нас просто идиот, что с него взять"),
    ("insult-about-member", "Рома опять ничего не привёз. Тормоз и балабол"),
    ("sarcasm", "ну ты гений, конечно, перепутать склады второй раз"),
    ("sarcasm", "Как всегда: Игорь придумал, а разгребать нам. Гений организации, блин"),
    ("condescension", "деточка, иди поучись сначала"),
    ("sarcasm", "sure you did, princess"),
    # a phrase with pronouns or particles inside it
    ("contempt", "руки у тебя из одного места растут, всё опять переделывать"),
    ("contempt", "закрой ты свой рот, надоел"),
    # a two-word phrase said noun first
    ("contempt", "мозг у тебя куриный, всё забываешь"),
    ("contempt", "эксперт диванный, ты хоть раз на складе был?"),
])
def test_an_attack_on_a_member_fires_its_rule(ruleset, pipeline, rule, text):
    assert rule in flag_rules(ruleset, pipeline, text)


# an insult about no member, and earnest praise
@pytest.mark.parametrize(("rule", "text"), [
    ("insult-about-member", "этот депутат просто вор и дебил"),  # no name: an outsider
    ("insult-about-member", "Лена сказала, что на складе опять эти придурки из управляющей компании"),
    ("insult-about-member", "Слава богу, этот идиот из фуры наконец уехал"),  # «Слава» is no name here
    ("sarcasm", "Маша, ты гений! спасибо 👏"),
    ("sarcasm", "Дима у нас молодец, весь склад разобрал за час"),
    ("sarcasm", "you're a genius, thanks for fixing the schedule!"),
    ("sarcasm", "Гений организации этот ваш новый сервис доставки, блин"),  # mock praise of a thing
])
def test_no_attack_on_a_member_does_not_fire_it(ruleset, pipeline, rule, text):
    assert rule not in flag_rules(ruleset, pipeline, text)


@pytest.mark.parametrize("text", [
    "у меня руки из одного места растут, опять всё уронила",
    "да я тупая, перепутала склады",
    "извини, я дура, перепутала склады",  # «извини» is an imperative but speaks to nobody
    "Honestly I'm an idiot, I double-booked Saturday. I can only do 8-10, sorry Jen!",
])
def test_self_deprecation_in_a_reply_is_not_conflict(ruleset, pipeline, text):
    assert "conflict" not in reply_flags(ruleset, pipeline, "коробки в третьем ряду", text)


@pytest.mark.parametrize("text", [
    "я такого не говорила. не надо тут истерить",  # «я» is in another sentence
    "я всё сделала. закреп читать не пробовала?",
])
def test_a_first_person_word_in_another_sentence_excuses_nothing(ruleset, pipeline, text):
    assert "conflict" in reply_flags(ruleset, pipeline, "коробки опять не там", text)


@pytest.mark.parametrize(("text", "attack"), [
    ("Айфон мне муж подарил, если тебе так интересно, крыса завистливая.", True),
    ("ну ты и упёртый баран", True),
    # the animal itself
    ("у нас на складе крыса, надо кота завести", False),
    ("соседский баран опять в огород залез", False),
])
def test_an_animal_with_a_trait_of_character_is_name_calling(ruleset, pipeline, text, attack):
    assert ("conflict" in reply_flags(ruleset, pipeline, "откуда у тебя айфон?", text)) is attack


@pytest.mark.parametrize(("text", "conflict"), [
    ("Да ёб твою мать, мы им три месяца бумажки носили, а они опять отказали", False),
    ("твою мать, ты опять всё перепутал, идиот", True),
])
def test_the_you_of_an_obscene_exclamation_addresses_nobody(ruleset, pipeline, text, conflict):
    flags = reply_flags(ruleset, pipeline, "в администрации опять отказали", text)
    assert ("conflict" in flags) is conflict and "toxicity" in flags


@pytest.mark.parametrize(("text", "veiled"), [
    ("ну хоть не орал на волонтёров, как некоторые истерички", True),
    ("кое-кто у нас бездарь, но не будем показывать пальцем", True),
    ("as always, some people are idiots", True),
    ("некоторые политики просто идиоты", False),  # a noun says who is meant: not a member
    ("some politicians are idiots", False),
])
def test_an_insult_said_of_a_member_pointed_at_without_a_name(ruleset, pipeline, text, veiled):
    assert ("insult-about-member" in flag_rules(ruleset, pipeline, text)) is veiled


def test_an_apology_for_the_insult_takes_it_back(ruleset, pipeline):
    earlier = "где чек?"
    assert "conflict" in reply_flags(ruleset, pipeline, earlier, "Саня, ты клоун")
    apology = "Саня, чек в личке. и извини за клоуна, вспылил"
    assert "conflict" not in reply_flags(ruleset, pipeline, earlier, apology)


@pytest.mark.parametrize(("text", "conflict"), [
    ("подпись есть, а рации нет. ты её просто прикарманила, не ври", True),
    ("хватит врать, тебя там не было", True),
    ("не вру, честно, сам видел", False),
])
def test_a_command_not_to_lie_is_an_accusation(ruleset, pipeline, text, conflict):
    assert ("conflict" in reply_flags(ruleset, pipeline, "я рацию сдала, там подпись", text)) is conflict
