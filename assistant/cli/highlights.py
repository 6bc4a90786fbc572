"""``assistant digest``, ``assistant feature``, ``assistant faq suggest``, ``assistant eval highlights``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from assistant.cli.app import eval_group, faq_group, files_options, main, make_settings
from assistant.errors import AssistantError, ConfigError

_DB = click.option("--db", type=click.Path(path_type=Path, dir_okay=False, exists=True),
                   default="var/assistant.db", show_default=True, help="SQLite database file.")


def _since(value: str):  # type: ignore[no-untyped-def]
    from assistant.highlights.digest import parse_since

    try:
        return parse_since(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from exc


@main.command()
@_DB
@click.option("--since", default="7d", show_default=True, help="Period: 7d, 24h, 2w or an ISO date.")
@click.option("--chat", help="Only this chat.")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("--limit", type=int, default=10, show_default=True, help="How many answers.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here (default: stdout).")
def digest(db: Path, since: str, chat: str | None, fmt: str, limit: int, output) -> None:  # type: ignore[no-untyped-def]
    """The best answers and most helpful members of the period, as Markdown or HTML."""
    from assistant.highlights.digest import collect_digest, render_digest
    from assistant.store import Store

    store = Store(db)
    output.write(render_digest(collect_digest(store, _since(since), chat, limit=limit), fmt))


@main.command()
@_DB
@click.option("--off", is_flag=True, help="Remove the featured mark.")
@click.option("--by", "actor", required=True, help="Who decides (kept in the log).")
@click.option("--note", help="Why (kept in the log).")
@click.argument("chat")
@click.argument("message_id")
def feature(db: Path, off: bool, actor: str, note: str | None, chat: str, message_id: str) -> None:
    """Mark the highlighted answer MESSAGE_ID of CHAT featured (or not, with --off)."""
    from assistant.store import Store
    from assistant.store.highlights import set_featured

    if not set_featured(Store(db), chat, message_id, not off, actor, note):
        raise click.ClickException(f"message {message_id!r} in chat {chat!r} has no highlight; "
                                   "list them with GET /v1/highlights or `assistant digest`")
    click.echo(f"{chat}/{message_id}: {'not ' if off else ''}featured")


@faq_group.command("suggest")
@_DB
@click.option("--since", default="30d", show_default=True, help="Period: 30d, 2w or an ISO date.")
@click.option("--chat", help="Only this chat.")
@click.option("--top", type=int, default=10, show_default=True, help="How many entries to draft.")
@click.option("--min-asked", type=int, default=1, show_default=True,
              help="Only groups asked at least this many times.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write the YAML here (default: stdout).")
def faq_suggest(db: Path, since: str, chat: str | None, top: int, min_asked: int, output) -> None:  # type: ignore[no-untyped-def]
    """Draft FAQ entries for the questions the FAQ did not answer, most asked first."""
    from assistant.highlights.faq_gaps import draft_entries, group_questions
    from assistant.store import Store
    from assistant.store.highlights import unanswered_questions

    stamp = _since(since).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")
    groups = group_questions(unanswered_questions(Store(db), stamp, chat))
    if not groups:
        click.echo("no unanswered questions in this period", err=True)
        return
    output.write(draft_entries(groups, top=top, min_asked=min_asked))


@eval_group.command("highlights")
@files_options
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--mistakes", is_flag=True, help="List the misjudged messages.")
@click.option("--stackexchange", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Also: precision@1 of the answer score on a Stack Exchange Posts.xml.")
@click.argument("stream", type=click.Path(path_type=Path, dir_okay=False, exists=True))
def eval_highlights(rules: Path | None, knowledge: Path | None, as_json: bool, mistakes: bool,
                    stackexchange: Path | None, stream: Path) -> None:
    """Precision and recall of highlights on a labelled chat STREAM (JSON Lines with
    ``highlight: true|false``), through the real service with an in-memory store."""
    from assistant.evaluation.highlights import evaluate_highlights, evaluate_stackexchange, read_labelled
    from assistant.service import Assistant
    from assistant.store import Store

    settings = make_settings(rules=rules, knowledge=knowledge, watch=False)
    settings.db = None
    try:
        rows = read_labelled(stream)
        assistant = Assistant(settings, store=Store(None))
    except (ConfigError, AssistantError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    figures = evaluate_highlights(assistant, rows)
    result = figures.figures()
    if stackexchange is not None:
        result["stackexchange"] = evaluate_stackexchange(assistant.pipeline, stackexchange)
    if mistakes:
        result["mistakes"] = figures.mistakes
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    for key, value in result.items():
        if key == "mistakes":
            click.echo("mistakes:")
            for item in value:
                click.echo(f"  {item['chat']}/{item['id']} expected={item['expected']} "
                           f"got={item['highlight']}  {item['text']}")
        else:
            click.echo(f"{key}: {value}")
