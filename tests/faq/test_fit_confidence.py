"""A community's own FAQ confidence model: ``assistant faq fit-confidence`` and
``<knowledge>/confidence.json``, as the service, ``check`` and reload use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.context import ChatContext
from assistant.faq import load_knowledge
from assistant.faq.confidence import FEATURES, bundled_model, load_confidence
from assistant.faq.training import RefitError, check_enough
from assistant.faq.training import main as training_main
from assistant.models import Message
from assistant.nlp import NlpPipeline
from assistant.reloader import _relevant
from assistant.resources import build_matcher
from assistant.service import Assistant
from assistant.settings import Settings

# questions on the FAQ's topics that no entry answers: the wrong-answer side of the fit
UNANSWERED = [("ru", "а на складе есть туалет?"), ("ru", "а парковка у склада есть?"),
              ("ru", "можно взять с собой на смену собаку?"), ("ru", "сколько стоит футболка в магазине?"),
              ("ru", "кто-нибудь знает, какая завтра погода?"), ("ru", "где купить билеты на концерт?"),
              ("ru", "а координатор сегодня на складе?"), ("ru", "почему вчера смену отменили?"),
              ("ru", "можно ли на склад приехать на велосипеде?"), ("ru", "есть ли на складе вай-фай?"),
              ("ru", "сколько волонтёров было на прошлой смене?"),
              ("ru", "а пожертвования облагаются налогом?"),
              ("en", "is there a parking lot near the warehouse?"),
              ("en", "can I bring my dog to the shift?")]
ANSWERED = "Где находится склад и как до него добраться?"  # warehouse-address's own question
NEVER = {"weights": {"coverage": 1.0}, "bias": -1000.0}  # a model that never answers


def _queries(knowledge: Path, path: Path, limit: int | None = None) -> Path:
    """Labelled questions from the knowledge's own entries (each phrasing labelled with its
    entry) and the questions above (``"faq": null``)."""
    entries = load_knowledge(knowledge).entries
    rows = [{"id": f"{e.id}-{i}", "lang": e.lang, "text": text, "faq": e.id}
            for e in entries for i, text in enumerate(e.phrasings)]
    rows += [{"id": f"none-{i}", "lang": lang, "text": text, "faq": None}
             for i, (lang, text) in enumerate(UNANSWERED)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:limit]),
                    encoding="utf-8")
    return path


@pytest.fixture
def run(pipeline: NlpPipeline, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The CLI in-process, with the session's real encoder instead of loading it again."""
    monkeypatch.setattr("assistant.nlp.encoders.load_encoder", lambda *_: pipeline.encoder)
    monkeypatch.setattr("assistant.service.load_encoder", lambda *_: pipeline.encoder)
    return lambda *args: CliRunner().invoke(main, [str(a) for a in args])


