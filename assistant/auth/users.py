"""Who is asking: a user who logged in with a password, or a program with an API token."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from assistant.auth.passwords import DUMMY_HASH, hash_password, needs_rehash, verify_password
from assistant.auth.roles import ROLES, TOKEN_ROLES
from assistant.store import Store, accounts

TOKEN_PREFIX = "ca_"


@dataclass(frozen=True)
class Principal:
    """The authenticated actor; ``name`` is what the audit log records."""

    name: str
    role: str
    kind: str  # user | token
    user_id: int | None = None

    @property
    def actor(self) -> str:
        return self.name if self.kind == "user" else f"token:{self.name}"


def create_user(store: Store, name: str, role: str, password: str) -> int:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
    if not name.strip():
        raise ValueError("the user name is empty")
    return accounts.add_user(store, name.strip(), role, hash_password(password))


def authenticate_password(store: Store, name: str, password: str) -> Principal | None:
    user = accounts.find_user(store, name.strip())
    if user is None:
        verify_password(DUMMY_HASH, password)
        return None
    if not verify_password(user["password_hash"], password):
        return None
    if needs_rehash(user["password_hash"]):
        accounts.set_password_hash(store, user["id"], hash_password(password))
    return Principal(user["name"], user["role"], "user", user["id"])


def principal_of_user(store: Store, user_id: int) -> Principal | None:
    user = accounts.get_user(store, user_id)
    return Principal(user["name"], user["role"], "user", user["id"]) if user else None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(store: Store, name: str, role: str = "ingest") -> str:
    """A new API token; only its hash is stored, so show it to the user now."""
    if role not in TOKEN_ROLES:
        raise ValueError(f"unknown token role {role!r}: choose one of {', '.join(TOKEN_ROLES)}")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    accounts.add_token(store, name, role, token_hash(token))
    return token


def authenticate_token(store: Store, token: str) -> Principal | None:
    if not token:
        return None
    row = accounts.find_token(store, token_hash(token))
    return Principal(row["name"], row["role"], "token") if row else None
