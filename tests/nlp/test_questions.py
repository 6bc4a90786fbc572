"""Question detection: questions and requests apart from greetings, thanks, reports, rhetoric, and
questions to the people of the chat."""

from __future__ import annotations

import pytest

from assistant.nlp.questions import looks_like_question, question_part, sentence_kind
from assistant.nlp.sentences import split_sentences


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("а как отменить смену?", "ru", "question"),
    ("Подскажите, где взять книжку волонтера", "ru", "question"),
    ("Со скольки лет можно к вам", "ru", "question"),
    ("Не могу войти в личный кабинет", "ru", "request"),
    ("мне 16 это норм или только с 18", "ru", "question"),  # an alternative, no "?"
    ("нас на выездах страхуют или каждый сам за себя", "ru", "question"),
    ("скиньте адрес склада плиз", "ru", "request"),  # chat slang for "please send"
    ("Всем привет!", "ru", "greeting"),
    ("Привет всем!", "ru", "greeting"),
    ("Добрый вечер всем!", "ru", "greeting"),
    ("Добрый день)", "ru", "greeting"),
    ("Спасибо большое!!", "ru", "thanks"),
    ("Я сегодня отвёз 5 наборов", "ru", "statement"),
    ("Ну кто так делает, а?", "ru", "rhetorical"),
    ("Разве так можно?", "ru", "rhetorical"),
    # sarcasm: an eye-roll or «кто бы сомневался» makes a complaint no request
    ("ну конечно, часы опять не засчитали, кто бы сомневался", "ru", "rhetorical"),
    ("опять справку не выдали 🙄", "ru", "rhetorical"),
    ("oh sure, the form will work this time, yeah right", "en", "rhetorical"),
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


@pytest.mark.parametrize(("text", "lang"), [
    ("не знаю, куда писать, если заболела", "ru"),  # indirect
    ("Не понимаю где в кабинете смотреть свои часы", "ru"),
    ("Интересно, а форму волонтерам выдают", "ru"),
    ("чё брать с собой на склад", "ru"),  # slang, no question mark
    ("а медкнижка нужна для кухни", "ru"),  # yes/no question without "?"
    ("привет, ребят, а где склад", "ru"),  # the question word comes after the greeting
    ("hey guys how do i sign up", "en"),
    ("I'm not sure how to cancel my shift", "en"),
])
def test_questions_without_a_question_mark_or_with_an_opening(text: str, lang: str) -> None:
    assert sentence_kind(text, lang) == "question"


@pytest.mark.parametrize(("text", "lang"), [
    ("Маша, ты завтра придёшь?", "ru"),  # a name
    ("Саш, ты записался на субботу?", "ru"),
    ("Оля, а справку уже получила?", "ru"),  # a name, no pronoun
    ("Какой у Насти номер телефона?", "ru"),  # about a person
    ("Кто завтра едет на склад?", "ru"),  # people's plans
    ("Кто-нибудь будет в воскресенье на складе?", "ru"),
    ("Ребята, я записалась на смену в четверг, кто со мной?", "ru"),
    ("Anna, are you coming tomorrow?", "en"),
    ("Who's at the warehouse now?", "en"),
    ("Signed up for Sunday, who else is coming?", "en"),
])
def test_questions_to_people_are_social(text: str, lang: str) -> None:
    assert sentence_kind(text, lang) == "social"
    assert looks_like_question(text, lang)  # still a question for the rest of the pipeline


@pytest.mark.parametrize(("text", "lang"), [
    ("Кто координатор в Нижнем Новгороде?", "ru"),  # "кто" without plans
    ("Кто-нибудь знает, во сколько завтра открывается склад?", "ru"),  # asks for information
    ("Девочки, а на кухне без медкнижки можно?", "ru"),  # the chat, not a person
    ("Sorry, are you open on Sundays?", "en"),  # not a name
    ("Does anyone know how to cancel a shift today?", "en"),
])
def test_questions_to_the_faq_are_not_mistaken_for_social_ones(text: str, lang: str) -> None:
    assert sentence_kind(text, lang) == "question"


def test_question_part_drops_the_greeting_and_the_story() -> None:
    text = "всем привет! я новенькая, вчера была на складе.\nподскажите, а как отменить смену?"
    assert question_part(text, "ru") == "подскажите, а как отменить смену?"
    assert question_part("Я сегодня отвёз 5 наборов", "ru") == "Я сегодня отвёз 5 наборов"
    assert question_part("Маша, ты завтра придёшь?", "ru") == "Маша, ты завтра придёшь?"


@pytest.mark.parametrize(("text", "sentences"), [
    ("вчера была на складе, очень понравилось) подскажите, как отменить смену?",
     ["вчера была на складе, очень понравилось)", "подскажите, как отменить смену?"]),
    ("заболела( что делать?", ["заболела(", "что делать?"]),
    ("всё понравилось 😊 Мне нужна справка", ["всё понравилось 😊", "Мне нужна справка"]),
    ("Склад (у метро) далеко? да", ["Склад (у метро) далеко?", "да"]),  # a parenthesis
    ("Спасибо. Всё получилось. Где склад?", ["Спасибо.", "Всё получилось.", "Где склад?"]),
    ("1) адрес 2) время", ["1) адрес 2) время"]),  # list numbers are not smileys
])
def test_chat_sentences_end_at_smileys_and_emoji(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences
