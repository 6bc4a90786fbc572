"""try, schema, replay, eval moderation: the managers' tools for the moderation rules."""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import click

from assistant.cli.app import eval_group, main, make_settings
from assistant.errors import ConfigError

_rules_option = click.option("--rules", type=click.Path(path_type=Path, file_okay=False),
                             help="Rules directory (default: the bundled rules/).")


def _load(rules: Path | None) -> tuple[Any, Any]:
    from assistant.moderation import load_rules
    from assistant.nlp import NlpPipeline
    from assistant.nlp.encoders import load_encoder

    settings = make_settings(rules=rules)
    pipeline = NlpPipeline(load_encoder(settings.encoder, settings.encoder_model))
    try:
        return load_rules(settings.rules, pipeline), pipeline
    except ConfigError as exc:
        raise click.ClickException(f"the rules have errors:\n{exc}") from exc


@main.command("try")
@_rules_option
@click.option("--reply-to", help="The text of the message this one replies to.")
@click.option("--role", default="member", help="The author's role (member, moderator, ...).")
@click.argument("text")
def try_text(rules: Path | None, reply_to: str | None, role: str, text: str) -> None:
    """Print which rules fire on TEXT and why."""
    from assistant.moderation.explain import explain_text

    ruleset, pipeline = _load(rules)
    for line in explain_text(ruleset, pipeline, text, reply_to, role):
        click.echo(line)


@main.command()
@click.argument("kind", type=click.Choice(["rules", "faq"]), default="rules")
def schema(kind: str) -> None:
    """Print the JSON Schema of the rule files (or of the FAQ files) for editors."""
    from assistant.moderation.schema import faq_schema, rules_schema

    click.echo(json.dumps(rules_schema() if kind == "rules" else faq_schema(), indent=2,
                          ensure_ascii=False))


def _since(value: str) -> datetime:
    match = re.fullmatch(r"(\d+)([mhdw])", value)
    if not match:
        raise click.BadParameter("use a duration such as 30m, 12h, 7d or 2w", param_hint="--since")
    unit = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}[match[2]]
    return datetime.now(UTC) - timedelta(**{unit: int(match[1])})


@main.command()
@_rules_option
@click.option("--since", default="7d", show_default=True, help="How far back to replay stored messages.")
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help="SQLite database.")
@click.option("--baseline", type=click.Path(path_type=Path, file_okay=False),
              help="For an export: rules to compare with (default: the bundled rules/).")
@click.option("--samples", default=5, show_default=True, help="Samples shown per direction.")
@click.argument("export", required=False, type=click.File("r", encoding="utf-8"))
def replay(rules: Path | None, since: str, db: Path | None, baseline: Path | None, samples: int,
           export: Any) -> None:
    """Re-run stored messages (or a JSONL / Telegram export) under the rules on disk; print the
    difference from what was flagged."""
    from assistant.evaluation.moderation import replay as run_replay

    ruleset, pipeline = _load(rules)
    if export is not None:
        from assistant.ingest import read_messages
        from assistant.models import Message
        from assistant.moderation import load_rules
        from assistant.settings import Settings

        rows = [m.model_dump(mode="json") for m in read_messages(export) if isinstance(m, Message)]
        base = load_rules(baseline or Settings().rules, pipeline)
        diff = run_replay(ruleset, pipeline, rows, base)
    else:
        from assistant.store import Store
        from assistant.store.moderation import messages_since

        store = Store(db or make_settings().db)
        diff = run_replay(ruleset, pipeline, messages_since(store, _since(since)))
    click.echo(f"{diff.messages} messages: +{len(diff.added)} flags, −{len(diff.removed)}")
    for sign, items in (("+", diff.added), ("−", diff.removed)):
        for message_id, rule, text in items[:samples]:
            click.echo(f"  {sign} {rule} {message_id}: {text}")


@eval_group.command("moderation")
@_rules_option
@click.option("--category", type=click.Choice(["conflict", "toxicity"]),
              help="Count only this category (default: conflict or toxicity).")
@click.option("--split", type=click.Choice(["train", "test"]),
              help="Only rows of this half (for a classifier trained with `--split train`).")
@click.option("--sample", type=int, help="Only N random rows (shuffled with seed 0), for big sets.")
@click.option("--show", default=10, show_default=True, help="Misses and false alarms shown.")
@click.argument("messages", type=click.Path(path_type=Path, dir_okay=False, exists=True))
def eval_moderation(rules: Path | None, category: str | None, split: str | None, sample: int | None,
                    show: int, messages: Path) -> None:
    """Precision, recall and F1 of the rules on MESSAGES.jsonl."""
    from assistant.evaluation.moderation import evaluate_moderation, read_labelled

    ruleset, pipeline = _load(rules)
    rows = read_labelled(messages, split)
    if sample:
        random.Random(0).shuffle(rows)
        rows = rows[:sample]
    report = evaluate_moderation(ruleset, pipeline, rows, category)
    click.echo(f"messages {report.tp + report.fp + report.fn + report.tn}  tp {report.tp}  "
               f"fp {report.fp}  fn {report.fn}")
    click.echo(f"precision {report.precision:.3f}  recall {report.recall:.3f}  f1 {report.f1:.3f}")
    for title, items in (("misses", report.misses), ("false alarms", report.false_alarms)):
        if items and show:
            click.echo(f"{title} ({len(items)}):")
            for item in items[:show]:
                click.echo(f"  {item}")
    sys.stdout.flush()
