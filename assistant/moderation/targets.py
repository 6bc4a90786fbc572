"""Whom the words of a message are aimed at, when it is not the reader: the author themself
(self-deprecation), a group of outsiders («вот мрази, у стариков воровать»), nobody (an obscene
exclamation: «бля, опять фура опоздала») or one person spoken of in the third person («Игорь у
нас гений организации»)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from assistant.moderation.conditions import (
    ARTICLES,
    SECOND_PERSON_EN,
    SECOND_PERSON_RU,
    addressed_in_words,
    can_be_verb,
    words_addressing,
)
from assistant.moderation.lexicons import LexiconHit
from assistant.moderation.state import EvalState, Evidence
from assistant.nlp.lemmas import Token, russian_morphology

_FIRST_PERSON = {"я", "меня", "мне", "мной", "i", "i'm", "im", "me", "myself", "my"}
# lexicons whose words name no target («извини», «блин»): an apology beside «я идиот» in a reply
# does not need a first-person word of its own
_AIMED_AT_NOBODY = {"apologies", "venting", "spam"}
# words that point at a group of third parties next to an insult: «эти жулики», "those pricks"
_THIRD_PARTY = {
    "эти", "этих", "этим", "этими", "такие", "таких", "такими", "они", "их", "всякие", "всяких",
    "those", "these", "they", "them",
}


@dataclass
class SelfDirected:
    """The author speaks of themself (first person) and to nobody else: self-deprecation.
    With lexicon hits, a first-person word must be near one («я такой дурак», «дура я»), so
    «они выродки, а я мысли излагаю» is not self-deprecation; in a reply, near every one («у меня
    руки не оттуда растут, опять всё уронила»). Without hits, a reply is never self-deprecation."""

    def test(self, state: EvalState) -> Evidence | None:
        words = {t.text for t in state.analysis.words}
        second = SECOND_PERSON_EN | SECOND_PERSON_RU
        if not words & _FIRST_PERSON or words & second:
            return None
        reply = bool(state.message.reply_to)
        # «Зови, мне пох*й, идиотка» speaks to someone; «извини, я дура» only apologises
        apology = _words_in(state, [h for h in state.hits if h.lexicon == "apologies"])
        if reply and words_addressing(state, apology):
            return None
        hits = [h for h in state.hits if h.lexicon not in _AIMED_AT_NOBODY]
        if not hits:
            return None if reply else Evidence("the author speaks of themself")
        sentences = _sentence_numbers(state)
        near = [_first_person_near(state.words, sentences, hit.start, hit.end) for hit in hits]
        if not (all(near) if reply else any(near)):
            return None
        return Evidence("the author speaks of themself")


def _words_in(state: EvalState, hits: list[LexiconHit]) -> frozenset[str]:
    """The words of these hits: an apology or an exclamation addresses nobody («извини», «твою мать»)."""
    return frozenset(state.words[i].text for hit in hits for i in range(hit.start, hit.end))


def _first_person_near(words: list[Token], sentences: list[int], start: int, end: int) -> bool:
    """A first-person word up to 4 words before a hit or right after it, in the hit's sentence
    («я такого не говорила. не надо тут истерить» is no self-deprecation)."""
    near = [i for i in range(max(0, start - 4), min(len(words), end + 1)) if not start <= i < end]
    return any(words[i].text in _FIRST_PERSON and sentences[i] == sentences[start] for i in near)


_SENTENCE_END = {".", "!", "?", "…", "!?", "?!", "..."}


def _sentence_numbers(state: EvalState) -> list[int]:
    """The number of the sentence each of the message's words is in (computed once a message)."""
    return list(state.memo("sentence-numbers", lambda: _count_sentences(state)))


def _count_sentences(state: EvalState) -> list[int]:
    numbers, sentence, seen = {}, 0, 0
    for token in state.analysis.tokens:
        if token.text in _SENTENCE_END or (not token.is_word and token.text[:1] in ".!?…"):
            sentence += 1
        numbers[id(token)] = sentence
    result = []
    for word in state.words:  # words split off a glued token keep the previous word's sentence
        seen = numbers.get(id(word), seen)
        result.append(seen)
    return result


@dataclass
class AboutOthers:
    """Every hit of the named lexicons names a group of third parties (a plural, or «эти»,
    "those", "they" near it) and no word of the message addresses a person (no "you",
    imperative, mention or name): the author is angry at outsiders, even in a reply."""

    names: set[str]

    def test(self, state: EvalState) -> Evidence | None:
        hits = [h for h in state.hits if h.lexicon in self.names]
        if not hits:
            return None
        lang = state.analysis.lang
        if addressed_in_words(state) and not _plural_beside_one_addressee(state, hits):
            return None
        sentences = _sentence_numbers(state)
        if not all(_names_a_group(state.words, hit, lang) or _said_of_someone(state.words, sentences, hit)
                   for hit in hits):
            return None
        return Evidence(f"«{hits[0].span}» is about others, not a member")


