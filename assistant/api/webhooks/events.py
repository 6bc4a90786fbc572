"""What a platform payload means to the assistant: a new message, an edit or a deletion."""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from typing import Any, Literal

from assistant.api.errors import ApiError
from assistant.models import Message


@dataclass
class Incoming:
    """One platform event, already turned into SPEC §2 terms.

    ``route`` carries what a reply needs beyond the chat id (a Telegram topic, a Slack thread,
    a Matrix room) and is stored with the queued reply."""

    kind: Literal["message", "edit", "delete"]
    message: Message | None = None
    chat: str = ""
    message_id: str = ""
    route: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, message: Message, route: dict[str, Any] | None = None) -> Incoming:
        return cls("message", message, message.chat, message.id, route or {})

    @classmethod
    def edited(cls, message: Message, route: dict[str, Any] | None = None) -> Incoming:
        return cls("edit", message, message.chat, message.id, route or {})

    @classmethod
    def deleted(cls, chat: str, message_id: str) -> Incoming:
        return cls("delete", None, chat, message_id)


def same_secret(given: str | None, expected: str) -> bool:
    """Constant-time comparison; a missing value never matches."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def unauthorized(platform: str, what: str) -> ApiError:
    """401 without telling which part was wrong (and never echoing a secret)."""
    return ApiError(401, "unauthorized", f"{platform} webhook: {what}")


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
