"""The review API mirrors the pages (list, thread, decide) behind API tokens; POST /v1/messages
needs a token from non-loopback clients unless the config opens it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_session import Review

from assistant.api.app import create_app

MESSAGE = {"id": "x1", "chat": "volunteers-msk", "author": "u-1", "text": "Во сколько сбор?"}


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/v1/review/queue"), ("GET", "/v1/review/flags/1"),
    ("POST", "/v1/review/flags/1/decisions"), ("GET", "/v1/review/audit")])
def test_review_api_needs_a_token(review: Review, method: str, path: str) -> None:
    response = review.client.request(method, path, json={"action": "dismiss"})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    ingest = review.client.request(method, path, json={"action": "dismiss"},
                                   headers=_auth(review.tokens["ingest"]))
    assert ingest.status_code == 403 and ingest.json()["error"]["code"] == "forbidden"


def test_list_open_thread_and_dismiss_through_the_api(review: Review) -> None:
    headers = _auth(review.tokens["moderator"])
    queue = review.client.get("/v1/review/queue", params={"state": "open"}, headers=headers).json()
    assert queue["counts"]["open"] == 4
    first = queue["groups"][0]
    assert (first["root"], first["severity"]) == ("m1", "high")
    flag_id = first["items"][0]["id"]
    thread = review.client.get(f"/v1/review/flags/{flag_id}", headers=headers).json()
    assert thread["flag"]["rule"] == "insult-direct"
    assert [m["message_id"] for m in thread["messages"] if m["is_flagged_message"]] == ["m2"]
    decided = review.client.post(f"/v1/review/flags/{flag_id}/decisions", headers=headers,
                                 json={"action": "dismiss", "note": "joke"})
    assert decided.status_code == 200
    assert decided.json()["flag"]["state"] == "dismissed"
    [entry] = decided.json()["history"]
    assert (entry["actor"], entry["action"], entry["note"]) == ("token:moderator-token", "dismiss",
                                                                "joke")
    audit = review.client.get("/v1/review/audit", headers=headers).json()
    assert [(a["target_kind"], a["target_id"]) for a in audit] == [("flag", flag_id)]


def test_api_errors_use_the_one_error_shape(review: Review) -> None:
    headers = _auth(review.tokens["moderator"])
    missing = review.client.get("/v1/review/flags/999", headers=headers)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    invalid = review.client.post("/v1/review/flags/1/decisions", headers=headers,
                                 json={"action": "delete"})
    assert invalid.status_code == 422 and "error" in invalid.json()
    empty_note = review.client.post("/v1/review/flags/1/decisions", headers=headers,
                                    json={"action": "note", "note": "  "})
    assert empty_note.status_code == 422
    assert empty_note.json()["error"]["code"] == "invalid_decision"


def test_openapi_describes_the_review_api(review: Review) -> None:
    schema = review.client.get("/openapi.json").json()
    for path in ("/v1/review/queue", "/v1/review/flags/{flag_id}",
                 "/v1/review/flags/{flag_id}/decisions", "/v1/review/audit"):
        assert path in schema["paths"]
    assert "apiToken" in schema["components"]["securitySchemes"]
    assert not any(p.startswith("/review") for p in schema["paths"])


def test_message_endpoint_from_a_remote_client_needs_a_token(review: Review) -> None:
    assistant = review.client.app.state.assistant
    app = create_app(assistant.settings, assistant)
    with TestClient(app, client=("203.0.113.7", 40000)) as remote:
        refused = remote.post("/v1/messages", json=MESSAGE)
        assert refused.status_code == 401
        assert remote.post("/v1/messages", json=MESSAGE,
                           headers=_auth("ca_not-a-token")).status_code == 401
        accepted = remote.post("/v1/messages", json=MESSAGE, headers=_auth(review.tokens["ingest"]))
        assert accepted.status_code == 200 and accepted.json()["message_id"] == "x1"


@pytest.mark.parametrize(("host", "open_endpoint", "status"), [
    ("127.0.0.1", None, 200), ("::1", None, 200), ("203.0.113.7", True, 200),
    ("127.0.0.1", False, 401)])
def test_message_endpoint_access_by_config(review: Review, host: str, open_endpoint: bool | None,
                                           status: int) -> None:
    assistant = review.client.app.state.assistant
    settings = assistant.settings.model_copy(update={"open_message_endpoint": open_endpoint})
    with TestClient(create_app(settings, assistant), client=(host, 40000)) as client:
        assert client.post("/v1/messages", json=MESSAGE).status_code == status
