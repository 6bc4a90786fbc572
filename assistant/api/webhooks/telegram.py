"""Telegram Bot API updates -> SPEC §2 messages; the secret-token header check.

Handles message, edited_message, channel_post and edited_channel_post. A message in a forum
topic keeps the topic in ``thread`` (and in the reply route); the topic's creation message is
not counted as the message replied to. Telegram sends no deletions to bots.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from assistant.api.webhooks.events import Incoming, as_dict, same_secret, unauthorized
from assistant.communities import TelegramConfig
from assistant.models import Message

NEW = ("message", "channel_post")
EDITED = ("edited_message", "edited_channel_post")
GROUP_ANONYMOUS_BOT = 1087968824


def verify(config: TelegramConfig, header: str | None) -> None:
    """X-Telegram-Bot-Api-Secret-Token must equal the secret_token given to setWebhook."""
    if not same_secret(header, config.secret_token.get_secret_value()):
        raise unauthorized("telegram", "missing or wrong X-Telegram-Bot-Api-Secret-Token")


def parse_update(update: dict[str, Any]) -> Incoming | None:
    """The update as an Incoming event, or None for kinds the assistant does not analyse."""
    for kind in NEW + EDITED:
        body = update.get(kind)
        if isinstance(body, dict):
            message, route = _message(body, channel=kind.endswith("channel_post"))
            if message is None:
                return None
            return Incoming.edited(message, route) if kind in EDITED else Incoming.new(message, route)
    return None


def _text(body: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    if isinstance(body.get("text"), str):
        return body["text"], [e for e in body.get("entities") or [] if isinstance(e, dict)]
    if isinstance(body.get("caption"), str):
        return body["caption"], [e for e in body.get("caption_entities") or [] if isinstance(e, dict)]
    return "", []


def _links(text: str, entities: list[dict[str, Any]]) -> list[str]:
    """URLs in the text, including hidden ones (text_link): spam hides its links there."""
    encoded = text.encode("utf-16-le")  # entity offsets count UTF-16 code units
    links = []
    for entity in entities:
        if entity.get("type") == "text_link" and entity.get("url"):
            links.append(str(entity["url"]))
        elif entity.get("type") == "url":
            start, length = int(entity.get("offset", 0)), int(entity.get("length", 0))
            links.append(encoded[2 * start: 2 * (start + length)].decode("utf-16-le", "replace"))
    return links


def _author(body: dict[str, Any], chat: dict[str, Any], channel: bool) -> tuple[str, str, str | None]:
    """(author id, role, display name)."""
    sender_chat = as_dict(body.get("sender_chat"))
    user = as_dict(body.get("from"))
    if channel or (sender_chat and sender_chat.get("id") == chat.get("id")):
        # a channel post, or an anonymous group admin writing as the group
        name = body.get("author_signature") or sender_chat.get("title") or chat.get("title")
        return str(sender_chat.get("id", chat.get("id"))), "manager" if channel else "moderator", name
    if sender_chat:  # a linked channel or another chat speaking in the group
        return str(sender_chat["id"]), "member", sender_chat.get("title")
    name = " ".join(str(user[k]) for k in ("first_name", "last_name") if user.get(k)) or None
    role = "bot" if user.get("is_bot") and user.get("id") != GROUP_ANONYMOUS_BOT else "member"
    return str(user.get("id", "unknown")), role, name or user.get("username")


def _reply_to(body: dict[str, Any]) -> str | None:
    replied = as_dict(body.get("reply_to_message"))
    if not replied:
        return None
    thread = body.get("message_thread_id")
    if body.get("is_topic_message") and replied.get("message_id") == thread:
        return None  # every message of a topic "replies" to the topic's creation
    return str(replied["message_id"]) if "message_id" in replied else None


def _message(body: dict[str, Any], channel: bool) -> tuple[Message | None, dict[str, Any]]:
    chat = as_dict(body.get("chat"))
    if "message_id" not in body or "id" not in chat:
        return None, {}
    text, entities = _text(body)
    author, role, name = _author(body, chat, channel)
    extra: dict[str, Any] = {"chat_type": chat.get("type"), "chat_title": chat.get("title")}
    thread = body.get("message_thread_id") if body.get("is_topic_message") else None
    if thread is not None:
        extra["thread"] = str(thread)
    links = _links(text, entities)
    if links:
        extra["links"] = links
    if entities:
        extra["entities"] = sorted({str(e.get("type")) for e in entities})
    if not text:
        extra["media"] = next((k for k in ("photo", "video", "sticker", "document", "voice",
                                           "animation", "audio", "dice", "poll") if k in body), None)
    message = Message(id=str(body["message_id"]), chat=str(chat["id"]), author=author, text=text,
                      reply_to=_reply_to(body), author_role=role, author_name=name,
                      platform="telegram", ts=_time(body.get("date")),
                      lang=None, **{k: v for k, v in extra.items() if v is not None})
    route = {"chat_id": chat["id"]}
    if thread is not None:
        route["message_thread_id"] = thread
    return message, route


def _time(value: Any) -> datetime | None:
    return datetime.fromtimestamp(int(value), UTC) if isinstance(value, int) and value > 0 else None


def webhook_reply(route: dict[str, Any], text: str, reply_to: str | None) -> dict[str, Any]:
    """A sendMessage call given as the webhook's response (no second request needed)."""
    call: dict[str, Any] = {"method": "sendMessage", "chat_id": route["chat_id"], "text": text}
    if route.get("message_thread_id") is not None:
        call["message_thread_id"] = route["message_thread_id"]
    if reply_to is not None:
        call["reply_parameters"] = {"message_id": int(reply_to) if reply_to.isdigit() else reply_to,
                                    "allow_sending_without_reply": True}
    return call
