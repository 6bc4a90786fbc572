"""Leet and masking inside English words: `sh1t`, `a$$hole`, `f@ck`, `b!tch`, `1diot`, `@sshole`.

Lexicon hits only (the abuse model is retrained separately and its scores move). Each disguise is
checked against the lexicon word it stands for; ordinary text with digits and symbols (prices,
times, mentions, addresses, model names) must hit nothing.
"""

from __future__ import annotations

import re

import pytest

from assistant.context import ChatContext
from assistant.models import Message
from assistant.moderation import RuleSet
from assistant.moderation.disguise import cyrillic_copy, leet_readings
from assistant.nlp import NlpPipeline
from assistant.nlp.normalize import normalize


def hits(ruleset: RuleSet, pipeline: NlpPipeline, text: str) -> list[tuple[str, str]]:
    tokens = pipeline.analyse(text, "en").tokens
    return [(hit.lexicon, hit.span) for hit in ruleset.lexicons.match(tokens, "en")]


def reads_as(span: str, word: str) -> bool:
    """The span, or one of its leet readings, is the word (``1`` is ``i`` or ``l``, ``*`` any letter)."""
    readings = [span, *leet_readings(span)]
    folded = word.replace("l", "i")
    return any(re.fullmatch(re.escape(r.replace("l", "i")).replace(r"\*", "[a-z]"), folded) for r in readings)


@pytest.mark.parametrize(("text", "lexicon", "word"), [
    ("you sh1t", "obscenity", "shit"),
    ("you are an a$$hole", "insults", "asshole"),
    ("f@ck you", "obscenity", "fuck"),
    ("shut up, b!tch", "insults", "bitch"),
    ("fu*k off", "obscenity", "fuck"),
    ("you st*pid clown", "insults", "stupid"),
    ("you 1diot", "insults", "idiot"),
    ("listen @sshole", "insults", "asshole"),
    ("sh!t, the bus left", "obscenity", "shit"),
    ("what a l0ser", "insults", "loser"),
    ("you 1oser", "insults", "loser"),        # 1 read as l
    ("kiss my a$$", "obscenity", "ass"),
    ("you pr!ck.", "insults", "prick"),
    ("you're a tr0ll", "insults", "troll"),
])
def test_disguised_word_hits_its_lexicon_word(ruleset, pipeline, text, lexicon, word):
    found = hits(ruleset, pipeline, text)
    spans = [span for name, span in found if name == lexicon]
    assert spans, f"{text!r}: no {lexicon} hit in {found}"
    assert any(reads_as(span, word) for span in spans), spans
    assert (lexicon, word) in hits(ruleset, pipeline, f"you {word}")  # the word is the list's own


def test_disguise_inside_a_phrase(ruleset, pipeline):
    assert ("threats", "kill you") in hits(ruleset, pipeline, "i will k1ll you")


@pytest.mark.parametrize("text", [
    "the ticket costs $5, or 10$ at the door",
    "@anna can you take the 5:30 shift?",
    "mail me at a1@b.com or j0hn.d03@mail.com",
    "bring the mp3 player, the 4x4 and the 3d printer",
    "we do b2b sales, gpt4 and web3 talks, win10 laptops",
    "the #l33t hackers meetup is at https://example.com/a55/ass3ts",
    "my galaxy a55 broke, the a$ in the price tag is a typo",
    "the 1st, 2nd and 3rd floors open at 10am, close at 5pm",
    "hi!ok, wait!what, see you",
    "@ick @ag @unt @imp thanks all"  # a mention's @ is not a masked letter,
    "c3po and r2d2 toys for the kids, 7up and 4chan",
])
def test_ordinary_text_with_digits_and_symbols_hits_nothing(ruleset, pipeline, text):
    assert hits(ruleset, pipeline, text) == []



@pytest.mark.parametrize(("text", "expected"), [
    ("you sh1t!", "you shit!"), ("a$$hole", "asshole"), ("h3ll0 there", "hello there"),
    ("k1ll", "kill"), ("b1tches", "bitches"),
])
def test_normalize_reads_digits_between_letters(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize("text", [
    "mp3 mp3s 4x4 b2b 3d gpt4 web3 win10 l10n ipv4 x86_64 ps4s", "$5 10$ us$5 5:30 10am 1st 3rd",
    "@anna @j0hn a1@b.com j0hn@mail.com ex4mple.com https://ex4mple.com/p4th", "#l33t", "f@ck b!tch 1diot",
])
def test_normalize_leaves_numbers_addresses_and_edge_leet_alone(text):
    assert normalize(text) == text


def test_a_transliterated_message_is_scored_in_cyrillic(ruleset, pipeline):
    """The classifiers read only Cyrillic: Latin-spelled Russian is scored as its Cyrillic copy,
    so an attack is seen and a greeting is not taken for abuse."""
    def scores(text: str) -> dict[str, float]:
        message = Message(id="m1", chat="c1", author="boris", text=text)  # type: ignore[arg-type]
        state = ruleset.state(message, pipeline.analyse(text), ChatContext())
        assert state.cyrillic_analysis is not None
        return {name: state.classifier_score(name) for name in ("abuse", "attack")}

    attack, greeting = scores("ty voobshe tupoy, ne mozhesh normalno sdelat"), scores(
        "privet, kak dela, zavtra budu na sklade")
    assert attack["attack"] > 0.8
    assert greeting["abuse"] < 0.3 and greeting["attack"] < 0.3


@pytest.mark.parametrize(("text", "fires"), [
    ("ty voobshe tupoy", True),          # no reply: «ty» addresses the reader
    ("vy tam sovsem s uma soshli? kto tak delaet", True),
    ("privet, kak dela, zavtra budu na sklade", False),
])
def test_a_transliterated_second_person_is_addressing(ruleset, pipeline, text, fires):
    message = Message(id="m1", chat="c1", author="boris", text=text)  # type: ignore[arg-type]
    results = ruleset.evaluate(message, pipeline.analyse(text), ChatContext())
    assert any(r.flag.category == "conflict" for r in results) is fires


def test_cyrillic_copy_only_for_mostly_latin_text():
    assert cyrillic_copy("ty dolbaeb, chestnoe slovo") == "ты долбаеб, честное слово"
    assert cyrillic_copy("жду тебя на складе, ok?") is None
