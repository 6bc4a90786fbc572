"""English lexicons, third session: tweet-style slurs and political name-calling, disguised profanity.

Only lexicon rules are asserted here (the abuse model is retrained from the data files and its
scores move); the words below must not hit inside longer harmless words.
"""

from __future__ import annotations

import pytest

from assistant.context import ChatContext
from assistant.models import Message
from assistant.moderation import RuleSet
from assistant.nlp import NlpPipeline


def flags(ruleset: RuleSet, pipeline: NlpPipeline, text: str) -> dict[str, str]:
    message = Message(id="m1", chat="c1", author="u1", text=text)  # type: ignore[arg-type]
    results = ruleset.evaluate(message, pipeline.analyse(text, "en"), ChatContext())
    return {r.flag.rule: r.flag.category for r in results if r.flag.mode != "shadow"}


def lexicons(ruleset: RuleSet, pipeline: NlpPipeline, text: str) -> set[str]:
    return {hit.lexicon for hit in ruleset.lexicons.match(pipeline.analyse(text, "en").tokens, "en")}


@pytest.mark.parametrize("text", ["the commies are marching again", "bunch of sheeple, all of them",
                                  "another feminazi rant on the news", "these leftards never learn"])
def test_political_name_calling_about_others_is_toxicity(ruleset, pipeline, text):
    assert flags(ruleset, pipeline, text).get("insult-other") == "toxicity"


def test_a_slur_aimed_at_the_reader_is_conflict(ruleset, pipeline):
    found = flags(ruleset, pipeline, "@anna you are a libturd and a groomer")
    assert found.get("insult-direct") == "conflict"


@pytest.mark.parametrize("text", ["goddamn it, the bus left", "phucking hell what a day",
                                  "these b1tches are crazy", "kiss my azz"])
def test_disguised_and_variant_profanity_is_obscenity(ruleset, pipeline, text):
    assert "obscenity" in lexicons(ruleset, pipeline, text)


@pytest.mark.parametrize("text", ["we love jazz night at the shelter", "a shaggy old dog needs a home",
                                  "the commissioner signed the permit", "goddess costume for the party",
                                  "MFA students are helping with the mural"])
def test_new_entries_do_not_hit_inside_harmless_words(ruleset, pipeline, text):
    assert not lexicons(ruleset, pipeline, text) & {"obscenity", "insults"}
