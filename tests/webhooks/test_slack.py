"""Slack Events API bodies replayed from bolt-python samples; the signing test vector."""

from __future__ import annotations

import copy
import json
import time
from typing import Any

from fastapi.testclient import TestClient

from assistant.api.webhooks.slack import is_valid, parse_event, signature
from assistant.service import Assistant
from assistant.store import webhooks as book
from tests.webhooks.samples import FIXTURES, Secrets, sample

URL = "/webhooks/slack/volunteers"


def _post(client: TestClient, secrets: Secrets, body: Any, retry: int | None = None,
          secret: str | None = None) -> Any:
    raw = json.dumps(body).encode()
    stamp = str(int(time.time()))
    headers = {"X-Slack-Request-Timestamp": stamp, "Content-Type": "application/json",
               "X-Slack-Signature": signature(secret or secrets.slack, stamp, raw)}
    if retry is not None:
        headers.update({"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"})
    return client.post(URL, content=raw, headers=headers)


def test_slack_signing_test_vector_verifies() -> None:
    vector = json.loads((FIXTURES / "slack_signing_test_vector.json").read_text())
    stamp = vector["headers"]["X-Slack-Request-Timestamp"]
    body = vector["raw_body"].encode()
    assert signature(vector["signing_secret"], stamp, body) == vector["expected_signature"]
    assert is_valid(vector["signing_secret"], stamp, vector["expected_signature"], body,
                    now=int(stamp) + 10)
    for case in vector["negative_cases"]:
        assert not is_valid(vector["signing_secret"], stamp, vector["expected_signature"],
                            case["raw_body"].encode(), now=int(stamp))
    # a correct signature on an old timestamp is a replay
    assert not is_valid(vector["signing_secret"], stamp, vector["expected_signature"], body,
                        now=int(stamp) + 301)


def test_bolt_payloads_parse() -> None:
    plain = parse_event(sample("slack", "test_message.message_body"))
    assert (plain.kind, plain.message.id, plain.message.chat, plain.message.author,
            plain.message.text) == ("message", "1596183880.004200", "C111", "W111", "Hello World!")
    thread = parse_event(sample("slack", "test_message_thread_broadcast.event_payload"))
    assert thread.message.reply_to == "1633663824.000500"
    assert thread.route["thread_ts"] == "1633663824.000500"
    changed = parse_event(sample("slack", "test_message_changed.event_payload"))
    assert changed.kind == "edit" and changed.message.text == "updated message"
    assert changed.message.id == "1665102338.901939"
    deleted = parse_event(sample("slack", "test_message_deleted.event_payload"))
    assert (deleted.kind, deleted.chat, deleted.message_id) == ("delete", "C111", "1665368619.804829")
    for bot in ("test_message_bot.bot_message_event_payload",
                "test_message_bot.classic_bot_message_event_payload"):
        assert parse_event(sample("slack", bot)) is None


def test_url_verification_echoes_the_challenge(app_client: TestClient, secrets: Secrets) -> None:
    body = sample("slack", "test_events_url_verification.event_body")
    response = _post(app_client, secrets, body)
    assert response.status_code == 200 and response.json() == {"challenge": body["challenge"]}


def test_bad_signature_is_401(app_client: TestClient, secrets: Secrets,
                              webhook_assistant: Assistant) -> None:
    body = sample("slack", "test_message.message_body")
    assert _post(app_client, secrets, body, secret="not-the-secret").status_code == 401
    unsigned = app_client.post(URL, json=body)
    assert unsigned.status_code == 401
    assert webhook_assistant.store.count("messages") == 0


def test_retry_is_deduplicated_and_answer_is_queued_in_thread(
        app_client: TestClient, secrets: Secrets, webhook_assistant: Assistant) -> None:
    body = copy.deepcopy(sample("slack", "test_message.message_body"))
    body["event"]["text"] = "How do I become a volunteer?"
    assert _post(app_client, secrets, body).status_code == 200
    retried = _post(app_client, secrets, body, retry=1)
    assert retried.status_code == 200 and retried.headers.get("X-Deduplicated") == "1"
    store = webhook_assistant.store
    assert store.count("messages") == 1 and store.count("platform_events") == 1
    rows = book.outbox_rows(store)
    assert len(rows) == 1 and rows[0]["status"] == "pending" and rows[0]["chat"] == "C111"
    assert json.loads(rows[0]["route"])["thread_ts"] == "1596183880.004200"


def test_edit_and_delete_are_recorded(app_client: TestClient, secrets: Secrets,
                                      webhook_assistant: Assistant) -> None:
    changed = sample("slack", "test_message_changed.event_payload")
    original = copy.deepcopy(changed)
    original["event"] = {**changed["event"]["previous_message"], "channel": "C111"}
    original["event_id"] = "Ev-original"
    assert _post(app_client, secrets, original).status_code == 200
    assert _post(app_client, secrets, changed).status_code == 200
    store = webhook_assistant.store
    assert store.query("SELECT text FROM messages")[0]["text"] == "updated message"
    assert book.edit_count(store, "slack", "C111", "1665102338.901939") == 1
    deleted = sample("slack", "test_message_deleted.event_payload")
    deleted["event_id"] = "Ev-deleted"
    assert _post(app_client, secrets, deleted).status_code == 200
    assert book.is_deleted(store, "slack", "C111", "1665368619.804829")


def test_insult_notifies_the_moderators_chat(app_client: TestClient, secrets: Secrets,
                                             webhook_assistant: Assistant) -> None:
    body = copy.deepcopy(sample("slack", "test_message.message_body"))
    body["event"]["text"] = "you are such an idiot"
    body["event_id"] = "Ev-insult"
    assert _post(app_client, secrets, body).status_code == 200
    chats = {r["chat"] for r in book.outbox_rows(webhook_assistant.store)}
    assert chats == {"C111", "CMODS"}  # the reply in the channel, the notice to moderators
