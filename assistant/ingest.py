"""Reading message streams for ``assistant analyze``: JSON Lines or a Telegram Desktop export."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from pydantic import ValidationError

from assistant.models import Message


@dataclass
class InputError:
    """One input record that is not a valid message; ``line`` is 1-based (0 for JSON exports)."""

    line: int
    problem: str


def describe_validation_error(exc: ValidationError) -> str:
    """'field: problem; field: problem' — what the user must fix, without pydantic's noise."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or "message"
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)


def parse_message(data: Any) -> Message:
    if not isinstance(data, dict):
        raise ValueError(f"a message must be a JSON object, got {type(data).__name__}")
    return Message.model_validate(data)


def read_json_lines(stream: IO[str]) -> Iterator[Message | InputError]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            yield parse_message(json.loads(line))
        except json.JSONDecodeError as exc:
            yield InputError(number, f"invalid JSON at column {exc.colno}: {exc.msg}")
        except ValidationError as exc:
            yield InputError(number, describe_validation_error(exc))
        except ValueError as exc:
            yield InputError(number, str(exc))


def _telegram_text(text: Any) -> str:
    """Telegram exports store formatted text as a list of strings and entity objects."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(part if isinstance(part, str) else str(part.get("text", "")) for part in text)
    return ""


def _telegram_chats(export: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if "messages" in export:
        yield export
    for chat in (export.get("chats") or {}).get("list", []):
        if isinstance(chat, dict) and "messages" in chat:
            yield chat


def read_telegram_export(export: dict[str, Any]) -> Iterator[Message | InputError]:
    """Messages of a Telegram Desktop ``result.json`` (one chat or a full export)."""
    for chat in _telegram_chats(export):
        chat_id = str(chat.get("id", chat.get("name", "telegram")))
        for item in chat.get("messages", []):
            if not isinstance(item, dict) or item.get("type") != "message":
                continue
            try:
                yield Message(
                    id=str(item["id"]), chat=chat_id, platform="telegram",
                    author=str(item.get("from_id") or item.get("actor_id") or "unknown"),
                    author_name=item.get("from"), text=_telegram_text(item.get("text", "")),
                    reply_to=(str(item["reply_to_message_id"])
                              if item.get("reply_to_message_id") is not None else None),
                    ts=item.get("date"),
                )
            except (KeyError, ValidationError) as exc:
                yield InputError(0, f"telegram message {item.get('id')!r}: {exc}")


def read_messages(stream: IO[str]) -> Iterator[Message | InputError]:
    """JSON Lines, streamed; or, when the first line is not a whole JSON value, one JSON document
    (a Telegram Desktop export)."""
    skipped = 0
    first = stream.readline()
    while first and not first.strip():
        skipped += 1
        first = stream.readline()
    if not first:
        return
    try:
        json.loads(first)
    except json.JSONDecodeError:
        text = first + stream.read()
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            yield InputError(skipped + exc.lineno, f"invalid JSON at column {exc.colno}: {exc.msg}")
            return
        if isinstance(document, dict) and ("messages" in document or "chats" in document):
            yield from read_telegram_export(document)
        else:
            yield InputError(skipped + 1, "expected JSON Lines (one message object a line) or a "
                             "Telegram Desktop export (result.json)")
        return
    for item in read_json_lines(itertools.chain([first], stream)):
        if isinstance(item, InputError):
            item.line += skipped
        yield item