# words that make the readers more than one person: «вы» and «ваш», and «твой» (твои дружки)
_PLURAL_YOU = {"вы", "ваш", "вас", "вам", "вами", "твой"}
# the classifier of attacks on the reader (rules/models/attack.json) and the score below which
# a message does not read as one
_ATTACK_MODEL, _CALM = "attack", 0.5


def _plural_beside_one_addressee(state: EvalState, hits: list[LexiconHit]) -> bool:
    """Russian: every hit is a plural, the message speaks to one person only and the attack
    classifier does not read it as an attack on them («учти, эти грёбаные уроды из банка
    блокируют переводы»): the insult is not aimed at the reader. Not so with «вы», a plural verb
    or imperative, or «твои» (the reader's crowd), nor when the message reads as an attack
    («работай дальше на этих жуликов, овца»). Without an attack model, never."""
    if state.analysis.lang != "ru" or _ATTACK_MODEL not in state.classifiers:
        return False
    if state.classifier_score(_ATTACK_MODEL) >= _CALM:
        return False
    for token in state.analysis.words:
        if token.text in _PLURAL_YOU or token.lemma in _PLURAL_YOU:
            return False
        if {"2per", "plur"} <= token.grammemes or {"impr", "plur"} <= token.grammemes:
            return False
    return all(_plural(t, "ru") for hit in hits for t in state.words[hit.start:hit.end])


@dataclass
class Venting:
    """Every hit of the named lexicons is an exclamation (inside a hit of the ``venting`` lexicon:
    «бля, опять фура опоздала», "fucking hell") or has a group word near it ("what kind of piece
    of shit does that, hope they rot"), and no word of the message addresses a person: frustration
    or anger at outsiders, even in a reply, not an attack on the member."""

    names: set[str]
    exclamations: ClassVar[str] = "venting"  # the lexicon of exclamations

    def test(self, state: EvalState) -> Evidence | None:
        hits = [h for h in state.hits if h.lexicon in self.names]
        outbursts = [h for h in state.hits if h.lexicon == self.exclamations]
        if not hits or words_addressing(state, _words_in(state, outbursts)):  # «ёб твою мать»
            return None
        for hit in hits:
            inside = any(o.start <= hit.start and hit.end <= o.end for o in outbursts)
            if not inside and not _group_word_near(state.words, hit) and not _next_to_a_group(
                    state.words, hit, state.analysis.lang):
                return None
        return Evidence(f"«{hits[0].span}» vents at nobody in particular", span=hits[0].span)


_NEGATIONS = {"не", "not", "never", "isn't", "aren't", "ain't", "wasn't", "weren't"}
# what may stand between a denial and the insult it denies: "not a total idiot"
_BETWEEN_DENIAL = ARTICLES | {"such", "some", "total", "complete"}


@dataclass
class Negated:
    """Every hit of the named lexicons is denied: «не» or "not" right before it (past an article)
    and no «ли» after it («не дура, а уставшая», «они не алкаши», "you're not an idiot"; but «ну
    не дурак ли?» is an insult). A denied insult defends someone; it does not attack them."""

    names: set[str]

    def test(self, state: EvalState) -> Evidence | None:
        hits = [h for h in state.hits if h.lexicon in self.names]
        if not hits or not all(_denied(state.words, hit) for hit in hits):
            return None
        return Evidence(f"«{hits[0].span}» is denied, not said of anyone")


def _denied(words: list[Token], hit: LexiconHit) -> bool:
    before = hit.start - 1
    while before >= 0 and words[before].text in _BETWEEN_DENIAL:
        before -= 1
    if before < 0 or words[before].text not in _NEGATIONS:
        return False
    return not any(t.text == "ли" for t in words[hit.end:hit.end + 2])


_NOT_COMMON_NOUN = {"Name", "Surn", "Patr", "Abbr"}


def _said_of_someone(words: list[Token], sentences: list[int], hit: LexiconHit) -> bool:
    """Russian: a person named by a common noun (not a name) is the subject the hit is said of,
    up to 4 words before it in its sentence («мужик, конечно, урод конченый», «этот арендодатель
    — чмо»): a third party, not the reader."""
    for i in range(hit.start - 1, max(-1, hit.start - 5), -1):
        if sentences[i] != sentences[hit.start]:
            return False
        grammemes = words[i].grammemes
        if {"NOUN", "anim", "nomn"} <= grammemes and not grammemes & _NOT_COMMON_NOUN:
            return True
    return False


def _group_word_near(words: list[Token], hit: LexiconHit) -> bool:
    """«эти», «они», "they"… up to two words before the hit or four after it."""
    near = words[max(0, hit.start - 2):hit.start] + words[hit.end:hit.end + 4]
    return any(t.text in _THIRD_PARTY for t in near)


