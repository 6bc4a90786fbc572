"""/webhooks/{platform}/{community}: each platform's own payloads, secrets and answers."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from assistant.api.body import parse_json, read_limited
from assistant.api.errors import ApiError
from assistant.api.webhooks import delivery, discord, matrix, slack, telegram, vk
from assistant.api.webhooks.events import Incoming

router = APIRouter(prefix="/webhooks", tags=["webhooks"])


async def _body(request: Request) -> tuple[bytes, dict[str, Any]]:
    raw = await read_limited(request, request.app.state.settings.max_body_bytes)
    data = parse_json(raw)
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_payload", "the payload must be a JSON object")
    return raw, data


async def _process(request: Request, platform: str, community: str, incoming: Incoming | None,
                   config: Any) -> list[delivery.Reply]:
    if incoming is None:
        return []
    verdict = await delivery.analyse(request, platform, incoming)
    return delivery.replies(verdict, incoming, config) if verdict is not None else []


@router.post("/telegram/{community}")
async def telegram_update(community: str, request: Request) -> Response:
    """A Bot API update; the first reply is answered as a sendMessage webhook response."""
    _, config = delivery.platform_config(request, "telegram", community)
    telegram.verify(config, request.headers.get("x-telegram-bot-api-secret-token"))
    _, update = await _body(request)
    key = str(update.get("update_id", ""))
    done, answer = delivery.seen(request, "telegram", community, key) if key else (False, None)
    if done:
        return JSONResponse(answer or {})
    incoming = telegram.parse_update(update)
    found = await _process(request, "telegram", community, incoming, config)
    first = next((r for r in found if r.chat == incoming.chat), None) if incoming else None
    delivery.queue_replies(request, community, "telegram", found, sent=first)
    answer = telegram.webhook_reply(first.route, first.text, first.reply_to) if first else {}
    if key:
        delivery.remember(request, "telegram", community, key, answer)
    return JSONResponse(answer)


@router.post("/slack/{community}")
async def slack_event(community: str, request: Request) -> Response:
    """Events API: url_verification, message events; retries of an event_id are answered at once."""
    _, config = delivery.platform_config(request, "slack", community)
    raw = await read_limited(request, request.app.state.settings.max_body_bytes)
    slack.verify(config, request.headers, raw, time.time())
    body = parse_json(raw)
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_payload", "the payload must be a JSON object")
    if body.get("type") == "url_verification":
        return JSONResponse({"challenge": body.get("challenge")})
    key = str(body.get("event_id") or "")
    if key and delivery.seen(request, "slack", community, key)[0]:
        return Response(status_code=200, headers={"X-Deduplicated": "1"})
    found = await _process(request, "slack", community, slack.parse_event(body), config)
    delivery.queue_replies(request, community, "slack", found)
    if key:
        delivery.remember(request, "slack", community, key)
    return Response(status_code=200)


@router.post("/vk/{community}")
async def vk_callback(community: str, request: Request) -> Response:
    """Callback API: 'confirmation' is answered with the configured string, the rest with 'ok'."""
    _, config = delivery.platform_config(request, "vk", community)
    _, body = await _body(request)
    if body.get("type") == "confirmation":
        if "secret" in body:
            vk.verify(config, body)
        return PlainTextResponse(config.confirmation)
    vk.verify(config, body)
    key = str(body.get("event_id") or "")
    if key and delivery.seen(request, "vk", community, key)[0]:
        return PlainTextResponse("ok")
    found = await _process(request, "vk", community, vk.parse_event(body), config)
    delivery.queue_replies(request, community, "vk", found)
    if key:
        delivery.remember(request, "vk", community, key)
    return PlainTextResponse("ok")


@router.put("/matrix/{community}/_matrix/app/v1/transactions/{txn_id}")
@router.put("/matrix/{community}/transactions/{txn_id}")  # the legacy path
async def matrix_transaction(community: str, txn_id: str, request: Request) -> Response:
    """An application-service transaction; a repeated txnId is answered without processing."""
    _, config = delivery.platform_config(request, "matrix", community)
    matrix.verify(config, request.headers.get("authorization"), request.query_params.get("access_token"))
    if delivery.seen(request, "matrix", community, txn_id)[0]:
        return JSONResponse({})
    _, body = await _body(request)
    for incoming in matrix.parse_transaction(body, config):
        found = await _process(request, "matrix", community, incoming, config)
        delivery.queue_replies(request, community, "matrix", found)
    delivery.remember(request, "matrix", community, txn_id)
    return JSONResponse({})


@router.post("/discord/{community}")
async def discord_event(community: str, request: Request) -> Response:
    """Gateway dispatches from the relay (HMAC), or interactions from Discord (Ed25519)."""
    _, config = delivery.platform_config(request, "discord", community)
    raw = await read_limited(request, request.app.state.settings.max_body_bytes)
    if "x-relay-signature" in request.headers:
        discord.verify_relay(config, request.headers, raw, time.time())
    else:
        discord.verify_interaction(config, request.headers, raw)
    body = parse_json(raw)
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_payload", "the payload must be a JSON object")
    if not discord.is_gateway(body):
        if body.get("type") == discord.PING:
            return JSONResponse({"type": discord.PONG})
        raise ApiError(400, "unsupported_interaction", "only PING interactions are handled")
    found = await _process(request, "discord", community, discord.parse_dispatch(body), config)
    delivery.queue_replies(request, community, "discord", found)
    return Response(status_code=204)
