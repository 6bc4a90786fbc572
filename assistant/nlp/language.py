"""Language detection that holds up on short chat lines (script first, then word evidence)."""

from __future__ import annotations

import re

_CYRILLIC = re.compile(r"[а-яёіїєґўА-ЯЁІЇЄҐЎ]")
_LATIN = re.compile(r"[a-zA-Z]")
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
# Words of transliterated Russian chat that English never uses.
_TRANSLIT_RU = {
    "privet", "spasibo", "pozhaluista", "pojaluista", "kak", "chto", "kogda", "gde", "eto",
    "ya", "ty", "mne", "nado", "mozhno", "davai", "poka", "horosho", "khorosho", "ochen",
    "tebya", "tebe", "menya", "blin", "chestnoe", "slovo", "voobshe", "voobshche", "pochemu",
    "zachem", "seychas", "sejchas", "tozhe", "davay", "zhdu", "vsem", "vse", "nichego",
    "vy", "vam", "vas", "vash", "vashi", "tvoi", "tvoy", "tam", "kto", "uzhe", "uje", "eshe",
    "eshche", "esli", "potomu", "togda", "sovsem", "mozhet", "budu", "budet", "bylo", "sebya",
    "nikto", "nikogda", "segodnya", "zavtra", "vchera", "rebyata", "rebyat", "konechno", "pravda",
    "tolko", "dazhe", "skolko", "kakoi", "kakoy", "takoy", "takoi", "chego", "zdes", "ladno",
    "slushay", "slushai", "delaet", "delat", "znaesh", "dumaesh", "mozhesh", "pishesh", "sdelal",
    "sdelala", "opyat", "idi", "poshel", "poshla", "molchi", "zatknis",
}


def detect_language(text: str, hint: str | None = None, default: str = "ru") -> str:
    """ISO 639-1 code of the text: the hint when given, else by script and word evidence.

    Russian-first: text without letters (emoji, numbers, links) gets ``default``.
    Obfuscated Russian (``идиoт`` with a Latin o) stays Russian because Cyrillic letters
    dominate; all-Latin transliterated Russian (``privet, kak dela``) is recognised by words.
    """
    if hint:
        return hint.lower().split("-")[0]
    without_links = re.sub(r"https?://\S+|@\w+|#\w+", " ", text)
    cyrillic = len(_CYRILLIC.findall(without_links))
    latin = len(_LATIN.findall(without_links))
    if cyrillic == 0 and latin == 0:
        return default
    if cyrillic >= latin * 0.5:
        return "uk" if len(_UKRAINIAN.findall(without_links)) >= 2 else "ru"
    words = set(re.findall(r"[a-z]+", without_links.lower()))
    # «жду. ty dolbaeb, chestnoe slovo»: Cyrillic beside transliterated Russian is Russian
    if len(words & _TRANSLIT_RU) >= (1 if cyrillic else 2):
        return "ru"
    return "en"
