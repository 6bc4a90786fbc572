"""Text normalisation that undoes the usual disguises of chat writing.

``normalize`` lowercases, folds ё→е, removes invisible characters, maps Latin look-alike
letters and digits inside Cyrillic words to Cyrillic (``идиoт``, ``к@зёл``, ``3ло``), collapses
letter runs (``дуууурак``) and joins spaced-out letters (``д у р а к``, ``д.у.р.а.к``).
A ``*`` inside a word is kept: it is a wildcard the lexicon matcher understands (``д*бил``).
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
# Latin letters, digits and symbols that stand in for Cyrillic letters inside a Cyrillic word.
_TO_CYRILLIC = str.maketrans({
    "a": "а", "b": "в", "c": "с", "e": "е", "h": "н", "k": "к", "m": "м", "n": "п",
    "o": "о", "p": "р", "r": "г", "t": "т", "u": "и", "x": "х", "y": "у",
    "0": "о", "3": "з", "4": "ч", "6": "б", "@": "а", "$": "с", "€": "е",
})
# The reverse, for Latin words with Cyrillic look-alikes (``idiоt`` with a Cyrillic о).
_TO_LATIN = str.maketrans({
    "а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y", "к": "k",
    "м": "m", "т": "t", "в": "b", "н": "h",
})
_CYR = "а-яё"
_WORD = re.compile(rf"[{_CYR}a-z0-9@$€*]+", re.IGNORECASE)
_HAS_CYR = re.compile(rf"[{_CYR}]")
_HAS_LAT = re.compile(r"[a-z]")
_DISGUISE = re.compile(r"[0-9@$€]")
_RUNS = re.compile(r"(\w)\1{2,}")
_SPACED = re.compile(rf"(?<![\w*])(?:[{_CYR}a-z][ .\-_]){{3,}}[{_CYR}a-z](?![\w*])")


def fold(text: str) -> str:
    """Case, ё→е, Unicode compatibility forms and invisible characters: the cheap, safe part."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    return text.lower().replace("ё", "е")


def _fix_word(match: re.Match[str]) -> str:
    word = match.group(0)
    cyrillic = len(_HAS_CYR.findall(word))
    latin = len(_HAS_LAT.findall(word))
    if cyrillic and cyrillic >= latin:
        return word.translate(_TO_CYRILLIC) if latin or _DISGUISE.search(word) else word
    if latin and cyrillic:
        return word.translate(_TO_LATIN)
    return word


def _join_spaced(match: re.Match[str]) -> str:
    return re.sub(r"[ .\-_]", "", match.group(0))


def normalize(text: str) -> str:
    """The de-obfuscated form of a text, for lexicons, lemmas and fuzzy matching."""
    text = fold(text)
    text = _SPACED.sub(_join_spaced, text)
    text = _WORD.sub(_fix_word, text)
    return _RUNS.sub(r"\1", text)
