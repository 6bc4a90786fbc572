"""Tokens and lemmas: spaCy blank tokenizers, pymorphy3 for Russian, lookup tables for English.

pymorphy3 is the slow step, so every word's analysis is cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language

_WORDLIKE = re.compile(r"[\w*]", re.UNICODE)
_CYRILLIC = re.compile("[а-я]")


@dataclass(frozen=True, slots=True)
class Token:
    """One word (or punctuation mark) of a normalised text."""

    text: str  # the normalised surface form
    lemma: str
    pos: str  # pymorphy3 / UD-ish part of speech; "" when unknown
    grammemes: frozenset[str]  # pymorphy3 grammemes (ru), e.g. {"2per", "sing", "impr"}
    is_word: bool


@lru_cache(maxsize=1)
def russian_morphology() -> Any:
    """The one pymorphy3 analyser of the process (its dictionaries take ~0.5 s and ~15 MB)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


class Lemmatizer:
    """Tokenises and lemmatises normalised text; one instance serves every language it knows."""

    def __init__(self, cache_size: int = 200_000) -> None:
        self._nlp: dict[str, Language] = {}
        self._morph: Any = None
        self._en_lookup: Any = None
        self._ru_word = lru_cache(maxsize=cache_size)(self._analyse_ru_word)
        self._en_word = lru_cache(maxsize=cache_size)(self._analyse_en_word)

    def _pipeline(self, lang: str) -> Language:
        key = lang if lang in ("ru", "en", "uk") else "en"
        if key not in self._nlp:
            self._nlp[key] = spacy.blank(key)
        return self._nlp[key]

    def _pymorphy(self) -> Any:
        if self._morph is None:
            self._morph = russian_morphology()
        return self._morph

    def _english_lookup(self) -> Any:
        if self._en_lookup is None:
            from spacy.lookups import load_lookups

            self._en_lookup = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
        return self._en_lookup

    def _analyse_ru_word(self, word: str) -> tuple[str, str, frozenset[str]]:
        if "*" in word or not word.isalpha():
            return word, "", frozenset()
        parse = self._pymorphy().parse(word)[0]
        lemma = parse.normal_form.replace("ё", "е")
        return lemma, str(parse.tag.POS or ""), frozenset(parse.tag.grammemes)

    def _analyse_en_word(self, word: str) -> tuple[str, str, frozenset[str]]:
        if not word.isalpha():
            return word, "", frozenset()
        table = self._english_lookup()
        return table.get(word, word), "", frozenset()

    def _analyse(self, word: str) -> tuple[str, str, frozenset[str]]:
        """A word is analysed by its script: Cyrillic by pymorphy3, Latin by the English table."""
        if _CYRILLIC.search(word):
            return self._ru_word(word)
        return self._en_word(word)

    def tokenize(self, text: str, lang: str) -> list[Token]:
        """Tokens of an already normalised text, with lemmas and grammemes."""
        tokens = []
        for tok in self._pipeline(lang).make_doc(text):
            surface = tok.text
            if tok.is_space:
                continue
            if _WORDLIKE.search(surface) and not tok.like_url and not tok.is_punct:
                lemma, pos, grams = self._analyse(surface)
                tokens.append(Token(surface, lemma, pos, grams, True))
            else:
                kind = "PUNCT" if tok.is_punct else ("URL" if tok.like_url else "")
                tokens.append(Token(surface, surface, kind, frozenset(), False))
        return tokens

    def lemma(self, word: str) -> str:
        """The lemma of a single normalised word."""
        return self._analyse(word)[0]

    def cache_info(self) -> dict[str, Any]:
        return {"ru": self._ru_word.cache_info()._asdict(), "en": self._en_word.cache_info()._asdict()}
