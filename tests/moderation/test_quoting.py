"""Quoted or mentioned words are exempt (the rules being discussed, the name someone was called);
apostrophes inside words are not quotes."""

from __future__ import annotations

import pytest

from assistant.context import ChatContext
from assistant.models import Message


def _rules(ruleset, pipeline, text: str, reply_to: str | None = "0") -> set[str]:
    message = Message(id="1", chat="c", author="a", text=text, reply_to=reply_to)
    analysis = pipeline.analyse_batch([text])[0]
    return {r.flag.rule for r in ruleset.evaluate(message, analysis, ChatContext([]))}


def test_an_insult_between_two_contractions_is_not_taken_for_a_quote(ruleset, pipeline):
    text = "I don't get it. That's it, you're an idiot, aren't you"  # 'you're … aren' is no quote
    assert "insult-direct" in _rules(ruleset, pipeline, text)


def test_an_insult_in_single_quotes_is_quoted(ruleset, pipeline):
    fired = _rules(ruleset, pipeline, "The rules say the word 'idiot' is not allowed here")
    assert "insult-direct" not in fired and "insult-other" not in fired


@pytest.mark.parametrize("text", [
    "ты меня вруном назвать хочешь? я туда крюк в 15 км делал",
    "он обозвал меня дурой при всех, мне было очень обидно",
    "He called me an idiot in front of everyone and I just left",
])
def test_the_name_someone_was_called_is_mentioned_not_used(ruleset, pipeline, text):
    fired = _rules(ruleset, pipeline, text)
    assert not fired & {"insult-direct", "insult-other", "abusive-language", "hostile-addressed"}


@pytest.mark.parametrize(("text", "rule"), [
    ("Серёга, ещё раз так меня назовёшь — я тебя найду, понял?", "threat"),  # not a name
    ("ты врун и дурак, так тебя и назову", "insult-direct"),  # the verb is not next to the words
])
def test_a_verb_of_naming_does_not_exempt_what_is_not_a_name(ruleset, pipeline, text, rule):
    assert rule in _rules(ruleset, pipeline, text)


def test_self_deprecation_is_not_offensive_english_unless_it_swears(ruleset, pipeline):
    assert not _rules(ruleset, pipeline, "I'm so stupid, I forgot my gloves at home again", None)
    assert "offensive-english" in _rules(ruleset, pipeline, "I'm so fucking tired of this shit", None)
