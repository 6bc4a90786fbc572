"""Passwords, sessions, tokens and roles."""

from __future__ import annotations

import pytest

from assistant.auth.passwords import hash_password, verify_password
from assistant.auth.roles import allowed
from assistant.auth.sessions import SessionSigner, same_token
from assistant.auth.users import authenticate_password, authenticate_token, create_token, create_user
from assistant.store import Store
from assistant.store.accounts import revoke_token


def test_passwords_are_hashed_with_argon2() -> None:
    hashed = hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$") and "correct horse" not in hashed
    assert verify_password(hashed, "correct horse battery")
    assert not verify_password(hashed, "correct horse battery!")
    with pytest.raises(ValueError, match="at least 8"):
        hash_password("short")


def test_users_log_in_only_with_their_password(store: Store) -> None:
    create_user(store, "olga", "moderator", "s3cret-pass")
    user = authenticate_password(store, "olga", "s3cret-pass")
    assert user is not None and (user.name, user.role, user.actor) == ("olga", "moderator", "olga")
    assert authenticate_password(store, "olga", "wrong-pass") is None
    assert authenticate_password(store, "nobody", "s3cret-pass") is None
    with pytest.raises(ValueError, match="unknown role 'boss'"):
        create_user(store, "x", "boss", "s3cret-pass")


def test_tokens_are_stored_hashed_and_can_be_revoked(store: Store) -> None:
    token = create_token(store, "telegram-bridge")
    assert store.query("SELECT count(*) AS n FROM api_tokens WHERE token_hash = ?", [token])[0]["n"] == 0
    principal = authenticate_token(store, token)
    assert principal is not None and principal.actor == "token:telegram-bridge"
    assert principal.role == "ingest"
    assert authenticate_token(store, token + "x") is None
    assert revoke_token(store, "telegram-bridge")
    assert authenticate_token(store, token) is None


def test_session_cookie_is_signed() -> None:
    signer = SessionSigner("k" * 32, 3600)
    value, session = signer.issue(7)
    assert signer.read(value) == session
    assert signer.read(value[:-2] + "xx") is None
    assert SessionSigner("other-secret" * 3, 3600).read(value) is None
    assert same_token(session.csrf, session.csrf) and not same_token(session.csrf, "")


@pytest.mark.parametrize(("role", "permission", "expected"), [
    ("moderator", "flags", True), ("moderator", "answers", False), ("manager", "answers", True),
    ("admin", "calibration", True), ("ingest", "flags", False), ("ingest", "ingest", True),
    ("unknown", "ingest", False)])
def test_roles(role: str, permission: str, expected: bool) -> None:
    assert allowed(role, permission) is expected
