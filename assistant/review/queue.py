"""The moderators' queue: flags grouped by thread, most severe and oldest first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant.store import Store
from assistant.store import review as db

SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1}
FILTER_KEYS = ("chat", "category", "severity", "state")
MAX_CHAIN = 30


@dataclass
class ThreadGroup:
    """The flags of one conversation: messages linked by replies share a root."""

    platform: str
    chat: str
    root: str
    items: list[dict[str, Any]] = field(default_factory=list)
    context: list[dict[str, Any]] = field(default_factory=list)  # messages around the first item

    @property
    def severity(self) -> str:
        return max((i["severity"] for i in self.items), key=lambda s: SEVERITY_RANK.get(s, 0))

    @property
    def oldest(self) -> str:
        return min(i["created_at"] for i in self.items)


def group_by_thread(rows: list[dict[str, Any]],
                    root_of: Callable[[dict[str, Any]], str]) -> list[ThreadGroup]:
    """Group flag rows by (platform, chat, thread root); most severe, then oldest, first."""
    groups: dict[tuple[str, str, str], ThreadGroup] = {}
    for row in rows:
        key = (row["platform"], row["chat"], root_of(row))
        groups.setdefault(key, ThreadGroup(*key)).items.append(row)
    for group in groups.values():
        group.items.sort(key=lambda i: (-SEVERITY_RANK.get(i["severity"], 0), i["ts"], i["id"]))
    return sorted(groups.values(), key=lambda g: (-SEVERITY_RANK.get(g.severity, 0), g.oldest))


def thread_root(store: Store, platform: str, chat: str, message_id: str,
                reply_to: str | None) -> str:
    """The first message of the reply chain (bounded; a missing parent ends the chain)."""
    current, parent, seen = message_id, reply_to, {message_id}
    while parent and parent not in seen and len(seen) < MAX_CHAIN:
        row = db.message_by_id(store, platform, chat, parent)
        if row is None:
            break
        seen.add(parent)
        current, parent = row["message_id"], row["reply_to"]
    return current


def clean_filters(raw: dict[str, Any]) -> dict[str, str | None]:
    return {k: (str(raw[k]).strip() or None) if raw.get(k) else None for k in FILTER_KEYS}


def load_queue(store: Store, filters: dict[str, str | None]) -> dict[str, Any]:
    """Everything the queue page and GET /v1/review/queue show."""
    rows = db.list_flags(store, filters)
    roots: dict[tuple[str, str, str], str] = {}

    def root_of(row: dict[str, Any]) -> str:
        key = (row["platform"], row["chat"], row["message_id"])
        if key not in roots:
            roots[key] = thread_root(store, *key, row["reply_to"])
        return roots[key]

    return {"groups": group_by_thread(rows, root_of), "counts": db.state_counts(store, filters),
            "choices": db.filter_choices(store), "filters": filters}


def load_thread(store: Store, flag_id: int, before: int = 6, after: int = 6) -> dict[str, Any] | None:
    """A flag with the conversation around it (who replied to whom) and its history."""
    flag = db.get_flag(store, flag_id)
    if flag is None:
        return None
    around = db.messages_around(store, flag["platform"], flag["chat"], flag["ts"], before, after)
    by_id = {m["message_id"]: m for m in around}
    parent_id = flag["reply_to"]
    if parent_id and parent_id not in by_id:
        parent = db.message_by_id(store, flag["platform"], flag["chat"], parent_id)
        if parent is not None:
            around.insert(0, parent)
            by_id[parent_id] = parent
    for message in around:
        target = by_id.get(message.get("reply_to") or "")
        message["reply_to_author"] = (target.get("author_name") or target["author"]) if target else None
        message["is_flagged_message"] = message["id"] == flag["message_rowid"]
        message["flags"] = db.flags_of_message(store, message["id"])
    return {"flag": flag, "messages": around, "history": db.history(store, "flag", flag_id)}
