import pytest

from assistant.nlp.language import detect_language


@pytest.mark.parametrize(("text", "lang"), [
    ("Привет, как получить книжку?", "ru"),
    ("ок", "ru"),
    ("How do I sign up for a shift?", "en"),
    ("ok", "en"),
    ("идиoт", "ru"),                              # obfuscated Russian stays Russian
    ("Смотри https://example.com/volunteer-guide", "ru"),
    ("privet, kak dela? spasibo", "ru"),          # transliterated Russian
    ("Да давай, жду. ty dolbaeb, chestnoe slovo", "ru"),  # Cyrillic beside transliteration
    ("vy tam sovsem s uma soshli? kto tak delaet", "ru"),  # no greeting or "kak": other common words
    ("Sam is there already, tell him the van is at the back", "en"),
    ("Thanks Маша, see you at the shelter tomorrow", "en"),
    ("👍👍", "ru"),                                 # no letters: the default
    ("Доброго дня, підкажіть будь ласка, де їх взяти", "uk"),
])
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_hint_wins() -> None:
    assert detect_language("Привет", hint="en-US") == "en"
