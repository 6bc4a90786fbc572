"""Helpers of the web tests: the fixture's bundle, and logging in through the real form."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fastapi.testclient import TestClient
from review_seed import Seeded

PASSWORD = "correct-horse-42"
CSRF_FIELD = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Review:
    client: TestClient
    seeded: Seeded
    tokens: dict[str, str]


def csrf_of(html: str) -> str:
    match = CSRF_FIELD.search(html)
    assert match, "the page has no CSRF field"
    return match.group(1)


def log_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Log in through the form; returns the session's CSRF token (from the queue page)."""
    form = client.get("/review/login")
    response = client.post("/review/login", data={
        "username": name, "password": password, "csrf": csrf_of(form.text), "next": "/review/"})
    assert response.status_code == 303 and response.headers["location"] == "/review/", response.text
    return csrf_of(client.get("/review/").text)
