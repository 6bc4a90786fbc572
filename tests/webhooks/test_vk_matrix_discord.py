"""VK Callback API, Matrix application-service transactions and Discord, replayed from samples."""

from __future__ import annotations

import copy
import json
import time
from typing import Any

from fastapi.testclient import TestClient

from assistant.api.webhooks import discord, matrix, slack, vk
from assistant.communities import MatrixConfig
from assistant.service import Assistant
from assistant.store import webhooks as book
from tests.webhooks.samples import Secrets, sample

VK_URL = "/webhooks/vk/volunteers"
MX_URL = "/webhooks/matrix/volunteers/_matrix/app/v1/transactions/"
DC_URL = "/webhooks/discord/volunteers"


def _vk_message(secrets: Secrets, event_id: str, text: str) -> dict[str, Any]:
    body = copy.deepcopy(sample("vk", "vkbottle_message_new"))
    body["object"]["message"].update({"text": text, "peer_id": 2000000001, "date": 1700000000})
    return {**body, "group_id": 123456, "event_id": event_id, "v": "5.199",
            "secret": secrets.vk}


def test_vk_confirmation_answers_the_configured_string(app_client: TestClient,
                                                       secrets: Secrets) -> None:
    response = app_client.post(VK_URL, json=sample("vk", "vksdk_confirmation"))
    assert response.status_code == 200 and response.text == secrets.vk_confirmation


def test_vk_message_new_shapes() -> None:
    new = vk.parse_event(sample("vk", "vkbottle_message_new"))  # 5.103+: object.message
    assert (new.message.id, new.message.chat, new.message.author, new.message.text) == (
        "1234", "1", "1", "test")
    old = vk.parse_event(sample("vk", "vksdk_message_new_chat_action"))  # object is the message
    assert old.message.id == "147826" and old.message.chat == "2000000001"
    assert old.message.model_extra["action"] == "chat_kick_user"


def test_vk_secret_dedupe_and_ok(app_client: TestClient, secrets: Secrets,
                                 webhook_assistant: Assistant) -> None:
    body = _vk_message(secrets, "ev-1", "How do I become a volunteer?")
    assert app_client.post(VK_URL, json={**body, "secret": "wrong"}).status_code == 401
    assert app_client.post(VK_URL, json={k: v for k, v in body.items() if k != "secret"}
                           ).status_code == 401
    first = app_client.post(VK_URL, json=body)
    assert first.status_code == 200 and first.text == "ok"
    again = app_client.post(VK_URL, json=body)
    assert again.text == "ok"
    store = webhook_assistant.store
    assert store.count("messages") == 1 and store.count("platform_events") == 1
    rows = book.outbox_rows(store)
    assert len(rows) == 1 and rows[0]["chat"] == "2000000001" and rows[0]["reply_to"] == "1234"


def test_matrix_spec_transaction(app_client: TestClient, secrets: Secrets,
                                 webhook_assistant: Assistant) -> None:
    body = sample("matrix", "appservice_transaction")
    auth = {"Authorization": f"Bearer {secrets.matrix}"}
    assert app_client.put(MX_URL + "35", json=body).status_code == 401
    assert app_client.put(MX_URL + "35", json=body,
                          headers={"Authorization": "Bearer wrong"}).status_code == 403
    response = app_client.put(MX_URL + "35", json=body, headers=auth)
    assert response.status_code == 200 and response.json() == {}
    store = webhook_assistant.store
    rows = store.query("SELECT platform, chat, message_id, author, text FROM messages")
    assert rows == [{"platform": "matrix", "chat": "!jEsUZKDJdhlrceRyVU:example.org",
                     "message_id": "$143273582443PhrSn:example.org",
                     "author": "@example:example.org", "text": "This is an example text message"}]
    # the same txnId again is idempotent: answered, nothing new written
    changed = copy.deepcopy(body)
    changed["events"][1]["event_id"] = "$other"
    assert app_client.put(MX_URL + "35", json=changed, headers=auth).json() == {}
    assert store.count("messages") == 1
    # the legacy path and ?access_token= still work
    legacy = f"/webhooks/matrix/volunteers/transactions/36?access_token={secrets.matrix}"
    assert app_client.put(legacy, json=changed).status_code == 200
    assert store.count("messages") == 2


