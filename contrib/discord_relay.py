"""Relay Discord gateway messages to the assistant's webhook (Discord has no message webhooks).

    pip install "discord.py>=2.3" httpx
    export DISCORD_TOKEN=...          # the bot's token (Message Content intent enabled)
    export ASSISTANT_URL=https://your-host/webhooks/discord/volunteers
    export RELAY_SECRET=...           # the community's discord.relay_secret
    python contrib/discord_relay.py

It forwards the raw MESSAGE_CREATE, MESSAGE_UPDATE and MESSAGE_DELETE dispatches unchanged,
signed as X-Relay-Signature: v0=HMAC-SHA256(secret, "v0:{X-Relay-Timestamp}:{body}").
Replies are sent by the assistant itself (the outbox) with the bot token from the
communities file, so this script only listens.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import os
import time

import discord
import httpx

FORWARDED = {"MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE"}
log = logging.getLogger("discord_relay")


def sign(secret: str, body: bytes) -> dict[str, str]:
    stamp = str(int(time.time()))
    digest = hmac.new(secret.encode(), b"v0:" + stamp.encode() + b":" + body, hashlib.sha256)
    return {"X-Relay-Timestamp": stamp, "X-Relay-Signature": "v0=" + digest.hexdigest(),
            "Content-Type": "application/json"}


async def forward(client: httpx.AsyncClient, url: str, secret: str, payload: dict) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode()
    for attempt in range(5):  # the assistant answers fast; retry a restart or a blip
        try:
            response = await client.post(url, content=body, headers=sign(secret, body))
            if response.status_code < 500:
                if response.status_code >= 400:
                    log.warning("assistant refused a %s: HTTP %d", payload["t"], response.status_code)
                return
        except httpx.HTTPError as exc:
            log.warning("cannot reach the assistant: %s", type(exc).__name__)
        await asyncio.sleep(2 ** attempt)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    url, secret = os.environ["ASSISTANT_URL"], os.environ["RELAY_SECRET"]
    intents = discord.Intents.default()
    intents.message_content = True
    bot = discord.Client(intents=intents, enable_debug_events=True)  # raw socket events
    http = httpx.AsyncClient(timeout=10)

    @bot.event
    async def on_socket_raw_receive(raw: str) -> None:
        payload = json.loads(raw)
        if payload.get("op") == 0 and payload.get("t") in FORWARDED:
            asyncio.create_task(forward(http, url, secret, payload))

    bot.run(os.environ["DISCORD_TOKEN"], log_handler=None)


if __name__ == "__main__":
    main()
