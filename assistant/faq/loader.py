"""Reads knowledge/*.yaml (SPEC §4) and validates every entry, reporting every problem with file:line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from assistant.errors import ConfigError, Location, Problem, unknown_key
from assistant.texts import BotTexts, parse_texts
from assistant.yamlfile import YamlDocument, line_of, load_yaml, yaml_files

ENTRY_ID = re.compile(r"^[a-z0-9-]+$")
ANY_ID = re.compile(r"^\S+$")  # outside data measured by ``assistant eval faq``
ENTRY_KEYS = {"id", "lang", "question", "variants", "not_for", "answer", "tags"}
FILE_KEYS = {"entries", "texts", "version"}


@dataclass
class FaqEntry:
    id: str
    question: str
    answer: str
    variants: list[str] = field(default_factory=list)
    lang: str | None = None
    # questions on this entry's topic that its answer does not cover: a message asking one of
    # them is never answered with this entry (``not_for`` in YAML; moderators' "wrong" adds more)
    not_for: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    location: Location = field(default_factory=lambda: Location("<memory>"))

    @property
    def phrasings(self) -> list[str]:
        """The question and every variant: each is a way members ask this entry."""
        return [self.question, *self.variants]


def _string_list(value: Any, what: str, doc: YamlDocument, line: int,
                 problems: list[Problem]) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(Problem(doc.at(line), f"{what} must be a list of non-empty strings"))
        return []
    return [str(v).strip() for v in value]


def _entry(raw: Any, doc: YamlDocument, seq: CommentedSeq, index: int,
           problems: list[Problem], id_pattern: re.Pattern[str] = ENTRY_ID) -> FaqEntry | None:
    line = line_of(seq, index)
    if not isinstance(raw, CommentedMap):
        problems.append(Problem(doc.at(line), "an entry must be a mapping with id, question, answer"))
        return None
    entry_id = raw.get("id")
    where = f"entry '{entry_id}'" if isinstance(entry_id, str) else f"entry #{index + 1}"
    before = len(problems)
    for key in raw:
        if key not in ENTRY_KEYS:
            problems.append(Problem(doc.at(line_of(raw, key)), unknown_key(str(key), ENTRY_KEYS, where)))
    if not isinstance(entry_id, str) or not id_pattern.match(entry_id):
        shown = "missing" if entry_id is None else f"'{entry_id}'"
        problems.append(Problem(doc.at(line_of(raw, "id") or line),
                                f"{where}: id is {shown}; it must match [a-z0-9-]+ (e.g. volunteer-book)"))
    for key in ("question", "answer"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(doc.at(line_of(raw, key) or line),
                                    f"{where}: '{key}' is required and must be non-empty text"))
    lang = raw.get("lang")
    if lang is not None and (not isinstance(lang, str) or not re.match(r"^[a-z]{2,3}$", lang)):
        problems.append(Problem(doc.at(line_of(raw, "lang")),
                                f"{where}: lang '{lang}' must be a language code such as ru or en"))
    variants = _string_list(raw.get("variants"), f"{where}: variants", doc,
                            line_of(raw, "variants"), problems)
    not_for = _string_list(raw.get("not_for"), f"{where}: not_for", doc,
                           line_of(raw, "not_for"), problems)
    tags = _string_list(raw.get("tags"), f"{where}: tags", doc, line_of(raw, "tags"), problems)
    if len(problems) > before:
        return None
    return FaqEntry(id=entry_id, question=str(raw["question"]).strip(),
                    answer=str(raw["answer"]).strip(), variants=variants, lang=lang, tags=tags,
                    not_for=not_for, location=doc.at(line))


def _entries_of(doc: YamlDocument, problems: list[Problem], texts: dict[str, dict[str, str]],
                id_pattern: re.Pattern[str] = ENTRY_ID) -> list[FaqEntry]:
    data = doc.data
    if data is None:
        return []
    if not isinstance(data, CommentedMap):
        problems.append(Problem(doc.at(1), "the file must be a mapping with a list under 'entries:'"))
        return []
    for key in data:
        if key not in FILE_KEYS:
            problems.append(Problem(doc.at(line_of(data, key)), unknown_key(str(key), FILE_KEYS, "file")))
    if "texts" in data:
        texts.update(parse_texts(doc, data["texts"], problems))
    seq = data.get("entries")
    if seq is None:
        return []
    if not isinstance(seq, CommentedSeq):
        problems.append(Problem(doc.at(line_of(data, "entries")), "'entries' must be a list"))
        return []
    found = [_entry(raw, doc, seq, i, problems, id_pattern) for i, raw in enumerate(seq)]
    return [e for e in found if e is not None]


@dataclass
class Knowledge:
    """The FAQ entries and the bot texts of a knowledge directory."""

    entries: list[FaqEntry]
    texts: BotTexts


def load_knowledge(directory: Path, strict_ids: bool = True) -> Knowledge:
    """All entries and texts of every *.yaml file under ``directory``.

    ``strict_ids=False`` accepts any id without spaces (labelled sets from elsewhere).
    Raises ConfigError listing every problem of every file, each with file:line.
    """
    problems: list[Problem] = []
    entries: list[FaqEntry] = []
    texts: dict[str, dict[str, str]] = {}
    if not directory.is_dir():
        raise ConfigError([Problem(Location(str(directory)), "knowledge directory does not exist")])
    for path in yaml_files(directory):
        doc, errors = load_yaml(path, directory)
        problems.extend(errors)
        if doc is not None:
            entries.extend(_entries_of(doc, problems, texts, ENTRY_ID if strict_ids else ANY_ID))
    seen: dict[str, FaqEntry] = {}
    for entry in entries:
        if entry.id in seen:
            problems.append(Problem(entry.location,
                                    f"entry '{entry.id}': duplicate id, first defined at "
                                    f"{seen[entry.id].location}"))
        else:
            seen[entry.id] = entry
    if problems:
        raise ConfigError(problems)
    return Knowledge(list(seen.values()), BotTexts(texts))
