"""What kind of sentence a member wrote: a question, a request for help, or something else.

Greetings, thanks, reports ("я сегодня отвёз 5 наборов"), exclamations and rhetorical questions
are not questions, even when they share words with an FAQ entry. The cue words are data
(``data/questions.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ruamel.yaml import YAML

from assistant.nlp.normalize import fold
from assistant.nlp.sentences import split_sentences

CUES_FILE = Path(__file__).with_name("data") / "questions.yaml"
KINDS = ("question", "request", "greeting", "thanks", "rhetorical", "statement")


@dataclass(frozen=True)
class _Cues:
    starts: re.Pattern[str]
    asking: re.Pattern[str]
    request: re.Pattern[str]
    rhetorical: re.Pattern[str]
    exclamation: re.Pattern[str]
    courtesy: re.Pattern[str]  # a sentence made of greetings and thanks only


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=8)
def _cues(lang: str) -> _Cues:
    data = YAML(typ="safe").load(CUES_FILE.read_text(encoding="utf-8"))
    table = data.get("ru" if lang in ("ru", "uk", "be") else "en")
    words = r"(?<![\w-])(?:{})(?![\w-])"
    courtesy = _alternation(table["greetings"] + table["thanks"])
    return _Cues(
        starts=re.compile(r"^[\W_]*" + words.format(_alternation(table["question_starts"]))),
        asking=re.compile(words.format(_alternation(table["asking"]))),
        request=re.compile(words.format(_alternation(table["request"]))),
        rhetorical=re.compile(words.format(_alternation(table["rhetorical"]))),
        exclamation=re.compile(r"^[\W_]*" + words.format(_alternation(table["exclamation_starts"]))),
        courtesy=re.compile(rf"^[\W_\d]*(?:(?:{courtesy})(?![\w-])[\W_\d]*)+$"),
    )


def sentence_kind(sentence: str, lang: str) -> str:
    """One of KINDS for one sentence."""
    text = fold(sentence).strip()
    cues = _cues(lang)
    if not text:
        return "statement"
    if cues.courtesy.match(text):
        return "thanks" if any(w in text for w in ("спас", "благод", "thank", "thx", "cheers")) \
            else "greeting"
    if cues.rhetorical.search(text):
        return "rhetorical"
    if "!" in text and "?" not in text and cues.exclamation.search(text):
        return "rhetorical"
    if "?" in text or cues.starts.search(text) or cues.asking.search(text):
        return "question"
    if cues.request.search(text):
        return "request"
    return "statement"


def looks_like_question(sentence: str, lang: str) -> bool:
    """A real question (not a greeting, thanks, report, exclamation or rhetorical question)."""
    return sentence_kind(sentence, lang) == "question"


def question_part(text: str, lang: str) -> str:
    """The question sentences of a message (the whole text when none is found)."""
    parts = [p for p in split_sentences(text) if looks_like_question(p, lang)]
    return " ".join(parts) if parts else text
