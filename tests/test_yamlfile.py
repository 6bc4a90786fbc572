"""Finding the managers' YAML files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.yamlfile import yaml_files


def test_files_are_found_below_a_path_with_dots_and_hidden_ones_skipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    knowledge = tmp_path / "shared" / "knowledge"
    (knowledge / "more").mkdir(parents=True)
    (knowledge / ".git").mkdir()
    for name in ("faq.yaml", "more/extra.yml", ".git/config.yaml", ".draft.yaml", "notes.txt"):
        (knowledge / name).write_text("entries: []\n", encoding="utf-8")
    work = tmp_path / "project"
    work.mkdir()
    monkeypatch.chdir(work)
    relative = Path(os.pardir) / "shared" / "knowledge"  # ../shared/knowledge, as in the docs
    assert [p.relative_to(relative).as_posix() for p in yaml_files(relative)] == [
        "faq.yaml", "more/extra.yml"]
