"""Discord: gateway dispatches relayed by a bot, and interactions signed with Ed25519.

Discord delivers chat messages only over its gateway (a websocket), so a small relay
(contrib/discord_relay.py) forwards MESSAGE_CREATE / MESSAGE_UPDATE / MESSAGE_DELETE
payloads as they arrive, signed like Slack's: ``X-Relay-Signature: v0=HMAC-SHA256(relay_secret,
"v0:{X-Relay-Timestamp}:{body}")``. Interactions (PING) come from Discord itself, signed with
the application's Ed25519 key over ``timestamp + body``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from assistant.api.webhooks import slack
from assistant.api.webhooks.events import Incoming, as_dict, unauthorized
from assistant.communities import DiscordConfig
from assistant.models import Message

PING, PONG = 1, 1
DISPATCHES = ("MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE")
ANALYSED_TYPES = (0, 19)  # DEFAULT, REPLY


def is_gateway(body: dict[str, Any]) -> bool:
    return "op" in body and "t" in body


def verify_interaction(config: DiscordConfig, headers: Any, body: bytes) -> None:
    signature, timestamp = headers.get("x-signature-ed25519"), headers.get("x-signature-timestamp")
    if not config.public_key or not signature or not timestamp:
        raise unauthorized("discord", "missing X-Signature-Ed25519 or X-Signature-Timestamp")
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(config.public_key))
        key.verify(bytes.fromhex(signature), timestamp.encode() + body)
    except (ValueError, InvalidSignature) as exc:
        raise unauthorized("discord", "invalid request signature") from exc


def verify_relay(config: DiscordConfig, headers: Any, body: bytes, now: float) -> None:
    secret = config.relay_secret.get_secret_value() if config.relay_secret else None
    if not secret or not slack.is_valid(secret, headers.get("x-relay-timestamp"),
                                        headers.get("x-relay-signature"), body, now):
        raise unauthorized("discord", "missing, wrong or expired X-Relay-Signature")


def _time(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _message(data: dict[str, Any]) -> Message:
    author = as_dict(data.get("author"))
    reference = as_dict(data.get("message_reference"))
    member = as_dict(data.get("member"))
    name = member.get("nick") or author.get("global_name") or author.get("username")
    extra: dict[str, Any] = {}
    if data.get("guild_id"):
        extra["guild"] = str(data["guild_id"])
    if data.get("attachments"):
        extra["attachments"] = len(data["attachments"])
    replied = reference.get("message_id") if reference.get("type", 0) == 0 else None
    return Message(id=str(data["id"]), chat=str(data["channel_id"]),
                   author=str(author.get("id") or "unknown"), text=str(data.get("content") or ""),
                   reply_to=str(replied) if replied else None, author_name=name,
                   author_role="bot" if author.get("bot") else "member", platform="discord",
                   ts=_time(data.get("timestamp")), **extra)


def parse_dispatch(body: dict[str, Any]) -> Incoming | None:
    """A relayed gateway dispatch (op 0) as an Incoming event; None when not analysed."""
    data = as_dict(body.get("d"))
    kind = body.get("t")
    if body.get("op") != 0 or kind not in DISPATCHES or not data.get("id") or not data.get("channel_id"):
        return None
    if kind == "MESSAGE_DELETE":
        return Incoming.deleted(str(data["channel_id"]), str(data["id"]))
    if as_dict(data.get("author")).get("bot") or data.get("webhook_id"):
        return None
    if kind == "MESSAGE_UPDATE":
        if "content" not in data:
            return None  # an embed unfurled: nothing the author changed
        return Incoming.edited(_message(data), {"channel_id": str(data["channel_id"])})
    if data.get("type", 0) not in ANALYSED_TYPES:
        return None
    return Incoming.new(_message(data), {"channel_id": str(data["channel_id"])})
