"""What every webhook does after parsing: analyse, record, queue the replies, dedupe retries."""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from assistant.api.errors import ApiError
from assistant.api.webhooks.events import Incoming
from assistant.communities import Community, CommunityRegistry
from assistant.models import Verdict
from assistant.service import Assistant, ProcessingError
from assistant.store import webhooks as book


@dataclass
class Reply:
    chat: str
    text: str
    reply_to: str | None
    route: dict[str, Any]
    key: str


def registry(request: Request) -> CommunityRegistry:
    state = request.app.state
    if getattr(state, "communities", None) is None:
        state.communities = CommunityRegistry(state.settings.communities)
    return state.communities  # type: ignore[no-any-return]


def platform_config(request: Request, platform: str, community_id: str) -> tuple[Community, Any]:
    """The community and its settings for this platform; 404 for anything not configured."""
    community = registry(request).get(community_id)
    config = community.platform(platform) if community is not None else None
    if community is None or config is None:
        raise ApiError(404, "not_found", f"no community '{community_id}' with {platform} configured")
    return community, config


def assistant_of(request: Request) -> Assistant:
    return request.app.state.assistant  # type: ignore[no-any-return]


async def analyse(request: Request, platform: str, incoming: Incoming) -> Verdict | None:
    """New messages go through the micro-batcher; edits re-run the analysers; deletions are
    recorded. Returns the verdict (None for a deletion)."""
    assistant = assistant_of(request)
    if incoming.kind == "delete":
        await asyncio.to_thread(assistant.record_deletion, platform, incoming.chat, incoming.message_id)
        return None
    assert incoming.message is not None
    if incoming.kind == "edit":
        try:
            return await asyncio.to_thread(assistant.handle_edit, incoming.message)
        except ProcessingError as exc:
            raise _failed(incoming) from exc
    result = await request.app.state.batcher.submit(incoming.message)
    if isinstance(result, ProcessingError):
        raise _failed(incoming)
    return result  # type: ignore[no-any-return]


def _failed(incoming: Incoming) -> ApiError:
    return ApiError(500, "processing_failed", "the message was stored but could not be analysed; "
                    "the platform's retry will analyse it again", {"message_id": incoming.message_id})


def replies(verdict: Verdict, incoming: Incoming, config: Any) -> list[Reply]:
    """The verdict's reply actions (into the chat) and notify actions (into notify_chat)."""
    found = []
    for action in verdict.actions:
        if not action.text:
            continue
        digest = hashlib.sha256(action.text.encode()).hexdigest()[:16]
        key = f"{incoming.chat}:{incoming.message_id}:{action.type}:{digest}"
        if action.type == "reply":
            found.append(Reply(incoming.chat, action.text, action.reply_to or incoming.message_id,
                               incoming.route, key))
        elif action.type == "notify" and getattr(config, "notify_chat", None):
            found.append(Reply(config.notify_chat, action.text, None, {"notify": True}, key))
    return found


def queue_replies(request: Request, community: str, platform: str, found: list[Reply],
                  sent: Reply | None = None) -> int:
    """Queue replies for the outbox worker (``sent``: already answered in the response)."""
    store = assistant_of(request).store
    queued = 0
    for reply in found:
        item = book.enqueue(store, community, platform, reply.chat, reply.text, reply.reply_to,
                            reply.route, f"{platform}:{community}:{reply.key}", sent=reply is sent)
        queued += item is not None and reply is not sent
    worker = getattr(request.app.state, "outbox", None)
    if queued and worker is not None:
        worker.wake()
    return queued


def seen(request: Request, platform: str, community: str, key: str) -> tuple[bool, Any]:
    return book.seen_event(assistant_of(request).store, platform, community, key)


def remember(request: Request, platform: str, community: str, key: str, response: Any = None) -> None:
    book.remember_event(assistant_of(request).store, platform, community, key, response)
