from assistant.nlp.lemmas import Lemmatizer


def test_russian_inflections_share_a_lemma() -> None:
    lemmatizer = Lemmatizer()
    forms = ["книжку", "книжки", "книжкой", "книжек"]
    assert {lemmatizer.lemma(f) for f in forms} == {"книжка"}


def test_english_lemmas_from_lookup_tables() -> None:
    tokens = Lemmatizer().tokenize("volunteers were running shifts", "en")
    assert [t.lemma for t in tokens] == ["volunteer", "be", "run", "shift"]


def test_tokens_carry_grammemes_and_skip_punctuation() -> None:
    tokens = Lemmatizer().tokenize("ты знаешь, где склад?", "ru")
    words = [t for t in tokens if t.is_word]
    assert [t.lemma for t in words] == ["ты", "знать", "где", "склад"]
    assert "2per" in words[1].grammemes
    assert not any(t.is_word for t in tokens if t.text in {",", "?"})


def test_lemma_cache_is_used() -> None:
    lemmatizer = Lemmatizer()
    for _ in range(3):
        lemmatizer.lemma("волонтерами")
    assert lemmatizer.cache_info()["ru"]["hits"] >= 2
