"""The root command group and the shared option helpers."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import click

from assistant.settings import Settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Community moderation and auto-support assistant."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@main.group("eval")
def eval_group() -> None:
    """Measure quality: precision and recall on a labelled set."""


@main.group("faq")
def faq_group() -> None:
    """FAQ tools: learned variants, suggestions from unanswered questions."""


def files_options(function: Any) -> Any:
    """--rules and --knowledge, shared by every command that loads the managers' files."""
    function = click.option("--knowledge", type=click.Path(path_type=Path, file_okay=False),
                            help="FAQ directory (default: the bundled knowledge/).")(function)
    function = click.option("--rules", type=click.Path(path_type=Path, file_okay=False),
                            help="Rules directory (default: the bundled rules/).")(function)
    return function


def make_settings(**overrides: Any) -> Settings:
    """Settings from the environment, with the command-line options that were given."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
