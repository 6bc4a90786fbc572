"""Errors users see: every problem names where it is (file and line) and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path


@dataclass(frozen=True, order=True)
class Location:
    """A place in a managers' file; ``line`` is 1-based, 0 when unknown."""

    file: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True, order=True)
class Problem:
    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class AssistantError(Exception):
    """Base of every error the assistant raises on purpose."""


class ConfigError(AssistantError):
    """A rules or knowledge set failed validation; carries every problem found, not the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(word: str, options: list[str] | set[str]) -> str:
    """' (did you mean 'x'?)' when a close option exists, else ''."""
    close = get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def unknown_key(key: str, allowed: set[str], where: str) -> str:
    return f"{where}: unknown key '{key}'{did_you_mean(key, allowed)}"


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as a user typed it: relative to the current directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        if root is not None:
            try:
                return str(path.resolve().relative_to(root.resolve().parent))
            except ValueError:
                pass
        return str(path)
