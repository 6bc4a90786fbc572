"""``assistant eval faq`` and ``assistant faq export-learned``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from assistant.cli.app import eval_group, faq_group, make_settings
from assistant.errors import AssistantError, ConfigError


@eval_group.command("faq")
@click.option("--knowledge", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="FAQ directory (default: the bundled knowledge/).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.argument("queries", type=click.Path(path_type=Path, dir_okay=False, exists=True))
def eval_faq(knowledge: Path | None, as_json: bool, queries: Path) -> None:
    """Top-1, top-3, precision, recall and false answers of the FAQ matcher on QUERIES.jsonl."""
    from assistant.evaluation.faq import evaluate_faq, format_report, read_queries
    from assistant.faq import load_knowledge
    from assistant.nlp import NlpPipeline
    from assistant.nlp.encoders import load_encoder
    from assistant.resources import build_matcher

    settings = make_settings(knowledge=knowledge)
    try:
        rows = read_queries(queries)
        loaded = load_knowledge(settings.knowledge, strict_ids=False)
        pipeline = NlpPipeline(load_encoder(settings.encoder, settings.encoder_model))
        matcher = build_matcher(settings, pipeline, loaded.entries)
    except (ConfigError, AssistantError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    report = evaluate_faq(matcher, pipeline, rows)
    if as_json:
        figures = report.figures()
        figures["confusions"] = [[e, g, n] for (e, g), n in report.confusions.most_common(20)]
        click.echo(json.dumps(figures, ensure_ascii=False))
    else:
        click.echo(format_report(report))


@faq_group.command("export-learned")
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False),
              help="SQLite database file (default ./var/assistant.db).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write the YAML here (default: stdout).")
def export_learned(db: Path | None, output) -> None:  # type: ignore[no-untyped-def]
    """Write the variants learned from moderators' decisions as YAML, for managers to merge."""
    from assistant.faq.learning import export_learned_yaml
    from assistant.store import Store

    settings = make_settings(db=db)
    if settings.db is None or not Path(settings.db).exists():
        raise click.ClickException(f"no database at {settings.db}: pass --db PATH")
    store = Store(settings.db)
    try:
        output.write(export_learned_yaml(store))
    finally:
        store.close()
    if output is not sys.stdout:
        click.echo(f"wrote learned variants to {output.name}", err=True)
