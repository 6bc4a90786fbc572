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
# Digits and ``$`` that stand in for Latin letters between two letters of a Latin word.
LEET_LETTERS = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s"}
_LEET = str.maketrans(LEET_LETTERS)
_CYR = "а-яё"
_WORD = re.compile(rf"[{_CYR}a-z0-9@$€*]+", re.IGNORECASE)
_HAS_CYR = re.compile(rf"[{_CYR}]")
_HAS_LAT = re.compile(r"[a-z]")
_DISGUISE = re.compile(r"[0-9@$€]")
# A Latin word, not part of an address, a tag, a mention or a number with a unit (``10am``).
_LATIN_RUN = re.compile(r"(?<![\w@$€*.#/:&=+])[a-z][a-z0-9$*]*(?![\w@$€*]|[.:/]\w)")
_LEET_INSIDE = re.compile(r"[a-z*][013457$]+[a-z*]")
_NOT_LEET = re.compile(r"[2689]|\d{3}|\ds$")  # other digits, long numbers, plurals (mp3s)
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


def _fix_latin(match: re.Match[str]) -> str:
    """``sh1t`` → ``shit``; model names and versions (``mp3``, ``mp3s``, ``b2b``, ``win10``) stay."""
    word = match.group(0)
    letters = sum(c.isalpha() for c in word)
    disguises = len(word) - letters - word.count("*")
    if (letters < 3 or disguises >= letters or not _LEET_INSIDE.search(word)
            or _NOT_LEET.search(word)):
        return word
    return word.translate(_LEET)


def _join_spaced(match: re.Match[str]) -> str:
    return re.sub(r"[ .\-_]", "", match.group(0))


def normalize(text: str) -> str:
    """The de-obfuscated form of a text, for lexicons, lemmas and fuzzy matching."""
    text = fold(text)
    text = _SPACED.sub(_join_spaced, text)
    text = _LATIN_RUN.sub(_fix_latin, text)
    text = _WORD.sub(_fix_word, text)
    return _RUNS.sub(r"\1", text)
