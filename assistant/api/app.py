"""create_app(settings): the FastAPI application, with the models loaded once at start."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI

from assistant.api.batcher import MicroBatcher
from assistant.api.errors import install_error_handlers
from assistant.api.routes import health, messages
from assistant.api.routes import highlights as highlights_api
from assistant.api.routes import review as review_api
from assistant.api.webhooks.router import router as webhooks_router
from assistant.auth.throttle import LoginThrottle
from assistant.outbox import start_outbox
from assistant.reloader import watch_and_reload
from assistant.service import Assistant
from assistant.settings import Settings, get_settings
from assistant.web.pages import install_pages


def create_app(settings: Settings | None = None, assistant: Assistant | None = None) -> FastAPI:
    """The application; pass an ``assistant`` to share already-loaded models (tests do)."""
    settings = settings or get_settings()
    assistant = assistant or Assistant(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        batcher.start()
        outbox = start_outbox(app)
        stop = asyncio.Event()
        watcher = (asyncio.create_task(watch_and_reload(assistant, stop))
                   if settings.watch else None)
        try:
            yield
        finally:
            stop.set()
            if watcher is not None:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await asyncio.wait_for(watcher, 2)
            if outbox is not None:
                await outbox.stop()
            await batcher.stop()

    app = FastAPI(title="Community assistant", version="0.1.0", lifespan=lifespan,
                  description="Moderation, FAQ auto-support and recognition for community chats.")
    batcher = MicroBatcher(assistant, settings.batch_window_ms, settings.batch_max)
    app.state.settings = settings
    app.state.assistant = assistant
    app.state.batcher = batcher
    app.state.login_throttle = LoginThrottle(settings.login_attempts, settings.login_window_minutes)
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(messages.router)
    app.include_router(highlights_api.router)
    app.include_router(webhooks_router)
    app.include_router(review_api.router)
    install_pages(app)  # the review pages under /review/, with their static files
    return app