def test_fit_writes_a_model_that_loads_and_is_not_overwritten_without_force(
        files: tuple[Path, Path], tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    knowledge = files[1]
    queries = _queries(knowledge, tmp_path / "questions.jsonl")
    result = run("faq", "fit-confidence", queries, "--knowledge", knowledge)
    assert result.exit_code == 0, result.output
    assert "false answers on questions no entry answers" in result.output
    assert "IN-SAMPLE" in result.output and "assistant eval faq --knowledge" in result.output
    model = load_confidence(knowledge)
    assert model.source.endswith("confidence.json")
    assert set(model.weights) == set(FEATURES) and model != bundled_model()
    assert not list(knowledge.glob(".confidence.json*"))  # the temp file was renamed, not left
    written = (knowledge / "confidence.json").read_text(encoding="utf-8")

    refused = run("faq", "fit-confidence", queries, "--knowledge", knowledge)
    assert refused.exit_code == 1 and "--force" in refused.output
    assert (knowledge / "confidence.json").read_text(encoding="utf-8") == written

    # the development tool is a thin wrapper over the same fit: the same weights
    other = tmp_path / "dev.json"
    training_main([str(other), str(queries), "--knowledge", str(knowledge)])
    assert json.loads(other.read_text())["weights"] == json.loads(written)["weights"]

    forced = run("faq", "fit-confidence", queries, "--knowledge", knowledge, "--out", other, "--force")
    assert forced.exit_code == 0, forced.output


def test_a_knowledge_dir_model_decides_whether_to_answer(files: tuple[Path, Path],
                                                         pipeline: NlpPipeline) -> None:
    knowledge = files[1]
    entries = load_knowledge(knowledge).entries
    settings = Settings(db=None, watch=False, knowledge=knowledge)
    question = pipeline.analyse(ANSWERED, "ru")
    bundled = build_matcher(settings, pipeline, entries).match(question, ChatContext())
    assert bundled is not None and bundled.status == "answered"
    (knowledge / "confidence.json").write_text(json.dumps(NEVER), encoding="utf-8")
    assert build_matcher(settings, pipeline, entries).match(question, ChatContext()) is None


def _ask(assistant: Assistant, id: str) -> str | None:
    verdict = assistant.handle(Message(id=id, chat="c1", author=f"u{id}", text=ANSWERED))
    return verdict.faq.status if verdict.faq is not None else None


def test_reload_picks_up_the_model_and_keeps_the_old_one_when_the_file_breaks(
        assistant: Assistant) -> None:
    path = assistant.settings.knowledge / "confidence.json"
    assert _ask(assistant, "1") == "answered"
    assert _relevant(None, str(path))  # the file watcher reloads on a change of the model too
    path.write_text(json.dumps(NEVER), encoding="utf-8")
    assert assistant.reload().ok
    assert _ask(assistant, "2") is None
    path.write_text('{"weights": {"coverage": 1.0}}', encoding="utf-8")
    status = assistant.reload()
    assert not status.ok
    assert [str(p) for p in status.problems] == ["knowledge/confidence.json:1: 'bias' is required"]
    assert _ask(assistant, "3") is None  # the previous generation (its model) is kept
    assistant.refresh_learned()  # a moderator's decision rebuilds the matcher, same model
    assert assistant.resources.matcher.confidence.bias == NEVER["bias"]


def test_check_names_the_model_in_use_and_a_broken_file(files: tuple[Path, Path], run,  # type: ignore[no-untyped-def]
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    rules, knowledge = files
    result = run("check", "--rules", rules, "--knowledge", knowledge)
    assert result.exit_code == 0, result.output
    assert "FAQ confidence model: bundled" in result.output
    (knowledge / "confidence.json").write_text('{"weights": {\n "coverage": 1.0,\n "lead": "high",\n'
                                               ' "sentimnt": 0.5},\n "bias": 0}', encoding="utf-8")
    broken = run("check", "--rules", rules, "--knowledge", knowledge)
    assert broken.exit_code == 1
    lines = broken.output.splitlines()
    assert "knowledge/confidence.json:3: weight of 'lead' must be a number, not 'high'" in lines
    assert any(line.startswith("knowledge/confidence.json:4: unknown confidence feature 'sentimnt'")
               for line in lines)
    (knowledge / "confidence.json").write_text(json.dumps(NEVER), encoding="utf-8")
    fixed = run("check", "--rules", rules, "--knowledge", knowledge)
    assert fixed.exit_code == 0 and "FAQ confidence model: knowledge/confidence.json" in fixed.output


def test_too_few_questions_and_unknown_entries_are_refused(files: tuple[Path, Path], tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    knowledge = files[1]
    few = run("faq", "fit-confidence", _queries(knowledge, tmp_path / "few.jsonl", limit=12),
              "--knowledge", knowledge)
    assert few.exit_code == 1 and "too few questions to fit" in few.output
    assert not (knowledge / "confidence.json").exists()
    with pytest.raises(RefitError, match="at least 5 of each kind"):
        check_enough([1] * 100)  # every best entry right: nothing to learn "wrong" from

    lines = _queries(knowledge, tmp_path / "typo.jsonl").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace('"faq": "how-to-join-en"', '"faq": "how-to-jion-en"')
    lines[4] = lines[4].replace('"faq": "shift-signup-en"', '"faq": "night-shifts"')
    (tmp_path / "typo.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    typo = run("faq", "fit-confidence", "typo.jsonl", "--knowledge", knowledge)
    assert typo.exit_code == 1
    assert "typo.jsonl:2: query 'how-to-join-en-1': no FAQ entry 'how-to-jion-en' " \
           "(did you mean 'how-to-join-en'?)" in typo.output
    assert "typo.jsonl:5: query 'shift-signup-en-1': no FAQ entry 'night-shifts'" in typo.output
    assert not (knowledge / "confidence.json").exists()
