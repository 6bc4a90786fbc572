"""The outbox worker against a fake platform API on 127.0.0.1: requests, retries, backoff."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.api.webhooks.slack import signature
from assistant.communities import CommunityRegistry
from assistant.nlp import NlpPipeline
from assistant.outbox import OutboxWorker
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import Store
from assistant.store import webhooks as book
from tests.webhooks.samples import FakePlatform, Secrets, sample


@pytest.fixture
def store(webhook_settings: Settings) -> Iterator[Store]:
    instance = Store(webhook_settings.db)
    yield instance
    instance.close()


def _worker(store: Store, settings: Settings, **overrides: object) -> OutboxWorker:
    return OutboxWorker(store, CommunityRegistry(settings.communities),
                        settings.model_copy(update=overrides))


def _queue(store: Store, platform: str, chat: str, reply_to: str | None, route: dict,
           key: str = "k") -> int:
    item = book.enqueue(store, "volunteers", platform, chat, "Ответ 🙌", reply_to, route,
                        f"{platform}:{key}")
    assert item is not None
    return item


def test_each_platform_gets_its_send_api_call(store: Store, webhook_settings: Settings,
                                              fake_platform: FakePlatform) -> None:
    _queue(store, "telegram", "-100", "5", {"chat_id": -100, "message_thread_id": 4})
    _queue(store, "slack", "C111", "1.2", {"thread_ts": "1.0"})
    _queue(store, "vk", "2000000001", "77", {"peer_id": 2000000001})
    _queue(store, "matrix", "!room:example.org", "$ev", {"room_id": "!room:example.org"})
    _queue(store, "discord", "290926798999357250", "334385199974967042", {})
    assert asyncio.run(_worker(store, webhook_settings).run_once()) == 5
    calls = {r["path"].split("?")[0]: r for r in fake_platform.requests}
    tg = calls["/bot123:ABC/sendMessage"]["body"]
    assert tg == {"chat_id": -100, "text": "Ответ 🙌", "message_thread_id": 4,
                  "reply_parameters": {"message_id": 5, "allow_sending_without_reply": True}}
    sl = calls["/slack/chat.postMessage"]
    assert sl["body"] == {"channel": "C111", "text": "Ответ 🙌", "thread_ts": "1.0"}
    assert sl["headers"]["Authorization"] == "Bearer xoxb-test"
    assert "peer_id=2000000001" in calls["/vk/messages.send"]["body"]
    mx_path = next(p for p in calls if p.startswith("/_matrix/client/v3/rooms/"))
    assert "%21room%3Aexample.org/send/m.room.message/assistant-outbox-" in mx_path
    assert calls[mx_path]["body"]["m.relates_to"] == {"m.in_reply_to": {"event_id": "$ev"}}
    dc = calls["/discord/channels/290926798999357250/messages"]
    assert dc["headers"]["Authorization"] == "Bot bot-token"
    assert dc["body"]["message_reference"]["message_id"] == "334385199974967042"
    assert [r["status"] for r in book.outbox_rows(store)] == ["sent"] * 5


def test_server_errors_are_retried_until_sent(store: Store, webhook_settings: Settings,
                                              fake_platform: FakePlatform) -> None:
    fake_platform.script = [(500, {}), (502, {})]
    item = _queue(store, "slack", "C1", None, {})
    worker = _worker(store, webhook_settings)
    asyncio.run(worker.run_once())
    row = book.outbox_rows(store)[0]
    assert (row["id"], row["status"], row["attempts"], row["last_error"]) == (item, "pending", 1,
                                                                              "HTTP 500")
    asyncio.run(worker.run_once())
    asyncio.run(worker.run_once())
    assert len(fake_platform.requests) == 3
    assert book.outbox_rows(store)[0]["status"] == "sent"


def test_backoff_and_retry_after_delay_the_next_attempt(store: Store, webhook_settings: Settings,
                                                        fake_platform: FakePlatform) -> None:
    fake_platform.script = [(429, {"ok": False, "parameters": {"retry_after": 3600}})]
    _queue(store, "telegram", "1", None, {"chat_id": 1})
    worker = _worker(store, webhook_settings, outbox_backoff_seconds=3600.0)
    asyncio.run(worker.run_once())
    assert book.outbox_rows(store)[0]["status"] == "pending"
    assert book.due(store) == []  # not due before the platform's Retry-After
    assert asyncio.run(worker.run_once()) == 0 and len(fake_platform.requests) == 1


def test_client_errors_and_exhausted_retries_fail(store: Store, webhook_settings: Settings,
                                                  fake_platform: FakePlatform) -> None:
    fake_platform.script = [(400, {"ok": False, "description": "Bad Request: chat not found"}),
                            (500, {}), (500, {})]
    _queue(store, "telegram", "1", None, {"chat_id": 1}, key="a")
    _queue(store, "discord", "2", None, {}, key="b")
    worker = _worker(store, webhook_settings, outbox_max_attempts=2)
    for _ in range(3):
        asyncio.run(worker.run_once())
    rows = book.outbox_rows(store)
    assert [r["status"] for r in rows] == ["failed", "failed"]
    assert rows[0]["attempts"] == 1 and "chat not found" in rows[0]["last_error"]
    assert rows[1]["attempts"] == 2
    assert len(fake_platform.requests) == 3


def test_a_reply_is_queued_once(store: Store) -> None:
    assert book.enqueue(store, "c", "slack", "C1", "x", None, {}, "same") is not None
    assert book.enqueue(store, "c", "slack", "C1", "x", None, {}, "same") is None


def test_worker_started_by_the_app_delivers_a_webhook_answer(
        webhook_settings: Settings, pipeline: NlpPipeline, secrets: Secrets,
        fake_platform: FakePlatform) -> None:
    settings = webhook_settings.model_copy(update={"outbox_worker": True, "outbox_poll_seconds": 0.05})
    assistant = Assistant(settings, pipeline=pipeline, store=Store(settings.db))
    body = sample("slack", "test_message.message_body")
    body["event"]["text"] = "How do I become a volunteer?"
    raw = json.dumps(body).encode()
    stamp = str(int(time.time()))
    done = threading.Event()
    with TestClient(create_app(settings, assistant)) as client:
        response = client.post("/webhooks/slack/volunteers", content=raw, headers={
            "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature(secrets.slack, stamp, raw)})
        assert response.status_code == 200
        for _ in range(200):  # bounded wait for the background worker
            if fake_platform.requests:
                done.set()
                break
            time.sleep(0.02)
    assistant.store.close()
    assert done.is_set()
    request = fake_platform.requests[0]
    assert request["path"] == "/slack/chat.postMessage"
    assert request["body"]["thread_ts"] == "1596183880.004200" and "form" in request["body"]["text"]
