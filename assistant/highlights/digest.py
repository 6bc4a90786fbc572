"""The weekly digest: the best answers and the most helpful members, as Markdown and HTML."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from assistant.store import Store
from assistant.store.highlights import helpful_members, list_highlights

UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str, now: datetime | None = None) -> datetime:
    """``7d``, ``24h``, ``2w``, ``30m`` before now, or an ISO date/time."""
    now = now or datetime.now(UTC)
    value = value.strip()
    if value[:-1].isdigit() and value[-1:] in UNITS:
        return now - timedelta(**{UNITS[value[-1]]: int(value[:-1])})
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"'{value}' is not a period like 7d, 24h, 2w or an ISO date") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def message_link(platform: str, chat: str, message_id: str, extra: dict[str, Any]) -> str | None:
    """A link back to the message where the platform gives one."""
    for key in ("link", "url", "permalink"):
        if isinstance(extra.get(key), str) and extra[key].startswith("http"):
            return str(extra[key])
    if platform == "telegram":
        if chat.startswith("@"):
            return f"https://t.me/{chat[1:]}/{message_id}"
        if chat.startswith("-100") and chat[4:].isdigit():
            return f"https://t.me/c/{chat[4:]}/{message_id}"
    return None


@dataclass
class Digest:
    since: datetime
    until: datetime
    chat: str | None
    answers: list[dict[str, Any]] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)


def collect_digest(store: Store, since: datetime, chat: str | None = None, min_score: float = 0.5,
                   limit: int = 10) -> Digest:
    """Featured answers first, then the best by score; members by their highlighted answers."""
    stamp = since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")
    rows = list_highlights(store, stamp, chat=chat, min_score=min_score, limit=200)
    rows.sort(key=lambda r: (not r["featured"], -r["score"]))
    for row in rows:
        row["link"] = message_link(row["platform"], row["chat"], row["message_id"], row["extra"])
        row["who"] = row["author_name"] or row["author"]
        row["asker_who"] = row["asker_name"] or row["asker"]
    members = helpful_members(store, stamp, chat=chat, min_score=min_score)
    for member in members:
        member["who"] = member["author_name"] or member["author"]
    return Digest(since=since, until=datetime.now(UTC), chat=chat, answers=rows[:limit],
                  members=members)


def render_digest(digest: Digest, fmt: str = "md") -> str:
    """The digest as Markdown (``md``) or a standalone HTML page (``html``)."""
    env = Environment(loader=PackageLoader("assistant.highlights", "templates"),
                      autoescape=select_autoescape(["html", "html.j2"]), trim_blocks=True, lstrip_blocks=True)
    template = env.get_template("digest.html.j2" if fmt == "html" else "digest.md.j2")
    return template.render(digest=digest)
