"""The SPEC shapes, defined once: the incoming message and the outgoing verdict."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
)

Role = Literal["member", "moderator", "manager", "bot"]
Platform = Literal["generic", "telegram", "slack", "vk", "discord", "matrix"]


class Message(BaseModel):
    """One chat message (SPEC §2). Unknown fields are kept in ``model_extra`` and stored."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=False)

    id: str = Field(min_length=1, max_length=256)
    chat: str = Field(min_length=1, max_length=256)
    author: str = Field(min_length=1, max_length=256)
    text: str = Field(max_length=100_000)
    reply_to: str | None = None
    ts: datetime | None = None
    author_role: Role = "member"
    author_name: str | None = None
    platform: Platform = "generic"
    lang: str | None = None

    @field_validator("id", "chat", "author", "reply_to", mode="before")
    @classmethod
    def _ids_as_strings(cls, value: Any) -> Any:
        """Platforms send numeric ids; the SPEC keeps them as strings."""
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            return str(value)
        return value

    @field_validator("ts")
    @classmethod
    def _aware_utc(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value

    @property
    def key(self) -> tuple[str, str, str]:
        """The idempotency key: a platform's chat never reuses a message id."""
        return (self.platform, self.chat, self.id)

    def with_received_time(self) -> Message:
        """The message with ``ts`` defaulted to now (SPEC: default is when received)."""
        if self.ts is not None:
            return self
        return self.model_copy(update={"ts": datetime.now(UTC)})


class Compact(BaseModel):
    """Optional extension fields are left out of the JSON when unset."""

    @model_serializer(mode="wrap")
    def _drop_unset_extensions(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        return {k: v for k, v in data.items() if v is not None}


class FaqMatch(Compact):
    id: str
    score: float = Field(ge=0, le=1)
    answer: str
    # Optional extensions (SPEC allows new optional fields).
    status: Literal["answered", "suppressed", "candidate"] | None = None
    question: str | None = None


class Flag(Compact):
    category: str
    rule: str
    severity: Literal["low", "medium", "high"]
    reason: str
    # Optional extensions: why exactly this rule fired.
    score: float | None = None
    threshold: float | None = None
    span: str | None = None
    rule_version: str | None = None
    mode: Literal["enforce", "shadow"] | None = None


class Highlight(Compact):
    score: float = Field(ge=0, le=1)
    reason: str
    question_id: str | None = None


class Action(Compact):
    type: str  # reply | notify
    text: str | None = None
    reply_to: str | None = None
    target: str | None = None


class Verdict(BaseModel):
    """The assistant's answer for one message (SPEC §3)."""

    message_id: str
    chat: str
    lang: str
    faq: FaqMatch | None = None
    flags: list[Flag] = Field(default_factory=list)
    highlight: Highlight | None = None
    actions: list[Action] = Field(default_factory=list)
