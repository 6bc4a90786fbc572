"""Bot texts (greetings, "a moderator will look at it"): data from knowledge YAML, per language."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap

from assistant.errors import Problem
from assistant.yamlfile import YamlDocument, line_of


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


@dataclass
class BotTexts:
    """``texts[key][lang]`` templates with ``{name}`` placeholders."""

    texts: dict[str, dict[str, str]] = field(default_factory=dict)

    def render(self, key: str, lang: str, **values: Any) -> str | None:
        """The text in ``lang`` (else English, else any); None when the key is not defined."""
        variants = self.texts.get(key)
        if not variants:
            return None
        template = variants.get(lang) or variants.get("en") or next(iter(variants.values()))
        return string.Formatter().vformat(template, (), _Blank(values))


def parse_texts(doc: YamlDocument, node: Any, problems: list[Problem]) -> dict[str, dict[str, str]]:
    """``texts:`` of one knowledge file: a mapping of key → {lang: text}."""
    if not isinstance(node, CommentedMap):
        problems.append(Problem(doc.at(line_of(node)), "'texts' must map a text key to "
                                "{language: text}, e.g. moderator_notice: {ru: ..., en: ...}"))
        return {}
    parsed: dict[str, dict[str, str]] = {}
    for key, variants in node.items():
        line = line_of(node, key)
        if not isinstance(variants, CommentedMap) or not all(
                isinstance(v, str) for v in variants.values()):
            problems.append(Problem(doc.at(line), f"text '{key}' must map language codes to "
                                    "text, e.g. {ru: ..., en: ...}"))
            continue
        parsed[str(key)] = {str(lang): str(text).strip() for lang, text in variants.items()}
    return parsed
