"""Moderators' confirmations become variants the matcher uses; export writes them as YAML."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from ruamel.yaml import YAML

from assistant.cli import main
from assistant.context import ChatContext
from assistant.faq.learning import export_learned_yaml, learn_variant, learned_variants
from assistant.models import Message
from assistant.nlp import NlpPipeline
from assistant.resources import load_resources
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import Store

QUESTION = "а чеки с заправки куда сдавать?"


def test_learned_variant_keeps_only_the_question_and_is_stored_once(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.db")
    text = "Всем привет! Я вчера возил наборы по Северному району. Куда сдавать чеки с заправки?"
    learn_variant(store, "fuel-compensation", text, None, "maria")
    learn_variant(store, "fuel-compensation", text, None, "ivan")
    assert learned_variants(store) == {"fuel-compensation": ["Куда сдавать чеки с заправки?"]}


def test_export_writes_yaml_that_managers_can_merge(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.db")
    learn_variant(store, "shift-cancel", "как слиться со смены?", None, "maria")
    learn_variant(store, "age-limit", "мне 13, можно к вам?", None, "ivan")
    data = YAML(typ="safe").load(export_learned_yaml(store))
    assert data == {"entries": [{"id": "age-limit", "variants": ["мне 13, можно к вам?"]},
                                {"id": "shift-cancel", "variants": ["как слиться со смены?"]}]}
    store.close()
    result = CliRunner().invoke(main, ["faq", "export-learned", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 0, result.output
    assert "как слиться со смены?" in result.output


def test_export_without_a_database_says_how_to_fix_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["faq", "export-learned", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0 and "pass --db PATH" in result.output


def test_resources_built_with_a_store_match_learned_variants(settings: Settings,
                                                             pipeline: NlpPipeline) -> None:
    store = Store(settings.db)
    analysis = pipeline.analyse(QUESTION)
    before = load_resources(settings, pipeline, store).matcher.match(analysis, ChatContext())
    assert before is None or before.status != "answered"
    learn_variant(store, "fuel-compensation", "куда сдавать чеки с заправки", None, "maria")
    after = load_resources(settings, pipeline, store).matcher.match(analysis, ChatContext())
    assert after is not None and (after.entry.id, after.status) == ("fuel-compensation", "answered")
    store.close()


def test_assistant_answers_with_a_learned_variant_after_reload(assistant: Assistant) -> None:
    def ask(message_id: str) -> Message:
        return Message(id=message_id, chat="c", author="u1", text=QUESTION)

    assert assistant.handle(ask("1")).actions == []
    learn_variant(assistant.store, "fuel-compensation", QUESTION, 1, "maria")
    assert assistant.reload().ok
    verdict = assistant.handle(ask("2"))
    assert verdict.faq is not None and verdict.faq.id == "fuel-compensation"
    assert [a.type for a in verdict.actions] == ["reply"]
