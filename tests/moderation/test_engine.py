"""The rule engine on the bundled rules and on small inline rule files."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.context import ChatContext
from assistant.errors import ConfigError
from assistant.models import Message
from assistant.moderation import RuleSet, load_rules
from assistant.moderation.examples import run_examples
from assistant.nlp import NlpPipeline


def flags(ruleset: RuleSet, pipeline: NlpPipeline, text: str, role: str = "member") -> dict[str, str]:
    message = Message(id="m1", chat="c1", author="u1", text=text, author_role=role)  # type: ignore[arg-type]
    results = ruleset.evaluate(message, pipeline.analyse(text), ChatContext())
    return {r.flag.rule: r.flag.category for r in results if r.flag.mode != "shadow"}


@pytest.mark.parametrize("text", ["ты д*бил?", "Ты идиoт", "сам ты к@зёл", "ну ты и durak", "ты д у р а к"])
def test_obfuscated_insults_to_a_person_are_conflict(ruleset, pipeline, text):
    assert flags(ruleset, pipeline, text).get("insult-direct") == "conflict"


@pytest.mark.parametrize("text", ["блин, опять автобус опоздал", "купи хлеба, пожалуйста",
                                  "не надо употреблять алкоголь", "я дурак, забыл перчатки",
                                  "В правилах: слово «дурак» запрещено"])
def test_frustration_false_friends_and_quoted_rules_are_not_conflict(ruleset, pipeline, text):
    assert "conflict" not in flags(ruleset, pipeline, text).values()


def test_moderators_are_exempt(ruleset, pipeline):
    assert flags(ruleset, pipeline, "ты дебил", role="moderator") == {}


def test_flag_records_rule_version_span_and_mode(ruleset, pipeline):
    message = Message(id="m1", chat="c1", author="u1", text="ты дебил")
    result = ruleset.evaluate(message, pipeline.analyse(message.text), ChatContext())[0]
    assert result.flag.rule == "threat" or result.flag.rule == "insult-direct"
    assert result.flag.span == "дебил"
    assert result.flag.rule_version and result.flag.rule_version.startswith("conflict.yaml@1+")
    assert result.flag.mode == "enforce"
    assert [a.type for a in result.actions] == ["reply", "notify"]


def test_bundled_rule_examples_pass(ruleset, pipeline):
    assert run_examples(ruleset, pipeline) == []


RULE = """\
version: 2
rules:
  - id: word-test
    mode: {mode}
    when:
      all:
        - lexicon: words
        - not: {{author_role: bot}}
    flag: {{category: conflict, severity: low, reason: "word {{span}}"}}
    examples:
      match: ["это слово"]
"""


def write_rules(tmp_path: Path, text: str) -> Path:
    (tmp_path / "lexicons").mkdir(exist_ok=True)
    (tmp_path / "lexicons" / "words.ru.txt").write_text("слово\n", encoding="utf-8")
    (tmp_path / "r.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_shadow_rules_are_marked_and_off_rules_are_skipped(tmp_path, pipeline):
    shadow = load_rules(write_rules(tmp_path, RULE.format(mode="shadow")), pipeline)
    message = Message(id="m", chat="c", author="u", text="слова")
    [result] = shadow.evaluate(message, pipeline.analyse("слова"), ChatContext())
    assert (result.flag.mode, result.flag.reason) == ("shadow", "word слова")
    off = load_rules(write_rules(tmp_path, RULE.format(mode="off")), pipeline)
    assert off.evaluate(message, pipeline.analyse("слова"), ChatContext()) == []
    assert len(off.rules) == 1


def test_unknown_keys_and_bad_regex_are_reported_with_file_and_line(tmp_path, pipeline):
    text = RULE.format(mode="enforce").replace("    mode: enforce\n", "    mood: x\n")
    text += "  - id: bad-regex\n    when: {regex: '(a'}\n    flag: {category: spam, reason: r}\n"
    with pytest.raises(ConfigError) as caught:
        load_rules(write_rules(tmp_path, text), pipeline)
    messages = [str(p) for p in caught.value.problems]
    assert messages[0].endswith("r.yaml:4: rule 'word-test': unknown key 'mood' (did you mean 'mode'?)")
    assert "r.yaml:13: rule 'bad-regex': regex /(a/ is not valid RE2 syntax" in messages[1]


def test_venting_without_its_lexicon_of_exclamations_is_reported(tmp_path, pipeline):
    text = RULE.format(mode="enforce").replace("        - not: {author_role: bot}\n",
                                               "        - not: {venting: words}\n")
    with pytest.raises(ConfigError) as caught:
        load_rules(write_rules(tmp_path, text), pipeline)
    [problem] = caught.value.problems
    assert str(problem).endswith("r.yaml:8: rule 'word-test': 'venting' needs the lexicon of "
                                 "exclamations rules/lexicons/venting.LANG.txt")


def test_failing_example_is_reported(tmp_path, pipeline):
    text = RULE.format(mode="enforce").replace('match: ["это слово"]', 'no_match: ["это слово"]')
    ruleset = load_rules(write_rules(tmp_path, text), pipeline)
    [problem] = run_examples(ruleset, pipeline)
    assert str(problem).startswith(f"{tmp_path.name}/r.yaml:11: rule 'word-test': example should "
                                   "not match but does") or ":11: rule 'word-test'" in str(problem)
