"""The lemma side: stop words do not count, typos still meet their word, rare words weigh more."""

from __future__ import annotations

from assistant.faq.lexical import LexicalIndex, content_lemmas


def test_stop_words_and_numbers_do_not_count() -> None:
    assert content_lemmas(["подсказать", "пожалуйста", "как", "отменить", "смена", "5", "я"]) == [
        "отменить", "смена"]


def test_a_misspelt_lemma_meets_its_word() -> None:
    index = LexicalIndex([["получить", "книжка", "волонтёр"], ["отменить", "смена"]], [0, 1])
    exact = index.scores(["книжка", "волонтёр"])[0]
    typo = index.scores(["книжка", "валонтёр"])[0]
    without = index.scores(["книжка", "кошка"])[0]
    assert exact > typo > without and typo > 0.75
    assert index.scores(["книжка", "валонтёр"])[1] == 0.0


def test_words_shared_by_every_entry_weigh_less_than_distinctive_ones() -> None:
    index = LexicalIndex([["записаться", "смена"], ["отменить", "смена"], ["адрес", "склад"]],
                         [0, 1, 2])
    scores = index.scores(["отменить", "смена"])
    assert scores[1] > scores[0] > scores[2] == 0.0
    assert index.idf["смена"] < index.idf["отменить"]
