"""Matrix application-service transactions -> SPEC §2 messages; the hs_token check.

The homeserver PUTs /_matrix/app/v1/transactions/{txnId} with ``{"events": [...]}`` and
authenticates with ``Authorization: Bearer <hs_token>`` (older servers: ``?access_token=``).
m.room.message events are messages; ``m.relates_to`` gives replies (``m.in_reply_to``),
threads (``m.thread``) and edits (``m.replace`` with ``m.new_content``); m.room.redaction is
a deletion.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from assistant.api.errors import ApiError
from assistant.api.webhooks.events import Incoming, as_dict, same_secret
from assistant.communities import MatrixConfig
from assistant.models import Message

TEXT_TYPES = ("m.text", "m.emote", "m.notice", "m.image", "m.file", "m.video", "m.audio")
FALLBACK = re.compile(r"\A(?:>[^\n]*\n)+\n?")  # the quoted original a reply starts with


def verify(config: MatrixConfig, authorization: str | None, query_token: str | None) -> None:
    """401 M_UNAUTHORIZED without a token, 403 M_FORBIDDEN with a wrong one (the spec's codes)."""
    token = query_token
    if authorization and authorization.lower().startswith("bearer "):
        token = authorization[7:].strip()
    if not token:
        raise ApiError(401, "M_UNAUTHORIZED", "matrix transaction: no hs_token given")
    if not same_secret(token, config.hs_token.get_secret_value()):
        raise ApiError(403, "M_FORBIDDEN", "matrix transaction: wrong hs_token")


def _time(event: dict[str, Any]) -> datetime | None:
    ts = event.get("origin_server_ts")
    return datetime.fromtimestamp(ts / 1000, UTC) if isinstance(ts, int) else None


def _body(content: dict[str, Any], is_reply: bool) -> str:
    text = str(content.get("body") or "")
    if is_reply:
        text = FALLBACK.sub("", text)
    if content.get("msgtype") not in ("m.text", "m.emote", "m.notice"):
        return ""  # a file name is not something the member said
    return text


def _relation(content: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(rel_type, related event, replied-to event)."""
    relates = as_dict(content.get("m.relates_to"))
    replied = as_dict(relates.get("m.in_reply_to")).get("event_id")
    return relates.get("rel_type"), relates.get("event_id"), replied


def parse_event(event: dict[str, Any], config: MatrixConfig) -> Incoming | None:
    room, sender = event.get("room_id"), event.get("sender")
    if not room or not sender or not event.get("event_id"):
        return None
    if config.bot_user_id and sender == config.bot_user_id:
        return None
    content = as_dict(event.get("content"))
    if event.get("type") == "m.room.redaction":
        redacts = event.get("redacts") or content.get("redacts")
        return Incoming.deleted(str(room), str(redacts)) if redacts else None
    if event.get("type") != "m.room.message" or content.get("msgtype") not in TEXT_TYPES:
        return None
    rel_type, related, replied = _relation(content)
    role = "bot" if content.get("msgtype") == "m.notice" else "member"  # notices are bots'
    if rel_type == "m.replace" and related:
        new = as_dict(content.get("m.new_content")) or content
        message = Message(id=str(related), chat=str(room), author=str(sender),
                          text=_body(new, False), platform="matrix", author_role=role,
                          ts=_time(event))
        return Incoming.edited(message, {"room_id": room})
    reply_to = replied or (related if rel_type == "m.thread" else None)
    extra: dict[str, Any] = {"msgtype": content.get("msgtype")}
    if rel_type == "m.thread" and related:
        extra["thread"] = str(related)
    message = Message(id=str(event["event_id"]), chat=str(room), author=str(sender),
                      text=_body(content, replied is not None), reply_to=reply_to,
                      platform="matrix", author_role=role, ts=_time(event), **extra)
    route = {"room_id": room, "thread": extra.get("thread")}
    return Incoming.new(message, route)


def parse_transaction(body: dict[str, Any], config: MatrixConfig) -> list[Incoming]:
    events = body.get("events")
    if not isinstance(events, list):
        raise ApiError(400, "M_BAD_JSON", "a transaction needs an 'events' list")
    found = [parse_event(e, config) for e in events if isinstance(e, dict)]
    return [e for e in found if e is not None]
