"""GET /healthz: liveness plus the state of the managers' files."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from assistant.api.deps import AssistantDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz(assistant: AssistantDep) -> JSONResponse:
    """200 while serving; ``reload`` reports a broken rules/FAQ file (the last good set serves)."""
    status = assistant.last_reload
    resources = assistant.resources
    body: dict[str, Any] = {
        "status": "ok" if status.ok else "degraded",
        "encoder": assistant.pipeline.encoder.name,
        "faq_entries": len(resources.knowledge.entries),
        "rules": len(resources.rules.rules),
        "loaded_at": resources.loaded_at.isoformat(),
        "reload": {"ok": status.ok, "problems": [str(p) for p in status.problems]},
    }
    return JSONResponse(body)
