import pytest

from assistant.nlp.normalize import fold, normalize


@pytest.mark.parametrize(("text", "expected"), [
    ("Ты идиoт!", "ты идиот!"),          # Latin o inside a Cyrillic word
    ("ИДИОТ", "идиот"),
    ("ёлка", "елка"),
    ("д у р а к", "дурак"),               # spaced letters
    ("д.у.р.а.к", "дурак"),
    ("дуууурак", "дурак"),                # letter runs
    ("3ло", "зло"),                        # digit look-alike inside a Cyrillic word
    ("idiоt", "idiot"),                    # Cyrillic о inside a Latin word
    ("д*бил", "д*бил"),                    # the wildcard is kept for the lexicon matcher
])
def test_normalize_undoes_disguises(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize("text", [
    "встреча в 10:30, 3 человека", "класс", "hello world", "а и б", "я в шоке", "c2c",
])
def test_normalize_leaves_ordinary_text_alone(text: str) -> None:
    assert normalize(text) == text


def test_fold_removes_invisible_characters() -> None:
    assert fold("ду\u200bрак Ё") == "дурак е"
