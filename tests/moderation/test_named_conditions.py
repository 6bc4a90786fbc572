"""A rules file names a condition once under ``conditions:`` and its rules reuse it (``use: NAME``)."""

from __future__ import annotations

import pytest

from assistant.context import ChatContext
from assistant.errors import ConfigError
from assistant.models import Message
from assistant.moderation import load_rules
from tests.moderation.test_engine import write_rules

NAMED = """version: 1
conditions:
  polite:
    any:
      - regex: "пожалуйста"
      - regex: "спасибо"
  polite-word: {all: [{use: polite}, {lexicon: words}]}
rules:
  - id: word-test
    when: {lexicon: words}
    unless:
      - use: polite
    flag: {category: conflict, severity: low, reason: "word"}
  - id: polite-word
    when: {use: polite-word}
    flag: {category: spam, severity: low, reason: "polite word"}
"""


def fired(ruleset, pipeline, text: str) -> set[str]:
    message = Message(id="m", chat="c", author="u", text=text)
    return {r.flag.rule for r in ruleset.evaluate(message, pipeline.analyse(text), ChatContext())}


def test_rules_reuse_a_named_condition_and_names_build_on_earlier_ones(tmp_path, pipeline):
    ruleset = load_rules(write_rules(tmp_path, NAMED), pipeline)
    assert fired(ruleset, pipeline, "это слово") == {"word-test"}
    assert fired(ruleset, pipeline, "это слово, спасибо") == {"polite-word"}
    assert fired(ruleset, pipeline, "спасибо") == set()


@pytest.mark.parametrize(("change", "expected"), [
    (("unless:\n      - use: polite", "unless:\n      - use: polit"),
     "r.yaml:12: rule 'word-test': no condition named 'polit' in this file's 'conditions:' "
     "(did you mean 'polite'?); known: polite, polite-word"),
    (("  polite-word: {all", "  lexicon: {all"),
     "r.yaml:7: condition 'lexicon': a condition name is lowercase letters, digits, '-' or '_', "
     "and not the name of a built-in condition"),
    (("      - regex: \"спасибо\"", "      - regexp: \"спасибо\""),
     "r.yaml:6: condition 'polite': unknown key 'regexp' (did you mean 'regex'?)"),
])
def test_a_wrong_name_or_a_broken_named_condition_is_reported_with_file_and_line(
        tmp_path, pipeline, change, expected):
    with pytest.raises(ConfigError) as caught:
        load_rules(write_rules(tmp_path, NAMED.replace(*change)), pipeline)
    assert any(str(p).endswith(expected) for p in caught.value.problems), caught.value.problems

