"""``assistant eval faq``: the figures, computed exactly as the service answers."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main
from assistant.evaluation.faq import FaqQuery, evaluate_faq, read_queries
from assistant.faq import FaqMatcher
from assistant.nlp import NlpPipeline
from assistant.settings import PROJECT_ROOT

CHAT_SET = PROJECT_ROOT / "tests" / "data" / "faq_chat.jsonl"


def test_labelled_chat_set_meets_the_precision_and_recall_targets(matcher: FaqMatcher,
                                                                   pipeline: NlpPipeline) -> None:
    queries = read_queries(CHAT_SET)
    assert {q.lang for q in queries} == {"ru", "en"} and any(q.faq is None for q in queries)
    ru = evaluate_faq(matcher, pipeline, [q for q in queries if q.lang == "ru"]).figures()
    assert ru["precision"] >= 0.9 and ru["recall"] >= 0.75
    everything = evaluate_faq(matcher, pipeline, queries).figures()
    assert everything["false_answer_rate"] <= 0.05 and everything["top3"] >= 0.9


def test_counts_and_confusions_follow_the_answers(matcher: FaqMatcher, pipeline: NlpPipeline) -> None:
    queries = [FaqQuery("1", "ru", "Как записаться на смену?", "shift-signup"),
               FaqQuery("2", "ru", "Как записаться на смену?", "shift-cancel"),
               FaqQuery("3", "ru", "Как записаться на смену?", None),
               FaqQuery("4", "ru", "Всем привет!", None)]
    report = evaluate_faq(matcher, pipeline, queries)
    figures = report.figures()
    assert (report.answered, report.correct, report.false_answers) == (3, 1, 1)
    assert figures["precision"] == round(1 / 3, 4) and figures["recall"] == 0.5
    assert figures["false_answer_rate"] == 0.5 and figures["top1"] == 0.5
    assert report.confusions == {("shift-cancel", "shift-signup"): 1, ("(none)", "shift-signup"): 1}


def test_cli_prints_the_figures(tmp_path: Path) -> None:
    queries = tmp_path / "q.jsonl"
    queries.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in [
        {"id": "1", "lang": "ru", "text": "Где взять волонтёрскую книжку?", "faq": "volunteer-book"},
        {"id": "2", "lang": "ru", "text": "Спасибо всем!", "faq": None}]), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "faq", "--json", str(queries)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert (figures["top1"], figures["precision"], figures["false_answer_rate"]) == (1.0, 1.0, 0.0)


def test_cli_names_the_line_of_a_broken_query(tmp_path: Path) -> None:
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": "1", "text": "ok", "faq": null}\n{"id": "2"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "faq", str(queries)])
    assert result.exit_code != 0 and "q.jsonl:2: not a query record" in result.output
