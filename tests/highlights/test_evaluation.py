"""`assistant eval highlights` over labelled streams, through the real service."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.errors import ConfigError
from assistant.highlights.lexicon import load_lexicon
from assistant.settings import PROJECT_ROOT

DATA = PROJECT_ROOT / "tests" / "data"


def test_counts_false_positives_and_misses(tmp_path):
    stream = tmp_path / "s.jsonl"
    lines = [{"id": "q", "chat": "c", "author": "u1", "text": "Где получить волонтёрскую книжку?"},
             {"id": "a", "chat": "c", "author": "u2", "reply_to": "q", "highlight": False,
              "text": "В ресурсном центре на Ленина 12, кабинет 3, с 10 до 18"},
             {"id": "b", "chat": "c", "author": "u3", "reply_to": "q", "highlight": True,
              "text": "не знаю"}]
    stream.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    result = CliRunner().invoke(main, ["eval", "highlights", "--json", str(stream)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert (figures["tp"], figures["fp"], figures["fn"]) == (0, 1, 1)


@pytest.mark.parametrize("name", ["highlights_chat.jsonl", "highlights_heldout.jsonl"])
def test_labelled_sets_meet_the_targets(name):
    result = CliRunner().invoke(main, ["eval", "highlights", "--json", str(DATA / name)])
    figures = json.loads(result.output)
    assert figures["precision"] >= 0.8 and figures["recall"] >= 0.7


def test_a_broken_lexicon_names_file_and_line(tmp_path: Path):
    path = tmp_path / "lexicon.yaml"
    path.write_text("version: 1\nthanks: []\nconfirmation: [ok]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_lexicon(path)
    problems = [str(p) for p in error.value.problems]
    assert any(p.endswith(":2: 'thanks' must be a non-empty list") for p in problems)
    assert any(":3: unknown key 'confirmation' (did you mean 'confirmations'?)" in p for p in problems)
