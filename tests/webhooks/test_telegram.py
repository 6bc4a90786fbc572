"""Telegram updates replayed from teloxide and aiogram samples through the real app."""

from __future__ import annotations

import copy

from fastapi.testclient import TestClient

from assistant.api.webhooks.telegram import parse_update
from assistant.service import Assistant
from assistant.store import webhooks as book
from tests.webhooks.samples import Secrets, sample

URL = "/webhooks/telegram/volunteers"


def _headers(secrets: Secrets) -> dict[str, str]:
    return {"X-Telegram-Bot-Api-Secret-Token": secrets.telegram}


def test_teloxide_update_becomes_a_spec_message() -> None:
    incoming = parse_update(sample("telegram", "teloxide_update_message"))
    assert incoming is not None and incoming.kind == "message"
    message = incoming.message
    assert (message.id, message.chat, message.author, message.text) == (
        "6557", "218485655", "218485655", "hello there")
    assert message.platform == "telegram" and message.author_name == "Waffle"
    assert message.ts is not None and message.ts.year == 2019


def test_reply_and_forum_topic() -> None:
    reply = parse_update({"update_id": 1, "message": sample("telegram", "aiogram_reply_message")})
    assert reply.message.reply_to == "11223"
    topic = parse_update({"update_id": 2, "message": sample("telegram", "teloxide_topic_message")})
    # the topic's creation message is not a reply target; the topic is kept for the answer
    assert topic.message.reply_to is None
    assert topic.message.model_extra["thread"] == "4" and topic.route["message_thread_id"] == 4


def test_channel_post_and_caption_entities() -> None:
    post = parse_update({"update_id": 3,
                         "channel_post": sample("telegram", "aiogram_message_from_channel")})
    assert post.message.author_role == "manager" and post.message.chat == "-1001065170817"
    photo = parse_update({"update_id": 4, "message": sample("telegram", "teloxide_caption_entities")})
    assert photo.message.text == "www.example.com"
    assert photo.message.model_extra["links"] == ["www.example.com"]


def test_wrong_or_missing_secret_is_401(app_client: TestClient, secrets: Secrets,
                                        webhook_assistant: Assistant) -> None:
    update = sample("telegram", "teloxide_update_message")
    assert app_client.post(URL, json=update).status_code == 401
    wrong = app_client.post(URL, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "unauthorized"
    assert secrets.telegram not in wrong.text
    assert webhook_assistant.store.count("messages") == 0


def test_unknown_community_is_404(app_client: TestClient, secrets: Secrets) -> None:
    response = app_client.post("/webhooks/telegram/nobody", json={}, headers=_headers(secrets))
    assert response.status_code == 404


def test_faq_question_is_answered_in_the_webhook_response(
        app_client: TestClient, secrets: Secrets, webhook_assistant: Assistant) -> None:
    update = {"update_id": 700, "message": sample("telegram", "teloxide_topic_message")}
    update["message"]["text"] = "How do I become a volunteer?"
    response = app_client.post(URL, json=update, headers=_headers(secrets))
    assert response.status_code == 200
    call = response.json()
    assert call["method"] == "sendMessage" and call["chat_id"] == -1001847508954
    assert call["message_thread_id"] == 4
    assert call["reply_parameters"]["message_id"] == 5
    assert "form" in call["text"]
    # bookkept as sent, so the outbox worker does not send it a second time
    assert [r["status"] for r in book.outbox_rows(webhook_assistant.store)] == ["sent"]
    # Telegram's redelivery of the same update gets the same answer and writes nothing new
    again = app_client.post(URL, json=update, headers=_headers(secrets))
    assert again.json() == call
    assert webhook_assistant.store.count("messages") == 1
    assert webhook_assistant.store.count("outbox") == 1


def test_edited_message_updates_text_and_reanalyses(
        app_client: TestClient, secrets: Secrets, webhook_assistant: Assistant) -> None:
    original = sample("telegram", "aiogram_edited_message")
    first = copy.deepcopy(original)
    first["text"] = "Всем привет, завтра сбор в девять у метро"
    del first["edit_date"]
    assert app_client.post(URL, json={"update_id": 1, "message": first},
                           headers=_headers(secrets)).json() == {}
    edited = copy.deepcopy(original)
    edited["text"] = "Ты идиoт, ничего не понял"
    answer = app_client.post(URL, json={"update_id": 2, "edited_message": edited},
                             headers=_headers(secrets)).json()
    assert answer["method"] == "sendMessage" and answer["reply_parameters"]["message_id"] == 12345
    store = webhook_assistant.store
    row = store.query("SELECT text FROM messages")[0]
    assert row["text"] == "Ты идиoт, ничего не понял" and store.count("messages") == 1
    flags = store.query("SELECT rule FROM flags")
    assert "insult-direct" in [f["rule"] for f in flags]  # the edit was re-analysed
    assert book.edit_count(store, "telegram", "12345678", "12345") == 1
    verdict = store.query("SELECT verdict FROM verdicts")[0]["verdict"]
    assert "insult-direct" in verdict
