"""POST /v1/messages over HTTP: verdicts, the one error shape, and nothing stored for bad input."""

from __future__ import annotations

import concurrent.futures

import pytest
from fastapi.testclient import TestClient

from assistant.service import Assistant

GOOD = {"id": "m1", "chat": "c1", "author": "u1", "text": "Привет всем!"}


def test_a_message_gets_its_verdict(client: TestClient) -> None:
    response = client.post("/v1/messages", json=GOOD)
    assert response.status_code == 200
    body = response.json()
    assert body["message_id"] == "m1" and body["chat"] == "c1" and body["lang"] == "ru"
    assert set(body) >= {"faq", "flags", "highlight", "actions"}
    assert body["faq"] is None and body["highlight"] is None  # SPEC: present, null


def test_numeric_ids_from_platforms_become_strings(client: TestClient) -> None:
    body = client.post("/v1/messages", json={**GOOD, "id": 42, "chat": -100123}).json()
    assert body["message_id"] == "42" and body["chat"] == "-100123"


def test_redelivery_over_http_returns_the_first_verdict(client: TestClient,
                                                       assistant: Assistant) -> None:
    first = client.post("/v1/messages", json=GOOD).json()
    second = client.post("/v1/messages", json={**GOOD, "text": "edited?"}).json()
    assert first == second
    assert assistant.store.count("messages") == 1 and assistant.store.count("verdicts") == 1


@pytest.mark.parametrize(("body", "status", "code", "message"), [
    (b'{"id": "m1", "chat": ', 400, "invalid_json",
     "the body is not valid JSON: Expecting value at line 1 column 22"),
    (b'{"id": "m1", "text": "\xff"}', 400, "invalid_utf8",
     "the body is not valid UTF-8 (byte 22: 0xff)"),
    (b"", 400, "empty_body", "the body is empty; send a JSON message object"),
    (b"[1, 2]", 422, "invalid_message", "a message must be a JSON object, got list"),
    (b'{"id": "m1", "text": "x"}', 422, "invalid_message",
     "chat: Field required; author: Field required"),
    (b'{"id": "m1", "chat": "c", "author": "u", "text": "x", "author_role": "king"}', 422,
     "invalid_message", "author_role: Input should be 'member', 'moderator', 'manager' or 'bot'"),
])
def test_bad_input_is_refused_with_a_clear_error_and_nothing_stored(
        client: TestClient, assistant: Assistant, body: bytes, status: int, code: str,
        message: str) -> None:
    response = client.post("/v1/messages", content=body,
                           headers={"content-type": "application/json"})
    assert response.status_code == status
    error = response.json()["error"]
    assert (error["code"], error["message"]) == (code, message)
    assert assistant.store.count("messages") == 0


def test_a_body_over_the_limit_is_413(client: TestClient, assistant: Assistant) -> None:
    huge = b'{"id": "m1", "chat": "c", "author": "u", "text": "' + b"a" * 1_100_000 + b'"}'
    response = client.post("/v1/messages", content=huge)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "body_too_large"
    assert assistant.store.count("messages") == 0


def test_a_chunked_body_over_the_limit_is_413_too(client: TestClient) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(30):
            yield b"x" * 50_000

    response = client.post("/v1/messages", content=chunks())
    assert response.status_code == 413


def test_unknown_route_uses_the_same_error_shape(client: TestClient) -> None:
    response = client.get("/v1/nothing-here")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Not Found"}}


def test_concurrent_requests_are_batched_and_all_answered(client: TestClient,
                                                         assistant: Assistant) -> None:
    def post(i: int) -> dict[str, object]:
        return client.post("/v1/messages", json={**GOOD, "id": f"m{i}", "text": f"сообщение {i}"}
                           ).json()

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        verdicts = list(pool.map(post, range(40)))
    assert sorted(v["message_id"] for v in verdicts) == sorted(f"m{i}" for i in range(40))
    assert assistant.store.count("verdicts") == 40


def test_healthz_and_openapi_docs(client: TestClient) -> None:
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["reload"] == {"ok": True, "problems": []}
    assert health["encoder"] == "use-multilingual-v3"
    spec = client.get("/openapi.json").json()
    assert "/v1/messages" in spec["paths"]
    assert client.get("/docs").status_code == 200
