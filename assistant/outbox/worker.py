"""The outbox worker: delivers queued replies with each platform's send API, with retries.

A failed attempt is retried after ``outbox_backoff_seconds * 2**attempts`` (capped, with a
little jitter, or the platform's Retry-After), up to ``outbox_max_attempts``; a final error
(a 4xx other than 429, a missing token) marks the reply failed at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random

import httpx

from assistant.background import BackgroundLoop
from assistant.communities import CommunityRegistry
from assistant.outbox.senders import CALLS, NotConfigured, Outcome, judge
from assistant.settings import Settings
from assistant.store import Store
from assistant.store import webhooks as book

log = logging.getLogger(__name__)


class OutboxWorker(BackgroundLoop):
    def __init__(self, store: Store, communities: CommunityRegistry, settings: Settings,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.store = store
        self.communities = communities
        self.settings = settings
        self._transport = transport
        self._wake = asyncio.Event()

    def wake(self) -> None:
        """New replies were queued: look now instead of at the next poll."""
        self._wake.set()

    async def _run(self) -> None:
        async with httpx.AsyncClient(transport=self._transport, timeout=10.0) as client:
            while True:
                try:
                    await self.run_once(client)
                except Exception:  # keep delivering whatever happened to one round
                    log.exception("outbox round failed")
                wait = book.next_due_in(self.store)
                timeout = self.settings.outbox_poll_seconds if wait is None else min(
                    wait, self.settings.outbox_poll_seconds)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), max(timeout, 0.001))
                self._wake.clear()

    async def run_once(self, client: httpx.AsyncClient | None = None) -> int:
        """Attempt every reply that is due; returns how many were attempted."""
        if client is None:
            async with httpx.AsyncClient(transport=self._transport, timeout=10.0) as own:
                return await self.run_once(own)
        items = book.due(self.store)
        for item in items:
            outcome = await self._deliver(client, item)
            self._record(item, outcome)
        return len(items)

    async def _deliver(self, client: httpx.AsyncClient, item: book.OutboxItem) -> Outcome:
        community = self.communities.get(item.community)
        config = community.platform(item.platform) if community is not None else None
        if config is None:
            return Outcome(False, f"community {item.community!r} has no {item.platform} settings")
        try:
            call = CALLS[item.platform](item, config)
        except NotConfigured as exc:
            return Outcome(False, str(exc))
        try:
            response = await client.request(call.method, call.url, headers=call.headers,
                                            json=call.json, data=call.data)
        except httpx.HTTPError as exc:  # never log the URL: a Telegram URL holds the token
            return Outcome(False, f"{type(exc).__name__}", retry=True)
        return judge(item.platform, response)

    def _record(self, item: book.OutboxItem, outcome: Outcome) -> None:
        if outcome.ok:
            book.mark_sent(self.store, item.id)
            log.info("outbox: reply %d sent to %s", item.id, item.platform)
            return
        attempts = item.attempts + 1
        retry_in = None
        if outcome.retry and attempts < self.settings.outbox_max_attempts:
            backoff = min(self.settings.outbox_backoff_seconds * 2 ** item.attempts,
                          self.settings.outbox_backoff_max_seconds)
            retry_in = outcome.after if outcome.after is not None else backoff * random.uniform(0.8, 1.2)
        book.mark_attempt_failed(self.store, item.id, outcome.error, retry_in)
        log.warning("outbox: reply %d to %s failed (attempt %d): %s%s", item.id, item.platform,
                    attempts, outcome.error, "" if retry_in is not None else "; giving up")


def start_outbox(app: object) -> OutboxWorker | None:
    """Start the worker for an app when ``outbox_worker`` says so (None: when the communities
    file exists); it is kept as ``app.state.outbox`` so the webhooks can wake it."""
    state = app.state  # type: ignore[attr-defined]
    settings: Settings = state.settings
    enabled = settings.outbox_worker
    if enabled is None:
        enabled = settings.communities.is_file()
    if not enabled:
        return None
    if getattr(state, "communities", None) is None:
        state.communities = CommunityRegistry(settings.communities)
    worker = OutboxWorker(state.assistant.store, state.communities, settings)
    state.outbox = worker
    worker.start()
    return worker