def _next_to_a_group(words: list[Token], hit: LexiconHit, lang: str) -> bool:
    """The hit qualifies the plural noun right after or before it: «ебучие бюрократы», «сборище
    дармоедов е**чих», "sh*tty landlords"."""
    after, before = words[hit.end:hit.end + 1], words[max(0, hit.start - 1):hit.start]
    if lang == "ru":
        return any("NOUN" in noun.grammemes and _plural(noun, lang) for noun in after + before)
    # English adjectives come first: only the word after
    return any(noun.text == noun.lemma + "s" and len(noun.lemma) > 2 for noun in after)


def _names_a_group(words: list[Token], hit: LexiconHit, lang: str) -> bool:
    """Every word of the hit is a plural («тупые уроды», not «руки из одного места растут»), or a
    group word stands up to two words before it or four after it («такие уроды…», "what a
    scumbag, hope they rot")."""
    return _group_word_near(words, hit) or all(_plural(t, lang) for t in words[hit.start:hit.end])


def _plural(token: Token, lang: str) -> bool:
    if "plur" in token.grammemes or (lang == "ru" and _can_be_plural(token.text)):
        return True
    # English lemmas come from lookups without grammemes: a plural is a word whose lemma
    # drops its final s ("pricks" -> "prick")
    return lang == "en" and token.text.endswith("s") and token.lemma != token.text


@lru_cache(maxsize=4096)
def _can_be_plural(word: str) -> bool:
    """Some reading of the word is a nominative plural («мрази»: genitive singular first). An
    indeclinable reading does not count: «хамло» is no plural."""
    return any({"plur", "nomn"} <= parse.tag.grammemes and "Fixd" not in parse.tag.grammemes
               for parse in russian_morphology().parse(word))


@dataclass
class AboutMember:
    """A hit of the named lexicons is about one person spoken of in the third person, by first
    name («Лена опять всё перепутала, вот дура»; «Игорь у нас гений организации»): a member
    talked about rather than to. A hit that names a group does not count. Russian only: names
    are told by their dictionary reading."""

    names: set[str]

    def test(self, state: EvalState) -> Evidence | None:
        lang = state.analysis.lang
        named = [h for h in state.hits if h.lexicon in self.names]
        veiled = next((h for h in named if _veiled_word(state.words, h)), None)
        if veiled is not None:
            return Evidence(f"«{veiled.span}» is said of «{_veiled_word(state.words, veiled)}» "
                            "(a member not named)", span=veiled.span)
        hits = [h for h in named if not _names_a_group(state.words, h, lang)]
        name = _first_name(state) if hits else ""
        if not name:
            return None
        return Evidence(f"«{hits[0].span}» is about {name}", span=hits[0].span)


# words that point at a member without naming them: «как некоторые истерички», «кое-кто у нас
# бездарь», "unlike some people, who are idiots"
_VEILED = {"некоторые", "некоторых", "некоторым", "некоторыми", "кое-кто", "кое-кого", "кое-кому",
           "кое-кем", "отдельные", "отдельных", "certain", "some"}
_VEILED_PAIRS = {("some", "people"), ("some", "folks"), ("certain", "people"), ("certain", "someone")}
VEILED_WINDOW = 3  # words before the insult
# what may stand between the pointer and the insult: «некоторые тут», "some people here"; a noun
# there names who is meant («некоторые политики — идиоты»): not a member
_VEILED_BETWEEN = {"тут", "здесь", "у", "нас", "из", "вас", "в", "чате", "такие", "особо",
                   "people", "folks", "here", "around", "of", "you", "who", "are", "such"}


def _veiled_word(words: list[Token], hit: LexiconHit) -> str:
    """The veiled pointer at a member up to three words before the hit, or ""."""
    for i in range(hit.start - 1, max(-1, hit.start - 1 - VEILED_WINDOW), -1):
        word = words[i].text
        if word in {"кто", "кого", "кому", "кем"} and i and words[i - 1].text == "кое":
            word = f"кое-{word}"  # the tokenizer splits «кое-кто»
        if word in _VEILED and (word not in {"certain", "some"}
                                or (word, words[i + 1].text) in _VEILED_PAIRS):
            between = words[i + 1:hit.start]
            return word if all(t.text in _VEILED_BETWEEN for t in between) else ""
    return ""


def _first_name(state: EvalState) -> str:
    """A first name written with a capital letter in the message (a Russian name by its
    dictionary reading; not a word that can also be a verb), or ""."""
    if state.analysis.lang != "ru":
        return ""
    for token in state.analysis.words:
        if "Name" in token.grammemes and not can_be_verb(token.text) and _capitalised(state, token.text):
            return token.text.capitalize()
    return ""


def _capitalised(state: EvalState, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word.capitalize())}(?!\w)", state.message.text) is not None
