"""Signed session cookies (itsdangerous) and the CSRF tokens carried inside them."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer

SESSION_COOKIE = "assistant_session"
LOGIN_CSRF_COOKIE = "assistant_login_csrf"


@dataclass(frozen=True)
class Session:
    user_id: int
    csrf: str


class SessionSigner:
    """Makes and reads the session cookie's value: ``{"uid": ..., "csrf": ...}``, signed."""

    def __init__(self, secret: str, max_age_seconds: int) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt="assistant-session")
        self.max_age = max_age_seconds

    def issue(self, user_id: int) -> tuple[str, Session]:
        session = Session(user_id, secrets.token_urlsafe(24))
        return self._serializer.dumps({"uid": user_id, "csrf": session.csrf}), session

    def read(self, value: str | None) -> Session | None:
        if not value:
            return None
        try:
            data: Any = self._serializer.loads(value, max_age=self.max_age)
        except BadSignature:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("uid"), int):
            return None
        return Session(data["uid"], str(data.get("csrf", "")))


def new_csrf() -> str:
    return secrets.token_urlsafe(24)


def same_token(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; an empty token never matches."""
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))
