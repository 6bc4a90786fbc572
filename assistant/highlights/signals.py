"""Interpretable signals of an answer: fit to the question, specificity, length, negatives."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.highlights.lexicon import Lexicon
from assistant.nlp.lemmas import Token
from assistant.nlp.normalize import fold

_URL = re.compile(r"https?://\S+|www\.\S+|\b[\w-]+\.(?:ru|com|org|net|рф|io|me|su)\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b(?:с|до|в|at|from|until|after|before)\s+\d{1,2}\b|"
                   r"\b\d{1,2}\s?(?:am|pm)\b")
_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b|\b\d{1,2}\s+(?:янв|фев|мар|апр|мая|июн|июл|"
                   r"авг|сен|окт|ноя|дек|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*")
_NUMBER = re.compile(r"\b\d+\b")
_CONTACT = re.compile(r"@\w{3,}|\+?\d[\d\s()-]{8,}\d|[\w.]+@[\w.]+\.\w+")
_LIST = re.compile(r"(?m)^\s*(?:\d+[.)]|[-•*])\s+")
_NAME = re.compile(r"(?<=[\w,] )[A-ZА-ЯЁ][a-zа-яё]{2,}|«[^»]{1,40}»|\"[^\"]{1,40}\"|`[^`]{1,60}`")
_TYPE_CUES = {"place": ("places", _URL), "time": (None, _TIME), "number": (None, _NUMBER),
              "howto": ("steps", None)}


@dataclass
class Signals:
    """What the score is made of; every part in [0, 1]."""

    fit: float = 0.0
    specificity: float = 0.0
    length: float = 0.0
    penalty: float = 1.0
    cues: list[str] = field(default_factory=list)
    negatives: list[str] = field(default_factory=list)
    answer_type: bool = False


def specificity(text: str, tokens: Sequence[Token], lexicon: Lexicon) -> tuple[float, list[str]]:
    """Steps, places, times, numbers, links, names: each kind found counts once."""
    folded = fold(text)
    lemmas = " ".join(t.lemma for t in tokens if t.is_word)
    checks = [("link", bool(_URL.search(folded))),
              ("time", bool(_TIME.search(folded) or lexicon.durations.search(lemmas))),
              ("date", bool(_DATE.search(folded))), ("contact", bool(_CONTACT.search(text))),
              ("place", bool(lexicon.places.search(folded) or lexicon.places.search(lemmas))),
              ("steps", bool(lexicon.steps.search(folded) or len(_LIST.findall(text)) >= 2)),
              ("name", bool(_NAME.search(text))),
              ("instruction", _instructs(tokens, folded, lexicon))]
    cues = [name for name, found in checks if found]
    counted = _NUMBER.search(folded) or lexicon.numbers.search(lemmas)
    if counted and not {"time", "date"} & set(cues):
        cues.append("number")
    return min(1.0, len(cues) / 3), cues


def _instructs(tokens: Sequence[Token], folded: str, lexicon: Lexicon) -> bool:
    if any("impr" in t.grammemes or {"2per", "VERB"} <= t.grammemes for t in tokens if t.is_word):
        return True
    starts = re.findall(r"(?:^|[.!;\n]\s*)([a-z]+)", folded)
    return any(word in lexicon.en_imperatives for word in starts)


def length_band(words: int) -> float:
    """Too short to help, sensible, or a wall of text."""
    if words < 3:
        return 0.1
    if words < 6:
        return 0.55
    if words <= 90:
        return 1.0
    return 0.8 if words <= 220 else 0.5


def negatives(text: str, lexicon: Lexicon, specific: float) -> tuple[float, list[str]]:
    """The product of the factors of every negative group that matched, and their names."""
    folded = fold(text)
    factor, names = 1.0, []
    for group in lexicon.negatives:
        if group.pattern.search(folded):
            names.append(group.name)
            factor *= group.hedged_factor if specific >= 0.66 else group.factor
    return factor, names


def stems(text: str) -> set[str]:
    """Crude stems of the longer words: enough to see shared content words across inflections."""
    return {w[:5] for w in re.findall(r"\w{4,}", fold(text)) if not w.isdigit()}


def question_types(question: str, lexicon: Lexicon) -> list[str]:
    folded = fold(question)
    return [name for name, pattern in lexicon.question_types.items() if pattern.search(folded)]


def answers_type(types: list[str], cues: list[str]) -> bool:
    """Does the answer supply what the question asks for (a place for 'where', …)?"""
    wanted = {"place": {"place", "link", "contact", "name"}, "time": {"time", "date"},
              "number": {"number", "time", "date"}, "howto": {"steps", "instruction", "link"}}
    return any(wanted.get(t, set()) & set(cues) for t in types)


def fit(question_vec: np.ndarray | None, answer_vec: np.ndarray, overlap: int,
        type_match: bool) -> float:
    """Meaning (embedding cosine), shared content words and the answer type, in [0, 1]."""
    cosine = float(question_vec @ answer_vec) if question_vec is not None else 0.0
    meaning = float(np.clip(cosine / 0.35, 0, 1))
    return round(0.5 * meaning + 0.2 * min(1.0, overlap / 2) + 0.3 * type_match, 4)
