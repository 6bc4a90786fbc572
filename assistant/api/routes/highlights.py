"""GET /v1/highlights: the helpful answers to feature; PUT .../featured: a manager's mark."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from assistant.api.deps import AssistantDep
from assistant.api.errors import ApiError
from assistant.highlights.digest import message_link, parse_since
from assistant.store.highlights import featuring_log, list_highlights, set_featured

router = APIRouter(tags=["highlights"])


class FeaturedBody(BaseModel):
    featured: bool
    by: str | None = Field(default=None, max_length=256)
    note: str | None = Field(default=None, max_length=2000)


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {"message_id": row["message_id"], "chat": row["chat"], "platform": row["platform"],
            "author": row["author"], "author_name": row["author_name"], "text": row["text"],
            "ts": row["ts"], "score": row["score"], "reason": row["reason"],
            "featured": row["featured"],
            "question": {"message_id": row["question_id"], "author": row["asker"],
                         "text": row["question_text"]} if row["question_id"] else None,
            "link": message_link(row["platform"], row["chat"], row["message_id"], row["extra"])}


@router.get("/v1/highlights")
def get_highlights(assistant: AssistantDep, chat: str | None = None,
                   since: Annotated[str | None, Query(description="7d, 24h or an ISO date")] = None,
                   min_score: Annotated[float, Query(ge=0, le=1)] = 0.5,
                   featured: bool | None = None,
                   limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
    """Highlighted answers, best first (default: the last 7 days, score ≥ 0.5)."""
    try:
        start = parse_since(since) if since else datetime.now(UTC) - timedelta(days=7)
    except ValueError as exc:
        raise ApiError(422, "invalid_query", str(exc), [{"field": "since", "problem": str(exc)}]) from exc
    stamp = start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")
    rows = list_highlights(assistant.store, stamp, chat=chat, min_score=min_score,
                           featured=featured, limit=limit)
    return {"since": start.isoformat(), "highlights": [_public(r) for r in rows]}


@router.put("/v1/highlights/{chat}/{message_id}/featured")
def put_featured(chat: str, message_id: str, body: FeaturedBody,
                 assistant: AssistantDep) -> dict[str, Any]:
    """Mark a highlight featured or not; every change is logged with who made it."""
    if not set_featured(assistant.store, chat, message_id, body.featured, body.by, body.note):
        raise ApiError(404, "not_found", f"message {message_id!r} in chat {chat!r} has no highlight")
    return {"message_id": message_id, "chat": chat, "featured": body.featured,
            "log": featuring_log(assistant.store, chat, message_id)}
