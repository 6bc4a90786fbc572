"""Slack Events API bodies -> SPEC §2 messages; the X-Slack-Signature check.

Thread replies reply to their thread's parent; edits (message_changed) and deletions
(message_deleted) are events of their own; bot messages and other subtypes are ignored.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime
from typing import Any

from assistant.api.webhooks.events import Incoming, as_dict, unauthorized
from assistant.communities import SlackConfig
from assistant.models import Message

ANALYSED_SUBTYPES = (None, "thread_broadcast", "file_share", "me_message")


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """v0=HMAC-SHA256(signing secret, "v0:{timestamp}:{raw body}")."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def is_valid(secret: str, timestamp: str | None, given: str | None, body: bytes, now: float,
             tolerance: int = 300) -> bool:
    """The signature matches and the timestamp is within ``tolerance`` seconds of ``now``."""
    if not timestamp or not given or not timestamp.strip().lstrip("-").isdigit():
        return False
    if abs(now - int(timestamp)) > tolerance:
        return False  # a replayed request
    return hmac.compare_digest(signature(secret, timestamp, body).encode(), given.encode())


def verify(config: SlackConfig, headers: Any, body: bytes, now: float) -> None:
    if not is_valid(config.signing_secret.get_secret_value(),
                    headers.get("x-slack-request-timestamp"), headers.get("x-slack-signature"),
                    body, now, config.timestamp_tolerance):
        raise unauthorized("slack", "missing, wrong or expired X-Slack-Signature")


def _ts(value: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(float(value), UTC)
    except (TypeError, ValueError):
        return None


def _is_bot(event: dict[str, Any]) -> bool:
    return bool(event.get("bot_id") or event.get("bot_profile")) or event.get("subtype") == "bot_message"


def _message(event: dict[str, Any], channel: str, team: str | None) -> Message:
    ts = str(event["ts"])
    thread = event.get("thread_ts")
    extra: dict[str, Any] = {}
    if team:
        extra["team"] = team
    if thread:
        extra["thread"] = str(thread)
    if event.get("files"):
        extra["files"] = len(event["files"])
    return Message(id=ts, chat=channel, author=str(event.get("user") or "unknown"),
                   text=str(event.get("text") or ""),
                   reply_to=str(thread) if thread and thread != ts else None,
                   ts=_ts(ts), platform="slack", **extra)


def parse_event(body: dict[str, Any]) -> Incoming | None:
    """An ``event_callback`` body as an Incoming event; None for anything not analysed."""
    event = as_dict(body.get("event"))
    if body.get("type") != "event_callback" or event.get("type") != "message":
        return None
    channel = str(event.get("channel") or "")
    if not channel:
        return None
    team = body.get("team_id")
    subtype = event.get("subtype")
    if subtype == "message_deleted":
        deleted = event.get("deleted_ts") or as_dict(event.get("previous_message")).get("ts")
        return Incoming.deleted(channel, str(deleted)) if deleted else None
    if subtype == "message_changed":
        edited = dict(as_dict(event.get("message")))
        edited.setdefault("ts", as_dict(event.get("previous_message")).get("ts"))
        if not edited.get("ts") or _is_bot(edited):
            return None
        message = _message(edited, channel, team)
        return Incoming.edited(message, {"channel": channel, "thread_ts": edited.get("thread_ts")})
    if subtype not in ANALYSED_SUBTYPES or _is_bot(event) or not event.get("ts"):
        return None
    message = _message(event, channel, team)
    # a reply goes into the message's thread (a new thread under a top-level message)
    return Incoming.new(message, {"channel": channel,
                                  "thread_ts": event.get("thread_ts") or event["ts"]})
