"""Fixtures of the recognition tests: a chat stream builder and a service over the real models."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from assistant.models import Message
from assistant.nlp import NlpPipeline
from assistant.service import Assistant
from assistant.settings import PROJECT_ROOT, Settings
from assistant.store import Store

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def stream(chat: str, rows: list[tuple[Any, ...]], start: datetime = START) -> list[Message]:
    """Messages from (id, author, text, reply_to[, minutes after the previous[, role]]) rows."""
    messages, ts = [], start
    for row in rows:
        mid, author, text, reply_to, *rest = row
        ts += timedelta(minutes=rest[0] if rest else 2)
        role = rest[1] if len(rest) > 1 else "member"
        messages.append(Message(id=mid, chat=chat, author=author, text=text, reply_to=reply_to,
                                ts=ts, author_role=role))
    return messages


@pytest.fixture
def chat_stream() -> Callable[..., list[Message]]:
    return stream


@pytest.fixture(scope="module")
def service(pipeline: NlpPipeline) -> Iterator[Assistant]:
    """One in-memory service per test module (tests use their own chat ids)."""
    settings = Settings(db=None, rules=PROJECT_ROOT / "rules", knowledge=PROJECT_ROOT / "knowledge",
                        watch=False)
    instance = Assistant(settings, pipeline=pipeline, store=Store(None))
    yield instance
    instance.store.close()


@pytest.fixture
def make_service(pipeline: NlpPipeline, tmp_path: Path) -> Callable[[Path | None], Assistant]:
    """A service over a given SQLite file (to test what survives a restart)."""
    def build(db: Path | None = None) -> Assistant:
        settings = Settings(db=db, rules=PROJECT_ROOT / "rules",
                            knowledge=PROJECT_ROOT / "knowledge", watch=False)
        return Assistant(settings, pipeline=pipeline, store=Store(db))
    return build
