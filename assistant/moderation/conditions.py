"""The conditions a rule can test: each is compiled once at load and tested per message (no I/O)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np
import re2
from rapidfuzz import fuzz, process

from assistant.moderation.heat import thread_heat
from assistant.moderation.state import EvalState, Evidence
from assistant.nlp.lemmas import Token, russian_morphology

URL = re.compile(r"https?://\S+|www\.\S+|\bt\.me/\S+|\b[\w-]+\.(?:ru|com|org|net|io|me|рф)/\S*")
MENTION = re.compile(r"(?<![\w@])@\w+|\[(?:id|club)\d+\|[^\]]*\]")  # not the @ inside «к@зёл»
QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”|„[^“”]*[“”]|(?<!\w)'[^']{2,}'(?!\w)|^>.*$", re.MULTILINE)
SECOND_PERSON_RU = {"ты", "вы", "твой", "ваш", "тебя", "тебе", "тобой", "вас", "вам", "вами"}
_LETS = {"давай", "давайте"}  # «давайте соберёмся»: an invitation, not an order to someone
SECOND_PERSON_EN = {"you", "your", "yours", "yourself", "u", "ur", "you're", "youre", "ya"}


class Condition(Protocol):
    def test(self, state: EvalState) -> Evidence | None: ...


@dataclass
class AllOf:
    parts: list[Condition]

    def test(self, state: EvalState) -> Evidence | None:
        found = []
        for part in self.parts:
            evidence = part.test(state)
            if evidence is None:
                return None
            found.append(evidence)
        return merge(found)


@dataclass
class AnyOf:
    parts: list[Condition]

    def test(self, state: EvalState) -> Evidence | None:
        for part in self.parts:
            evidence = part.test(state)
            if evidence is not None:
                return evidence
        return None


@dataclass
class Not:
    part: Condition

    def test(self, state: EvalState) -> Evidence | None:
        return None if self.part.test(state) is not None else Evidence("")


def merge(found: list[Evidence]) -> Evidence:
    """The evidence of several conditions: the first span, the first score, every detail."""
    span = next((e.span for e in found if e.span), None)
    scored = next((e for e in found if e.score is not None), None)
    return Evidence("; ".join(e.detail for e in found if e.detail), span,
                    scored.score if scored else None, scored.threshold if scored else None)


@dataclass
class LexiconCondition:
    names: set[str]

    def test(self, state: EvalState) -> Evidence | None:
        hits = [h for h in state.hits if h.lexicon in self.names]
        if not hits:
            return None
        return Evidence(f"lexicon {hits[0].lexicon}: «{hits[0].span}»", hits[0].span)


@dataclass
class RegexCondition:
    pattern: re2._Regexp  # type: ignore[name-defined]
    source: str
    on: str  # normalized | text

    def test(self, state: EvalState) -> Evidence | None:
        text = state.analysis.normalized if self.on == "normalized" else state.message.text
        match = self.pattern.search(text)
        if match is None:
            return None
        return Evidence(f"regex /{self.source}/: «{match.group(0)}»", match.group(0))


@dataclass
class SimilarTo:
    vectors: np.ndarray
    phrases: list[str]
    threshold: float

    def test(self, state: EvalState) -> Evidence | None:
        rows = [state.analysis.embedding] + [s.embedding for s in state.analysis.segments]
        sims = np.stack(rows) @ self.vectors.T
        best = float(sims.max())
        if best < self.threshold:
            return None
        phrase = self.phrases[int(sims.max(axis=0).argmax())]
        return Evidence(f"similar to «{phrase}» ({best:.2f} ≥ {self.threshold})", None,
                        round(best, 4), self.threshold)


@dataclass
class Fuzzy:
    words: list[str]
    threshold: float

    def test(self, state: EvalState) -> Evidence | None:
        for token in state.analysis.words:
            if len(token.text) < 4:
                continue
            found = process.extractOne(token.text, self.words, scorer=fuzz.ratio,
                                       score_cutoff=self.threshold)
            if found:
                return Evidence(f"fuzzy «{token.text}» ≈ «{found[0]}» ({found[1]:.0f})", token.text,
                                round(found[1] / 100, 4), self.threshold / 100)
        return None


@dataclass
class AddressedToPerson:
    """A reply to another member, a mention, a second-person word or a vocative name."""

    expected: bool = True

    def test(self, state: EvalState) -> Evidence | None:
        how = state.memo("addressed", lambda: addressed(state))
        return Evidence(f"addressed to a person ({how})") if bool(how) == self.expected else (
            Evidence("not addressed to a person") if not self.expected and not how else None)


def addressed(state: EvalState) -> str:
    """How the message is aimed at another member ("" when it is not): a reply, or its words."""
    message = state.message
    if message.reply_to:
        target = state.context.get(message.reply_to)
        if target is None or target.author != message.author:
            return "a reply"
    return addressed_in_words(state)


def addressed_in_words(state: EvalState) -> str:
    """A mention, a second-person word, an imperative or a vocative name ("" when none)."""
    return str(state.memo("addressed-in-words", lambda: words_addressing(state)))


def words_addressing(state: EvalState, skip: frozenset[str] = frozenset()) -> str:
    """The first word that addresses someone; words in ``skip`` do not count («извини»)."""
    if MENTION.search(state.message.text):
        return "a mention"
    # Russian in Latin letters is read in its Cyrillic copy: «ty» is «ты»
    analysis = state.cyrillic_analysis or state.analysis
    second = SECOND_PERSON_EN if analysis.lang == "en" else SECOND_PERSON_RU
    for token in analysis.words:
        if token.text in skip:
            continue
        if token.text in second or token.lemma in second or "2per" in token.grammemes:
            return f"second person «{token.text}»"
        if "impr" in token.grammemes and "incl" not in token.grammemes and token.text not in _LETS:
            return f"imperative «{token.text}»"
        if ("Name" in token.grammemes and "voct" not in token.grammemes and "nomn" in token.grammemes
                and not can_be_verb(token.text)):
            index = analysis.tokens.index(token)
            follow = analysis.tokens[index + 1: index + 2]
            if follow and follow[0].text == ",":
                return f"vocative «{token.text}»"
    return ""


_VERB_POS = {"VERB", "INFN", "PRTF", "PRTS", "GRND"}


@lru_cache(maxsize=4096)
def can_be_verb(word: str) -> bool:
    """Some reading of the word is a verb form («засрали» is also a rare name in the dictionary)."""
    return any(parse.tag.POS in _VERB_POS for parse in russian_morphology().parse(word))


# verbs of calling someone a name: the insult next to them is mentioned, not used
# («ты меня вруном назвать хочешь?», «он обозвал её дурой», "he called me an idiot")
_NAMING = {"назвать", "называть", "обозвать", "обзывать", "call", "called", "calling"}
ARTICLES = {"a", "an", "the"}


@dataclass
class Quoted:
    """Every lexicon hit of the message is quoted or mentioned, not used: inside quotes (the rules
    being quoted or discussed) or the name someone was called («он обозвал меня дурой»)."""

    def test(self, state: EvalState) -> Evidence | None:
        if not state.hits:
            return None
        regions = " ".join(m.group(0) for m in QUOTED.finditer(state.analysis.normalized))
        if all((regions and h.span in regions) or _named(state.words, h.start, h.end) for h in state.hits):
            return Evidence("the words are quoted or mentioned")
        return None


def _named(words: list[Token], start: int, end: int) -> bool:
    """A verb of calling names stands up to two words before the hit (articles skipped: "called
    me an idiot") or right after it («вруном назвать»); a Russian name is in the instrumental
    («назвал дурой»), so «ещё раз так меня назовёшь — я тебя найду» stays a threat."""
    hit = words[start:end]
    if any(t.grammemes for t in hit) and not any("ablt" in t.grammemes for t in hit):
        return False
    before = [t for t in words[max(0, start - 4):start] if t.text not in ARTICLES][-2:]
    return any(t.lemma in _NAMING or t.text in _NAMING for t in before + words[end:end + 1])


@dataclass
class CapsRatio:
    minimum: float
    min_letters: int

    def test(self, state: EvalState) -> Evidence | None:
        letters = [c for c in URL.sub("", state.message.text) if c.isalpha()]
        if len(letters) < self.min_letters:
            return None
        ratio = sum(c.isupper() for c in letters) / len(letters)
        if ratio < self.minimum:
            return None
        return Evidence(f"capitals {ratio:.0%}", None, round(ratio, 4), self.minimum)


@dataclass
class Links:
    minimum: int

    def test(self, state: EvalState) -> Evidence | None:
        links = URL.findall(state.message.text)
        if len(links) < self.minimum:
            return None
        return Evidence(f"{len(links)} link(s)", links[0])


@dataclass
class RepeatedText:
    """The author sent the same text (or nearly) ``count`` times within ``minutes``."""

    count: int
    minutes: float

    def test(self, state: EvalState) -> Evidence | None:
        same = [m for m in _window(state, self.minutes) if m.author == state.message.author
                and _same_text(m.text, state.message.text)]
        if len(same) + 1 < self.count:
            return None
        return Evidence(f"sent {len(same) + 1} times in {self.minutes:g} min",
                        state.message.text[:80])


@dataclass
class Flood:
    count: int
    seconds: float

    def test(self, state: EvalState) -> Evidence | None:
        own = [m for m in _window(state, self.seconds / 60) if m.author == state.message.author]
        if len(own) + 1 < self.count:
            return None
        return Evidence(f"{len(own) + 1} messages in {self.seconds:g} s")


def _window(state: EvalState, minutes: float) -> list:  # type: ignore[type-arg]
    ts = state.message.ts
    if ts is None:
        return list(state.context.recent)
    return [m for m in state.context.recent if (ts - m.ts).total_seconds() <= minutes * 60]


def _same_text(a: str, b: str) -> bool:
    a, b = a.strip().lower(), b.strip().lower()
    return a == b or (len(a) > 20 and fuzz.ratio(a, b) >= 90)


@dataclass
class FieldIn:
    field: str  # author_role | chat | language
    values: set[str]

    def test(self, state: EvalState) -> Evidence | None:
        value = state.analysis.lang if self.field == "language" else getattr(state.message, self.field)
        return Evidence(f"{self.field} {value}") if value in self.values else None


@dataclass
class NewMember:
    expected: bool
    messages: int

    def test(self, state: EvalState) -> Evidence | None:
        earlier = sum(m.author == state.message.author for m in state.context.recent)
        is_new = earlier < self.messages
        return Evidence(f"new member ({earlier} earlier messages)") if is_new == self.expected else None


@dataclass
class ClassifierCondition:
    model: str
    thresholds: dict[str, float]

    def test(self, state: EvalState) -> Evidence | None:
        score = state.classifier_score(self.model)
        threshold = self.thresholds.get(state.analysis.lang, self.thresholds.get("*", 0.5))
        if score < threshold:
            return None
        return Evidence(f"classifier {self.model} {score:.2f} ≥ {threshold}", None,
                        round(score, 4), threshold)


@dataclass
class ThreadHeat:
    minimum: float
    model: str
    minutes: float

    def test(self, state: EvalState) -> Evidence | None:
        heat = state.memo(f"heat:{self.model}:{self.minutes}",
                          lambda: thread_heat(state, self.model, self.minutes))
        if heat.score < self.minimum:
            return None
        return Evidence(heat.describe(), None, round(heat.score, 4), self.minimum)
