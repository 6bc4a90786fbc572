"""Reading a JSON request body safely: size limit, UTF-8 and JSON errors named precisely."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request

from assistant.api.errors import ApiError


async def read_limited(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it exceeds ``limit`` bytes (never read whole)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "body_too_large", f"the body is {declared} bytes; the limit is {limit}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "body_too_large", f"the body exceeds the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_json(body: bytes) -> Any:
    if not body.strip():
        raise ApiError(400, "empty_body", "the body is empty; send a JSON message object")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_utf8",
                       f"the body is not valid UTF-8 (byte {exc.start}: {body[exc.start]:#04x})") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(400, "invalid_json",
                       f"the body is not valid JSON: {exc.msg} at line {exc.lineno} "
                       f"column {exc.colno}") from exc


async def read_json(request: Request, limit: int) -> Any:
    return parse_json(await read_limited(request, limit))