def test_matrix_replies_edits_and_redactions() -> None:
    config = MatrixConfig(hs_token="x", bot_user_id="@assistant:example.org")
    base = sample("matrix", "appservice_transaction")["events"][1]
    reply = copy.deepcopy(base)
    reply["event_id"] = "$reply"
    reply["content"] = {"msgtype": "m.text", "body": "> <@alice:example.org> question\n\nanswer",
                        "m.relates_to": {"m.in_reply_to": {"event_id": "$question"}}}
    parsed = matrix.parse_event(reply, config)
    assert parsed.message.reply_to == "$question" and parsed.message.text == "answer"
    edit = copy.deepcopy(base)
    edit["content"] = {
        "msgtype": "m.text", "body": "* fixed", "m.new_content": {"msgtype": "m.text", "body": "fixed"},
        "m.relates_to": {"rel_type": "m.replace", "event_id": "$143273582443PhrSn:example.org"}}
    parsed = matrix.parse_event(edit, config)
    assert parsed.kind == "edit" and parsed.message.text == "fixed"
    redaction = matrix.parse_event(sample("matrix", "m_room_redaction"), config)
    assert (redaction.kind, redaction.message_id) == ("delete", "$fukweghifu23:localhost")
    own = {**base, "sender": "@assistant:example.org"}
    assert matrix.parse_event(own, config) is None


def _dispatch(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    envelope = sample("discord", "example_gateway_event")  # {"op": 0, "d": {}, "s": 42, "t": ...}
    return {**envelope, "t": kind, "d": data}


def _relay(client: TestClient, secrets: Secrets, body: dict[str, Any], secret: str | None = None) -> Any:
    raw = json.dumps(body).encode()
    stamp = str(int(time.time()))
    signed = slack.signature(secret or secrets.relay, stamp, raw)
    return client.post(DC_URL, content=raw,
                       headers={"X-Relay-Timestamp": stamp, "X-Relay-Signature": signed})


def test_discord_relayed_message_create_update_delete(app_client: TestClient, secrets: Secrets,
                                                      webhook_assistant: Assistant) -> None:
    message = sample("discord", "example_message")
    parsed = discord.parse_dispatch(_dispatch("MESSAGE_CREATE", message))
    assert (parsed.message.id, parsed.message.chat, parsed.message.author, parsed.message.text) == (
        "334385199974967042", "290926798999357250", "53908099506183680", "Supa Hot")
    assert _relay(app_client, secrets, _dispatch("MESSAGE_CREATE", message), "bad").status_code == 401
    assert _relay(app_client, secrets, _dispatch("MESSAGE_CREATE", message)).status_code == 204
    updated = {**message, "content": "How do I become a volunteer?"}
    assert _relay(app_client, secrets, _dispatch("MESSAGE_UPDATE", updated)).status_code == 204
    store = webhook_assistant.store
    assert store.query("SELECT text FROM messages")[0]["text"] == "How do I become a volunteer?"
    assert [r["reply_to"] for r in book.outbox_rows(store)] == ["334385199974967042"]
    gone = {"id": message["id"], "channel_id": message["channel_id"]}
    assert _relay(app_client, secrets, _dispatch("MESSAGE_DELETE", gone)).status_code == 204
    assert book.is_deleted(store, "discord", "290926798999357250", "334385199974967042")


def test_discord_crossposted_reference_is_a_reply() -> None:
    parsed = discord.parse_dispatch(_dispatch("MESSAGE_CREATE",
                                              sample("discord", "example_crossposted_message")))
    assert parsed.message.reply_to == "306588351130107906"


def test_discord_interaction_ping_is_verified_with_ed25519(app_client: TestClient,
                                                           secrets: Secrets) -> None:
    raw = b'{"type": 1}'
    stamp = str(int(time.time()))
    good = secrets.discord_key.sign(stamp.encode() + raw).hex()
    headers = {"X-Signature-Ed25519": good, "X-Signature-Timestamp": stamp}
    response = app_client.post(DC_URL, content=raw, headers=headers)
    assert response.status_code == 200 and response.json() == {"type": 1}
    tampered = app_client.post(DC_URL, content=b'{"type": 2}', headers=headers)
    assert tampered.status_code == 401
    assert app_client.post(DC_URL, content=raw).status_code == 401
