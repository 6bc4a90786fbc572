"""Each platform's send API: the request for one queued reply, and what its answer means."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx

from assistant.store.webhooks import OutboxItem


@dataclass
class Outcome:
    """``ok``; or a failure that is retried (``retry``, maybe after ``after`` seconds) or final."""

    ok: bool
    error: str = ""
    retry: bool = False
    after: float | None = None


@dataclass
class Call:
    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    json: Any = None
    data: dict[str, str] | None = None


class NotConfigured(Exception):
    """The community has no credentials to send on this platform."""


def _secret(config: Any, name: str) -> str:
    value = getattr(config, name, None)
    if value is None:
        raise NotConfigured(f"no {name} configured")
    return str(value.get_secret_value())


def _int_or_str(value: str) -> int | str:
    return int(value) if value.lstrip("-").isdigit() else value


def telegram_call(item: OutboxItem, config: Any) -> Call:
    body: dict[str, Any] = {"chat_id": item.route.get("chat_id", _int_or_str(item.chat)),
                            "text": item.text}
    if item.route.get("message_thread_id") is not None:
        body["message_thread_id"] = item.route["message_thread_id"]
    if item.reply_to:
        body["reply_parameters"] = {"message_id": _int_or_str(item.reply_to),
                                    "allow_sending_without_reply": True}
    return Call("POST", f"{config.api_url}/bot{_secret(config, 'bot_token')}/sendMessage", json=body)


def slack_call(item: OutboxItem, config: Any) -> Call:
    body: dict[str, Any] = {"channel": item.chat, "text": item.text}
    if item.route.get("thread_ts"):
        body["thread_ts"] = item.route["thread_ts"]
    return Call("POST", f"{config.api_url}/chat.postMessage", json=body,
                headers={"Authorization": f"Bearer {_secret(config, 'bot_token')}"})


def vk_call(item: OutboxItem, config: Any) -> Call:
    data = {"access_token": _secret(config, "access_token"), "v": config.api_version,
            "peer_id": item.chat, "random_id": str(item.id), "message": item.text}
    if item.reply_to:  # random_id makes a repeated send a no-op on VK's side
        data["forward"] = json.dumps({"peer_id": int(item.chat), "is_reply": True,
                                      "conversation_message_ids": [int(item.reply_to)]})
    return Call("POST", f"{config.api_url}/messages.send", data=data)


def matrix_call(item: OutboxItem, config: Any) -> Call:
    content: dict[str, Any] = {"msgtype": "m.notice", "body": item.text}
    relates: dict[str, Any] = {}
    if item.reply_to:
        relates["m.in_reply_to"] = {"event_id": item.reply_to}
    if item.route.get("thread"):
        relates.update({"rel_type": "m.thread", "event_id": item.route["thread"],
                        "is_falling_back": not item.reply_to})
    if relates:
        content["m.relates_to"] = relates
    room = quote(item.chat, safe="")
    url = (f"{config.homeserver_url}/_matrix/client/v3/rooms/{room}/send/m.room.message/"
           f"assistant-outbox-{item.id}")  # the transaction id makes a resend idempotent
    return Call("PUT", url, json=content,
                headers={"Authorization": f"Bearer {_secret(config, 'as_token')}"})


def discord_call(item: OutboxItem, config: Any) -> Call:
    body: dict[str, Any] = {"content": item.text, "allowed_mentions": {"parse": []}}
    if item.reply_to:
        body["message_reference"] = {"message_id": item.reply_to, "fail_if_not_exists": False}
    return Call("POST", f"{config.api_url}/channels/{item.chat}/messages", json=body,
                headers={"Authorization": f"Bot {_secret(config, 'bot_token')}"})


CALLS = {"telegram": telegram_call, "slack": slack_call, "vk": vk_call, "matrix": matrix_call,
         "discord": discord_call}
VK_RETRIED = {1, 6, 9, 10}  # unknown, too many requests, flood control, internal error


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _after(response: httpx.Response, data: dict[str, Any]) -> float | None:
    """Retry-After in any of the platforms' spellings, in seconds."""
    for value in (response.headers.get("retry-after"),
                  (data.get("parameters") or {}).get("retry_after"), data.get("retry_after")):
        try:
            if value is not None:
                return float(value)
        except (TypeError, ValueError):
            continue
    ms = data.get("retry_after_ms")
    return float(ms) / 1000 if isinstance(ms, int | float) else None


def judge(platform: str, response: httpx.Response) -> Outcome:
    """Success, a retryable failure (429, 5xx, rate limits) or a final one (other 4xx)."""
    data = _json(response)
    status = response.status_code
    if status == 429 or status >= 500:
        return Outcome(False, f"HTTP {status}", retry=True, after=_after(response, data))
    if status >= 400:
        detail = data.get("description") or data.get("error") or data.get("message") or ""
        return Outcome(False, f"HTTP {status}: {str(detail)[:200]}")
    if platform == "slack" and not data.get("ok"):
        error = str(data.get("error") or "not ok")
        return Outcome(False, f"slack: {error}", retry=error == "ratelimited", after=_after(response, data))
    if platform == "vk" and "error" in data:
        code = (data.get("error") or {}).get("error_code")
        return Outcome(False, f"vk: error {code}", retry=code in VK_RETRIED)
    if platform == "telegram" and data.get("ok") is False:
        return Outcome(False, f"telegram: {data.get('description', 'not ok')}")
    return Outcome(True)
