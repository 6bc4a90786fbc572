"""POST /v1/messages: a message in (SPEC §2), its verdict out (SPEC §3)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from pydantic import ValidationError

from assistant.api.body import read_json
from assistant.api.deps import BatcherDep, SettingsDep
from assistant.api.errors import ApiError
from assistant.auth.deps import message_access
from assistant.ingest import describe_validation_error, parse_message
from assistant.models import Message, Verdict
from assistant.service import ProcessingError

router = APIRouter(tags=["messages"])


@router.post("/v1/messages", response_model=Verdict, response_model_exclude_none=False,
             dependencies=[Depends(message_access)],
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": Message.model_json_schema()}}}})
async def post_message(request: Request, batcher: BatcherDep, settings: SettingsDep) -> Verdict:
    """Analyse one message and return its verdict; a repeated delivery returns the first one."""
    data = await read_json(request, settings.max_body_bytes)
    try:
        message = parse_message(data)
    except ValidationError as exc:
        raise ApiError(422, "invalid_message", describe_validation_error(exc),
                       [{"field": ".".join(map(str, e["loc"])), "problem": e["msg"]}
                        for e in exc.errors()]) from exc
    except ValueError as exc:
        raise ApiError(422, "invalid_message", str(exc)) from exc
    result = await batcher.submit(message)
    if isinstance(result, ProcessingError):
        raise ApiError(500, "processing_failed",
                       "the message was stored but could not be analysed; deliver it again to "
                       "retry", {"message_id": message.id})
    return result


