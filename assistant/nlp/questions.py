"""What kind of sentence a member wrote: a question, a request for help, or something else.

Greetings, thanks, reports ("я сегодня отвёз 5 наборов"), exclamations and rhetorical questions
are not questions, even when they share words with an FAQ entry. A question to the people of the
chat ("Маша, ты завтра придёшь?", "кто со мной в субботу?") is ``social``: a question, but not
one for the FAQ. A leading greeting or address ("привет, ребят, ...") does not hide a question
word behind it, and indirect questions ("не знаю, куда писать") count. The cue words are data
(``data/questions.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ruamel.yaml import YAML

from assistant.nlp.lemmas import russian_morphology
from assistant.nlp.normalize import fold
from assistant.nlp.sentences import split_sentences

CUES_FILE = Path(__file__).with_name("data") / "questions.yaml"
KINDS = ("question", "request", "social", "greeting", "thanks", "rhetorical", "statement")
# "Anna, are you coming?" — a capitalised word and a comma, then "you" somewhere after it.
_EN_VOCATIVE = re.compile(r"^[\W_]*(?:(?:hi|hey|hello)\W+)?([A-Z][a-z]+),\s.*\byou", re.IGNORECASE)


@dataclass(frozen=True)
class _Cues:
    starts: re.Pattern[str]
    asking: re.Pattern[str]
    clause: re.Pattern[str]  # ", а как ..." inside a sentence
    indirect: re.Pattern[str]  # "не знаю" ... a question word
    request: re.Pattern[str]
    rhetorical: re.Pattern[str]
    exclamation: re.Pattern[str]
    courtesy: re.Pattern[str]  # a sentence made of greetings and thanks only
    opening: re.Pattern[str]  # a leading greeting or address of the chat ("привет, ребят,")
    social: re.Pattern[str]
    social_who: re.Pattern[str]  # "кто" ... "завтра"
    person: re.Pattern[str]
    yes_no: re.Pattern[str]  # "а" ... "нужна"
    not_names: frozenset[str]
    names: bool  # vocatives and "у Маши" are recognised by pymorphy3 (Russian)


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) or r"(?!x)x"


@lru_cache(maxsize=8)
def _cues(lang: str) -> _Cues:
    data = YAML(typ="safe").load(CUES_FILE.read_text(encoding="utf-8"))
    russian = lang in ("ru", "uk", "be")
    table = data.get("ru" if russian else "en")

    def words(key: str) -> str:
        return rf"(?<![\w-])(?:{_alternation(table[key])})(?![\w-])"

    courtesy = _alternation(table["greetings"] + table["thanks"] + table["addresses"])
    opening = _alternation(table["greetings"] + table["addresses"])
    return _Cues(
        starts=re.compile(r"^[\W_]*" + words("question_starts")),
        asking=re.compile(words("asking")),
        clause=re.compile(r"[,;:—–-]\s*" + words("clause_starts")),
        indirect=re.compile(words("indirect") + r".*" + words("question_words")),
        request=re.compile(words("request")),
        rhetorical=re.compile(words("rhetorical")),
        exclamation=re.compile(r"^[\W_]*" + words("exclamation_starts")),
        courtesy=re.compile(rf"^[\W_\d]*(?:(?:{courtesy})(?![\w-])[\W_\d]*)+$"),
        opening=re.compile(rf"^[\W_\d]*(?:(?:{opening})(?![\w-])[\W_\d]*)+"),
        social=re.compile(words("social")),
        social_who=re.compile(r"^[\W_]*" + words("social_who") + r".*" + words("who_cues")),
        person=re.compile(words("person_pronouns")),
        yes_no=re.compile(r"^[\W_]*" + words("yes_no_starts") + r".*" + words("yes_no_cues")),
        not_names=frozenset(table["not_names"]),
        names=russian,
    )


@lru_cache(maxsize=20_000)
def _is_name(word: str, strict: bool) -> bool:
    """A first name or patronymic: among the likely parses (``strict``: the most likely one)."""
    parses = russian_morphology().parse(word)[: 1 if strict else 3]
    return any("Name" in p.tag or "Patr" in p.tag for p in parses)


def _addresses_a_person(sentence: str, body: str, cues: _Cues) -> bool:
    """Addressed to one person by name, or asks about someone ("Маша, ты ...", "у Насти")."""
    if not cues.names:
        vocative = _EN_VOCATIVE.match(sentence)
        return bool(vocative) and vocative.group(1).lower() not in cues.not_names
    vocative = re.match(r"^[\W_]*(\w+)\s*,", body)
    if vocative and _is_name(vocative.group(1), strict=False):
        return True
    return any(_is_name(m.group(1), strict=True) for m in re.finditer(r"(?<!\w)у (\w+)", body))


def _is_social(sentence: str, body: str, cues: _Cues) -> bool:
    """A question to the people of the chat rather than to the FAQ."""
    plans = cues.social_who.search(body) and not cues.asking.search(body)  # "кто знает" asks
    return bool(cues.social.search(body) or plans or cues.person.search(body)
                or _addresses_a_person(sentence, body, cues))


def sentence_kind(sentence: str, lang: str) -> str:
    """One of KINDS for one sentence."""
    text = fold(sentence).strip()
    cues = _cues(lang)
    if not text:
        return "statement"
    if cues.courtesy.match(text):
        return "thanks" if any(w in text for w in ("спас", "благод", "thank", "thx", "cheers")) \
            else "greeting"
    body = cues.opening.sub("", text) or text  # "привет, ребят, а где ..." -> "а где ..."
    if cues.rhetorical.search(body):
        return "rhetorical"
    if "!" in text and "?" not in text and cues.exclamation.search(body):
        return "rhetorical"
    asks = "?" in text or any(cue.search(body) for cue in (cues.starts, cues.asking, cues.clause,
                                                          cues.indirect, cues.yes_no))
    requests = not asks and bool(cues.request.search(body))
    if (asks or requests) and _is_social(sentence, body, cues):
        return "social"
    return "question" if asks else "request" if requests else "statement"


def looks_like_question(sentence: str, lang: str) -> bool:
    """A real question, to the FAQ or to people (not a greeting, thanks, report, exclamation
    or rhetorical question)."""
    return sentence_kind(sentence, lang) in ("question", "social")


def question_part(text: str, lang: str) -> str:
    """The question sentences of a message (the whole text when none is found)."""
    parts = [p for p in split_sentences(text) if sentence_kind(p, lang) == "question"]
    return " ".join(parts) if parts else text
