"""Communities and their chat-platform secrets, from one YAML or TOML file.

    communities:
      volunteers:                      # the {community} of /webhooks/{platform}/{community}
        name: Volunteers of the city
        telegram: {secret_token: ..., bot_token: ...}
        slack: {signing_secret: ..., bot_token: ...}

Secrets are SecretStr (never printed or logged); a value ``env:NAME`` is read from the
environment variable NAME. The file is re-read when it changes on disk.
"""

from __future__ import annotations

import os
import re
import threading
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, SecretStr, ValidationError, field_validator

from assistant.errors import ConfigError, Location, Problem, display_path, unknown_key
from assistant.yamlfile import line_of, load_yaml

COMMUNITY_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
PLATFORMS = ("telegram", "slack", "vk", "matrix", "discord")


class _Platform(BaseModel):
    model_config = ConfigDict(extra="forbid")
    notify_chat: str | None = None  # where moderator notifications go (a chat of this platform)

    @field_validator("*", mode="before")
    @classmethod
    def _from_environment(cls, value: Any) -> Any:
        if isinstance(value, str) and value.startswith("env:"):
            name = value[4:]
            if name not in os.environ:
                raise ValueError(f"environment variable {name} is not set")
            return os.environ[name]
        return value


class TelegramConfig(_Platform):
    secret_token: SecretStr  # setWebhook(secret_token=...), sent back in a header
    bot_token: SecretStr | None = None
    api_url: str = "https://api.telegram.org"


class SlackConfig(_Platform):
    signing_secret: SecretStr
    bot_token: SecretStr | None = None
    api_url: str = "https://slack.com/api"
    timestamp_tolerance: int = 300


class VkConfig(_Platform):
    secret: SecretStr
    confirmation: str  # the string the Callback API settings page asks the server to return
    access_token: SecretStr | None = None
    api_url: str = "https://api.vk.com/method"
    api_version: str = "5.199"


class MatrixConfig(_Platform):
    hs_token: SecretStr  # the homeserver authenticates itself with it
    as_token: SecretStr | None = None  # the bridge sends replies with it
    homeserver_url: str = "http://127.0.0.1:8008"
    bot_user_id: str | None = None  # its own messages are ignored


class DiscordConfig(_Platform):
    public_key: str | None = None  # the application's Ed25519 key (hex), for interactions
    relay_secret: SecretStr | None = None  # contrib/discord_relay.py signs with it
    bot_token: SecretStr | None = None
    api_url: str = "https://discord.com/api/v10"


class Community(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: str | None = None
    telegram: TelegramConfig | None = None
    slack: SlackConfig | None = None
    vk: VkConfig | None = None
    matrix: MatrixConfig | None = None
    discord: DiscordConfig | None = None

    def platform(self, name: str) -> Any:
        return getattr(self, name, None) if name in PLATFORMS else None


def describe(cid: str, error: Any) -> str:
    """One pydantic error as a manager reads it; an unknown key suggests the closest one."""
    where = [str(p) for p in error["loc"]]
    if error["type"] == "extra_forbidden":
        model: Any = Community
        for part in where[:-1]:
            model = Community.model_fields[part].annotation.__args__[0]  # type: ignore[union-attr]
        allowed = set(model.model_fields) - {"id"}
        return unknown_key(where[-1], allowed, f"community '{cid}'" + "".join(f".{p}" for p in where[:-1]))
    return f"community '{cid}': {'.'.join(where)}: {error['msg']}"


def _problems(name: str, data: Any, node_line: Any) -> tuple[dict[str, Community], list[Problem]]:
    problems: list[Problem] = []
    found: dict[str, Community] = {}
    if not isinstance(data, dict) or not isinstance(data.get("communities"), dict):
        return {}, [Problem(Location(name, 1), "expected a mapping 'communities:' of community ids")]
    for key in data:
        if key not in ("communities", "version"):
            problems.append(Problem(Location(name, node_line(data, key)),
                                    unknown_key(str(key), {"communities", "version"}, "top level")))
    section = data["communities"]
    for cid, body in section.items():
        line = node_line(section, cid)
        if not COMMUNITY_ID.match(str(cid)):
            problems.append(Problem(Location(name, line), f"community id '{cid}' must be lowercase "
                                    "letters, digits, '-' or '_' (it is part of the webhook URL)"))
            continue
        try:
            found[str(cid)] = Community.model_validate({"id": str(cid), **dict(body or {})})
        except ValidationError as exc:
            for error in exc.errors():
                where = [str(p) for p in error["loc"]]
                sub = body
                for part in where[:-1]:
                    sub = sub.get(part) if isinstance(sub, dict) else None
                at = node_line(sub, where[-1]) if isinstance(sub, dict) and where else 0
                problems.append(Problem(Location(name, at or line), describe(str(cid), error)))
    return found, problems


def load_communities(path: Path) -> dict[str, Community]:
    """Read and validate the whole file; raises ConfigError listing every problem."""
    if path.suffix == ".toml":
        name = display_path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError([Problem(Location(name), f"cannot read TOML: {exc}")]) from exc
        found, problems = _problems(name, data, lambda node, key: 0)
    else:
        doc, problems = load_yaml(path)
        if doc is None:
            raise ConfigError(problems)
        found, problems = _problems(doc.name, doc.data, line_of)
    if problems:
        raise ConfigError(problems)
    return found


class CommunityRegistry:
    """The communities file as last read; re-read when its modification time changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._communities: dict[str, Community] = {}
        self.problems: list[Problem] = []

    def get(self, community_id: str) -> Community | None:
        self._refresh()
        return self._communities.get(community_id)

    def all(self) -> dict[str, Community]:
        self._refresh()
        return dict(self._communities)

    def _refresh(self) -> None:
        try:
            stat = self.path.stat()
            stamp: tuple[int, int] | None = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = None
        with self._lock:
            if stamp == self._stamp:
                return
            if stamp is None:
                self._communities, self.problems = {}, []
            else:
                try:  # a broken file keeps the communities read before
                    self._communities, self.problems = load_communities(self.path), []
                except ConfigError as exc:
                    self.problems = exc.problems
            self._stamp = stamp
