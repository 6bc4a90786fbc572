"""The review pages' interface strings in Russian and English, from ``messages.yaml``."""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

CATALOGUE = Path(__file__).with_name("messages.yaml")
LANGUAGES = ("en", "ru")
DEFAULT_LANGUAGE = "en"


@lru_cache(maxsize=4)
def load_catalogue(path: Path = CATALOGUE) -> dict[str, dict[str, str]]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    return {str(key): {str(lang): str(text) for lang, text in value.items()}
            for key, value in data.items()}


class Translator:
    """``t("key", name=...)``: the text in the chosen language (else English, else the key)."""

    def __init__(self, lang: str, catalogue: dict[str, dict[str, str]] | None = None) -> None:
        self.lang = lang
        self.catalogue = catalogue if catalogue is not None else load_catalogue()

    def __call__(self, key: str, **values: Any) -> str:
        variants = self.catalogue.get(key)
        if not variants:
            return key
        template = variants.get(self.lang) or variants.get(DEFAULT_LANGUAGE) or key
        return string.Formatter().vformat(template, (), values) if values else template


def browser_language(accept_language: str | None) -> str | None:
    """The first supported language of an Accept-Language header, by its q weights."""
    choices = []
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and quality > 0:
            choices.append((-quality, position, primary))
    return min(choices)[2] if choices else None


def choose_language(chosen: str | None, configured: str | None, accept_language: str | None) -> str:
    """The user's explicit choice, else the configured language, else the browser's, else English."""
    for lang in (chosen, configured, browser_language(accept_language)):
        if lang in LANGUAGES:
            return lang
    return DEFAULT_LANGUAGE
