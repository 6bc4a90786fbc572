"""Knowledge files: every problem with file:line; outside eval sets may keep their own ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.faq import load_knowledge
from assistant.settings import PROJECT_ROOT

ODD_ID = """entries:
  - id: reverted-card-payment?
    lang: en
    question: Why was my card payment reverted?
    varaints: [payment came back]
    answer: It happens.
"""


def test_bundled_knowledge_has_the_volunteer_faq_in_both_languages() -> None:
    knowledge = load_knowledge(PROJECT_ROOT / "knowledge")
    langs = [e.lang for e in knowledge.entries]
    assert langs.count("ru") >= 25 and langs.count("en") >= 8
    assert all(1 <= len(e.variants) <= 3 for e in knowledge.entries)
    assert knowledge.texts.render("faq_answer", "ru", answer="X") == "X"


def test_every_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "faq.yaml").write_text(ODD_ID, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_knowledge(tmp_path)
    messages = [str(p) for p in error.value.problems]
    assert any("/faq.yaml:2: " in m and "must match [a-z0-9-]+" in m for m in messages)
    assert any("/faq.yaml:5: " in m and "did you mean 'variants'" in m for m in messages)


def test_lenient_ids_for_evaluation_sets_still_check_everything_else(tmp_path: Path) -> None:
    (tmp_path / "faq.yaml").write_text(ODD_ID.replace("varaints", "variants"), encoding="utf-8")
    [entry] = load_knowledge(tmp_path, strict_ids=False).entries
    assert entry.id == "reverted-card-payment?" and entry.variants == ["payment came back"]
    (tmp_path / "faq.yaml").write_text(ODD_ID, encoding="utf-8")
    with pytest.raises(ConfigError, match="did you mean 'variants'"):
        load_knowledge(tmp_path, strict_ids=False)


def test_not_for_is_read_and_checked_like_variants(tmp_path: Path) -> None:
    text = ODD_ID.replace("reverted-card-payment?", "card-payment").replace("varaints", "variants")
    (tmp_path / "faq.yaml").write_text(text + "    not_for: [can I pay by cheque]\n", encoding="utf-8")
    [entry] = load_knowledge(tmp_path).entries
    assert entry.not_for == ["can I pay by cheque"]
    (tmp_path / "faq.yaml").write_text(text + "    not_for: can I pay by cheque\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"/faq.yaml:7: entry 'card-payment': not_for must be a list"):
        load_knowledge(tmp_path)
