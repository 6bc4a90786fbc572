"""Reload rules/ and knowledge/ when they change on disk, without a restart."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from watchfiles import awatch

from assistant.service import Assistant

log = logging.getLogger(__name__)


def _relevant(change: object, path: str) -> bool:
    name = Path(path).name  # confidence.json: a knowledge directory's own FAQ confidence model
    return (Path(path).suffix in (".yaml", ".yml", ".txt") or name == "confidence.json") \
        and not name.startswith(".")


async def watch_and_reload(assistant: Assistant, stop: asyncio.Event) -> None:
    """Each batch of changes triggers one validate-then-swap reload (a broken set is kept out)."""
    paths = [p for p in (assistant.settings.rules, assistant.settings.knowledge) if p.is_dir()]
    if not paths:
        return
    async for changes in awatch(*paths, stop_event=stop, watch_filter=_relevant,
                                debounce=300, step=100):
        log.info("%d file change(s) under rules/knowledge: reloading", len(changes))
        await asyncio.to_thread(assistant.reload)
