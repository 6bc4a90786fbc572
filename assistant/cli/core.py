"""serve, analyze, check: the commands of SPEC §5."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from assistant.cli.app import files_options, main, make_settings
from assistant.errors import AssistantError, ConfigError, display_path


@main.command()
@click.option("--host", help="Interface to listen on (default 127.0.0.1).")
@click.option("--port", type=int, help="Port (default 8000).")
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False),
              help="SQLite database file (default ./var/assistant.db).")
@files_options
def serve(host: str | None, port: int | None, db: Path | None, rules: Path | None,
          knowledge: Path | None) -> None:
    """Start the HTTP service."""
    import uvicorn

    from assistant.api.app import create_app

    settings = make_settings(host=host, port=port, db=db, rules=rules, knowledge=knowledge)
    try:
        app = create_app(settings)
    except ConfigError as exc:
        raise click.ClickException(f"the rules or FAQ have errors:\n{exc}") from exc
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")


@main.command()
@files_options
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False),
              help="Keep messages and verdicts in this SQLite file (default: nothing on disk).")
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
def analyze(rules: Path | None, knowledge: Path | None, db: Path | None, source) -> None:  # type: ignore[no-untyped-def]
    """Analyse messages (JSON Lines or a Telegram Desktop result.json) and print verdicts."""
    from tqdm import tqdm

    from assistant.analyze import analyze_stream
    from assistant.ingest import read_messages
    from assistant.service import Assistant
    from assistant.store import Store

    settings = make_settings(rules=rules, knowledge=knowledge)
    try:
        assistant = Assistant(settings, store=Store(db))
    except ConfigError as exc:
        raise click.ClickException(f"the rules or FAQ have errors:\n{exc}") from exc
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc
    with tqdm(desc="messages", unit="msg", disable=not sys.stderr.isatty(), file=sys.stderr) as bar:
        results = analyze_stream(assistant, read_messages(source), progress=bar.update)
    errors = 0
    for result in results:
        errors += "error" in result
        click.echo(json.dumps(result, ensure_ascii=False))
    if errors:
        click.echo(f"{errors} input record(s) could not be analysed; see the error lines", err=True)
        sys.exit(2)


@main.command()
@files_options
def check(rules: Path | None, knowledge: Path | None) -> None:
    """Validate the rules and FAQ; print file:line: problem for each error (exit 1 if any)."""
    from assistant.moderation.examples import run_examples
    from assistant.resources import load_resources
    from assistant.service import NlpPipeline, load_encoder

    settings = make_settings(rules=rules, knowledge=knowledge)
    pipeline = NlpPipeline(load_encoder(settings.encoder, settings.encoder_model))
    try:
        resources = load_resources(settings, pipeline)
        problems = run_examples(resources.rules, pipeline)  # the rules' examples are tests
        if problems:
            raise ConfigError(problems)
    except ConfigError as exc:
        for problem in exc.problems:
            click.echo(str(problem))
        click.echo(f"{len(exc.problems)} problem(s) found", err=True)
        sys.exit(1)
    click.echo(f"ok: {len(resources.knowledge.entries)} FAQ entries, "
               f"{len(resources.rules.rules)} rules")
    source = resources.matcher.confidence.source  # "bundled" or the knowledge dir's confidence.json
    click.echo(f"FAQ confidence model: {source}" if source != "bundled" else
               f"FAQ confidence model: bundled (no {display_path(settings.knowledge / 'confidence.json')})")
