"""VK Callback API bodies -> SPEC §2 messages; the secret check.

``message_new`` comes in two shapes: API 5.103+ wraps the message as
``object.message`` (with ``client_info``), older versions send the message as ``object``.
In a community chat the message id that is stable per conversation is
``conversation_message_id`` (``id`` is 0 there), so it is preferred.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from assistant.api.webhooks.events import Incoming, as_dict, same_secret, unauthorized
from assistant.communities import VkConfig
from assistant.models import Message

CHAT_PEER_OFFSET = 2_000_000_000


def verify(config: VkConfig, body: dict[str, Any]) -> None:
    given = body.get("secret")
    if not same_secret(given if isinstance(given, str) else None, config.secret.get_secret_value()):
        raise unauthorized("vk", "missing or wrong secret")


def _message_object(body: dict[str, Any]) -> dict[str, Any]:
    obj = as_dict(body.get("object"))
    return as_dict(obj["message"]) if isinstance(obj.get("message"), dict) else obj


def message_id(obj: dict[str, Any]) -> str | None:
    for key in ("conversation_message_id", "id"):
        value = obj.get(key)
        if isinstance(value, int) and value > 0:
            return str(value)
    return None


def _reply_to(obj: dict[str, Any]) -> str | None:
    replied = as_dict(obj.get("reply_to"))
    if replied:
        return message_id(replied)
    return None


def parse_event(body: dict[str, Any]) -> Incoming | None:
    """message_new and message_edit as Incoming events; None for other types."""
    kind = body.get("type")
    if kind not in ("message_new", "message_edit"):
        return None
    obj = _message_object(body)
    mid = message_id(obj)
    if mid is None or "peer_id" not in obj or obj.get("out") == 1:
        return None  # the community's own outgoing messages are not analysed
    peer, author = int(obj["peer_id"]), int(obj.get("from_id") or 0)
    extra: dict[str, Any] = {}
    if obj.get("action"):
        extra["action"] = as_dict(obj["action"]).get("type")
    if obj.get("attachments"):
        extra["attachments"] = [as_dict(a).get("type") for a in obj["attachments"]]
    message = Message(
        id=mid, chat=str(peer), author=str(author), text=str(obj.get("text") or ""),
        reply_to=_reply_to(obj), platform="vk",
        author_role="bot" if author < 0 else "member",  # negative ids are communities
        ts=datetime.fromtimestamp(int(obj["date"]), UTC) if obj.get("date") else None, **extra)
    route = {"peer_id": peer, "conversation_message_id": obj.get("conversation_message_id"),
             "is_chat": peer > CHAT_PEER_OFFSET}
    return Incoming.edited(message, route) if kind == "message_edit" else Incoming.new(message, route)
