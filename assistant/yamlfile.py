"""YAML loading that keeps line numbers, with safe limits, for managers' files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from assistant.errors import Location, Problem, display_path

MAX_FILE_BYTES = 5_000_000


@dataclass
class YamlDocument:
    path: Path
    name: str  # the path as shown in errors
    data: Any

    def at(self, line: int) -> Location:
        return Location(self.name, line)


def line_of(node: Any, key: str | int | None = None) -> int:
    """1-based line of a mapping key / sequence item, or of the node itself; 0 if unknown."""
    try:
        if key is not None and isinstance(node, CommentedMap) and key in node:
            return int(node.lc.key(key)[0]) + 1
        if key is not None and isinstance(node, CommentedSeq) and isinstance(key, int):
            return int(node.lc.item(key)[0]) + 1
        if hasattr(node, "lc") and node.lc.line is not None:
            return int(node.lc.line) + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        pass
    return 0


def load_yaml(path: Path, root: Path | None = None) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one file; returns the document or the problems that stopped it."""
    name = display_path(path, root)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(Location(name), f"cannot read file: {exc.strerror}")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(Location(name), f"file is larger than {MAX_FILE_BYTES} bytes")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(Location(name, line), "file is not valid UTF-8")]
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        what = exc.problem or exc.context or "invalid YAML"
        return None, [Problem(Location(name, line), f"YAML syntax error: {what}")]
    except YAMLError as exc:
        return None, [Problem(Location(name), f"YAML error: {exc}")]
    return YamlDocument(path=path, name=name, data=data), []


def yaml_files(directory: Path) -> list[Path]:
    """Every *.yaml / *.yml file under a directory, in a stable order (hidden ones below it skipped;
    the directory's own path may have dots: ``../shared/knowledge``)."""
    if not directory.is_dir():
        return []
    files = [*directory.rglob("*.yaml"), *directory.rglob("*.yml")]
    return sorted(p for p in files
                  if not any(part.startswith(".") for part in p.relative_to(directory).parts))
