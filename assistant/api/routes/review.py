"""The review API under /v1/review: the same operations as the pages (list, thread, decide).

Every endpoint needs an API token of a moderator (or higher) role: ``Authorization: Bearer ...``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from assistant.api.errors import ApiError
from assistant.auth.deps import api_access, get_store
from assistant.auth.users import Principal
from assistant.review.decisions import DecisionError, decide_flag
from assistant.review.queue import load_queue, load_thread
from assistant.store import review as review_db

router = APIRouter(prefix="/v1/review", tags=["review"])
Moderator = Annotated[Principal, Depends(api_access("flags"))]
Auditor = Annotated[Principal, Depends(api_access("audit"))]
State = Literal["open", "resolved", "dismissed", "escalated"]


class FlagItem(BaseModel):
    id: int
    category: str
    rule: str
    severity: str
    reason: str
    state: str
    score: float | None = None
    threshold: float | None = None
    created_at: str
    platform: str
    chat: str
    message_id: str
    author: str
    author_name: str | None = None
    text: str
    reply_to: str | None = None
    ts: str
    assignee: str | None = None


class QueueGroup(BaseModel):
    platform: str
    chat: str
    root: str = Field(description="id of the first message of the reply chain")
    severity: str
    items: list[FlagItem]


class QueueOut(BaseModel):
    counts: dict[str, int] = Field(description="flags per state under the other filters")
    groups: list[QueueGroup]


class ThreadMessage(BaseModel):
    message_id: str
    author: str
    author_name: str | None = None
    text: str
    ts: str
    reply_to: str | None = None
    reply_to_author: str | None = None
    is_flagged_message: bool
    flags: list[dict[str, Any]]


class DecisionOut(BaseModel):
    id: int
    action: str
    actor: str
    note: str | None = None
    details: dict[str, Any]
    created_at: str


class AuditEntry(DecisionOut):
    target_kind: str = Field(description="flag | faq_answer | highlight")
    target_id: int


class ThreadOut(BaseModel):
    flag: FlagItem
    messages: list[ThreadMessage]
    history: list[DecisionOut]


class DecisionIn(BaseModel):
    action: Literal["resolve", "dismiss", "escalate", "reopen", "assign", "note"]
    note: str | None = Field(None, max_length=4000)


@router.get("/queue", response_model=QueueOut)
def get_queue(request: Request, _: Moderator, chat: str | None = None,
              category: str | None = None, severity: Literal["high", "medium", "low"] | None = None,
              state: State | None = None) -> dict[str, Any]:
    """Flags grouped by thread, most severe and oldest first, with counts per state."""
    queue = load_queue(get_store(request), {"chat": chat, "category": category,
                                            "severity": severity, "state": state})
    return {"counts": queue["counts"],
            "groups": [{"platform": g.platform, "chat": g.chat, "root": g.root,
                        "severity": g.severity, "items": g.items} for g in queue["groups"]]}


@router.get("/flags/{flag_id}", response_model=ThreadOut)
def get_thread(request: Request, flag_id: int, _: Moderator) -> dict[str, Any]:
    """One flag with the conversation around it and its decision history."""
    thread = load_thread(get_store(request), flag_id)
    if thread is None:
        raise ApiError(404, "not_found", f"no flag with id {flag_id}")
    return thread


@router.post("/flags/{flag_id}/decisions", response_model=ThreadOut)
def post_decision(request: Request, flag_id: int, body: DecisionIn, who: Moderator) -> dict[str, Any]:
    """Resolve, dismiss, escalate, reopen, assign to the caller, or add a note; returns the thread."""
    store = get_store(request)
    try:
        decide_flag(store, flag_id, body.action, who.actor, body.note)
    except DecisionError as exc:
        raise ApiError(404 if exc.code == "not_found" else 422, exc.code, str(exc)) from exc
    return load_thread(store, flag_id) or {}


@router.get("/audit", response_model=list[AuditEntry])
def get_audit(request: Request, _: Auditor, limit: int = Query(200, ge=1, le=5000),
              actor: str | None = None) -> list[dict[str, Any]]:
    """The audit log, newest first: every decision with who and when."""
    return review_db.audit_log(get_store(request), limit, actor)
