"""GET /v1/highlights, the featured mark and its log, and the digest (Markdown and HTML)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from assistant.highlights.digest import collect_digest, parse_since, render_digest
from assistant.models import Message

GOOD = "В ресурсном центре на Ленина 12, кабинет 3, с 10 до 18. Возьми паспорт и фото 3х4."


@pytest.fixture
def fed(assistant):
    """Two chats with a highlighted answer each and one non-answer, sent an hour ago."""
    start = datetime.now(UTC) - timedelta(hours=1)
    rows = [("@club", "q1", "olga", "Подскажите, где получить волонтёрскую книжку?", None),
            ("@club", "a1", "ivan", GOOD, "q1"), ("@club", "a2", "marina", "+1", "q1"),
            ("other", "q1", "petr", "Во сколько сбор в субботу на раздачу?", None),
            ("other", "a1", "sveta", "В 9:30 у входа на склад, Складская 5, перчатки выдадут", "q1")]
    messages = [Message(id=mid, chat=chat, author=author, text=text, reply_to=reply,
                        platform="telegram", author_name=author.title(),
                        ts=start + timedelta(minutes=i))
                for i, (chat, mid, author, text, reply) in enumerate(rows)]
    assistant.handle_batch(messages)
    return assistant


def test_highlights_are_listed_best_first_with_question_and_link(fed, client):
    body = client.get("/v1/highlights", params={"chat": "@club"}).json()
    assert [h["message_id"] for h in body["highlights"]] == ["a1"]
    item = body["highlights"][0]
    assert item["question"]["text"].startswith("Подскажите") and item["author"] == "ivan"
    assert item["link"] == "https://t.me/club/a1" and item["featured"] is False


def test_min_score_and_since_filter_the_list(fed, client):
    assert len(client.get("/v1/highlights").json()["highlights"]) == 2
    assert client.get("/v1/highlights", params={"min_score": 1.0}).json()["highlights"] == []
    future = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    assert client.get("/v1/highlights", params={"since": future}).json()["highlights"] == []


def test_a_bad_since_gets_the_one_error_shape(client):
    response = client.get("/v1/highlights", params={"since": "last week"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_query"


def test_featuring_is_stored_and_logged(fed, client):
    url = "/v1/highlights/@club/a1/featured"
    assert client.put(url, json={"featured": True, "by": "mgr"}).status_code == 200
    body = client.put(url, json={"featured": False, "by": "boss", "note": "duplicate"}).json()
    assert [(e["featured"], e["actor"]) for e in body["log"]] == [(1, "mgr"), (0, "boss")]
    listed = client.get("/v1/highlights", params={"featured": False, "chat": "@club"}).json()
    assert [h["message_id"] for h in listed["highlights"]] == ["a1"]


def test_featuring_a_message_without_highlight_is_404(fed, client):
    response = client.put("/v1/highlights/@club/a2/featured", json={"featured": True})
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_digest_shows_question_answer_who_and_link(fed):
    digest = collect_digest(fed.store, parse_since("7d"))
    markdown = render_digest(digest, "md")
    assert "Ivan" in markdown and "Ленина 12" in markdown and "волонтёрскую книжку" in markdown
    assert "(https://t.me/club/a1)" in markdown and "## Most helpful members" in markdown
    html = render_digest(digest, "html")
    assert '<a href="https://t.me/club/a1">' in html and "Sveta" in html


def test_digest_html_escapes_member_text(assistant):
    start = datetime.now(UTC) - timedelta(hours=1)
    assistant.handle_batch([
        Message(id="q", chat="x", author="u1", text="Where is the <b>form</b>?", ts=start),
        Message(id="a", chat="x", author="u2", reply_to="q", ts=start + timedelta(minutes=1),
                text="Open <script>alert(1)</script> Settings > Forms, click 'Download', room 3")])
    html = render_digest(collect_digest(assistant.store, parse_since("1d")), "html")
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("value, delta", [("7d", 7 * 24), ("24h", 24), ("2w", 14 * 24)])
def test_periods_are_read_back_from_now(value, delta):
    now = datetime(2026, 3, 9, tzinfo=UTC)
    assert now - parse_since(value, now) == timedelta(hours=delta)
