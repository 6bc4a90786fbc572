"""``assistant faq fit-confidence``: a community's own FAQ confidence model, from its labelled questions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from assistant.cli.app import faq_group, make_settings
from assistant.errors import AssistantError, ConfigError

if TYPE_CHECKING:
    from assistant.faq.confidence import ConfidenceModel
    from assistant.faq.loader import FaqEntry
    from assistant.settings import Settings

FIGURES = (("precision", "precision of the answers given"),
           ("recall", "recall (answerable questions answered right)"),
           ("false_answer_rate", "false answers on questions no entry answers"),
           ("answered", "questions answered"),
           ("candidates", "gray-zone candidates for moderators"))


@faq_group.command("fit-confidence")
@click.option("--knowledge", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="FAQ directory the questions are labelled against (default: the bundled knowledge/).")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write the model (default: KNOWLEDGE/confidence.json, which the service uses).")
@click.option("--force", is_flag=True, help="Overwrite an existing model file.")
@click.argument("queries", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False, exists=True))
def fit_confidence(knowledge: Path | None, out: Path | None, force: bool,
                   queries: tuple[Path, ...]) -> None:
    """Refit the model that decides whether to answer, on QUERIES.jsonl: labelled questions
    ({"id", "lang", "text", "faq"}, "faq" an entry id or null), e.g. from your own chat."""
    from assistant.faq.confidence import knowledge_model_file
    from assistant.faq.loader import load_knowledge
    from assistant.faq.training import read_labelled, unknown_entries

    settings = make_settings(knowledge=knowledge)
    target = out or knowledge_model_file(settings.knowledge)
    if target.exists() and not force:
        raise click.ClickException(f"{target} already exists: pass --force to overwrite it")
    if not target.parent.is_dir():
        raise click.ClickException(f"{target.parent} is not a directory")
    try:
        entries = load_knowledge(settings.knowledge).entries
        labelled, sources = read_labelled(list(queries))
    except ConfigError as exc:
        raise click.ClickException(f"the FAQ has errors (run `assistant check`):\n{exc}") from exc
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    unknown = unknown_entries(labelled, sources, {e.id for e in entries})
    if unknown:
        raise click.ClickException(f"{len(unknown)} question(s) name an FAQ entry that is not in "
                                   f"{settings.knowledge}:\n" + "\n".join(map(str, unknown)))
    _fit(settings, entries, list(queries), len(labelled), target)


def _fit(settings: Settings, entries: list[FaqEntry], queries: list[Path], total: int,
         target: Path) -> None:
    """Analyse with a progress bar, fit, show the figures, write."""
    from tqdm import tqdm

    from assistant.faq.training import RefitError, model_record, refit, write_model
    from assistant.nlp import NlpPipeline
    from assistant.nlp.encoders import load_encoder
    from assistant.resources import build_matcher

    try:
        pipeline = NlpPipeline(load_encoder(settings.encoder, settings.encoder_model))
        matcher = build_matcher(settings, pipeline, entries, confidence=_current_model(settings.knowledge))
        with tqdm(total=total, desc="analysing questions", unit="q", file=sys.stderr,
                  disable=not sys.stderr.isatty()) as bar:
            result = refit(matcher, pipeline, queries, progress=bar.update)
    except (RefitError, AssistantError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"fitted on {result.rows} of {total} questions (the ones the matcher would consider "
               f"answering; {result.right} with the right best entry)")
    _print_figures(result.before.figures(), result.after.figures(), matcher.confidence.source)
    try:
        write_model(target, model_record(result, queries, settings.knowledge))
    except OSError as exc:
        raise click.ClickException(f"cannot write {target}: {exc.strerror}") from exc
    click.echo(f"wrote {target}")
    click.echo("These are IN-SAMPLE figures (measured on the questions the model was fitted on): "
               "they flatter it. Keep some labelled questions aside, fit on the rest, and measure with\n"
               f"  assistant eval faq --knowledge {settings.knowledge} held_out.jsonl", err=True)


def _current_model(knowledge: Path) -> ConfidenceModel:
    """The model in use now, to compare with; a broken file is replaced by the bundled model."""
    from assistant.faq.confidence import bundled_model, load_confidence

    try:
        return load_confidence(knowledge)
    except ConfigError as exc:
        click.echo(f"warning: the current model cannot be read, comparing with the bundled one:\n{exc}",
                   err=True)
        return bundled_model()


def _print_figures(before: dict[str, float], after: dict[str, float], source: str) -> None:
    click.echo(f"at the current thresholds (ASSISTANT_FAQ_*), before ({source}) and after:")
    for key, label in FIGURES:
        click.echo(f"  {label:<46} {before[key]:>8} {after[key]:>8}")
    click.echo(f"  ({before['queries']} questions, {before['unanswerable']} of them with \"faq\": null)")
