"""FastAPI dependencies: who is asking, and may they? Pages use the session, the API tokens."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from assistant.api.errors import ApiError
from assistant.auth.roles import allowed
from assistant.auth.sessions import SESSION_COOKIE, Session, SessionSigner
from assistant.auth.users import Principal, authenticate_token, principal_of_user
from assistant.store import Store, accounts

# Starlette's TestClient reports this as the client "host": it is an in-process caller, never a
# network peer (a socket peer is always an IP address), so it counts as loopback.
IN_PROCESS_CLIENT = "testclient"


class LoginRequired(Exception):
    """No valid session: the pages redirect to the log-in form."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


class Forbidden(Exception):
    """Logged in, but the role may not use this page."""


@dataclass(frozen=True)
class PageUser:
    principal: Principal
    session: Session


def get_store(request: Request) -> Store:
    return request.app.state.assistant.store  # type: ignore[no-any-return]


def get_signer(request: Request) -> SessionSigner:
    """The cookie signer; its secret is the configured one or one kept in the database."""
    signer = getattr(request.app.state, "session_signer", None)
    if signer is None:
        settings = request.app.state.settings
        secret = settings.secret_key or accounts.signing_secret(get_store(request))
        signer = SessionSigner(secret, int(settings.session_hours * 3600))
        request.app.state.session_signer = signer
    return signer  # type: ignore[no-any-return]


def current_page_user(request: Request) -> PageUser | None:
    session = get_signer(request).read(request.cookies.get(SESSION_COOKIE))
    if session is None:
        return None
    principal = principal_of_user(get_store(request), session.user_id)
    return PageUser(principal, session) if principal else None


def page_access(permission: str) -> Callable[[Request], PageUser]:
    """A dependency: the logged-in user, who must hold ``permission``."""

    def dependency(request: Request) -> PageUser:
        user = current_page_user(request)
        if user is None:
            raise LoginRequired(str(request.url.path) + (f"?{request.url.query}"
                                                         if request.url.query else ""))
        if not allowed(user.principal.role, permission):
            raise Forbidden(permission)
        return user

    return dependency


BEARER = HTTPBearer(auto_error=False, scheme_name="apiToken",
                    description="An API token made with `assistant token add NAME --role ROLE`.")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]


def token_principal(request: Request, token: str | None, permission: str) -> Principal:
    """The token's owner, who must hold ``permission``; else a 401 or 403 ApiError."""
    principal = authenticate_token(get_store(request), token) if token else None
    if principal is None:
        raise ApiError(401, "unauthorized", "an API token is required: send 'Authorization: "
                       "Bearer <token>' (create one with `assistant token add NAME`)")
    if not allowed(principal.role, permission):
        raise ApiError(403, "forbidden", f"the token's role '{principal.role}' may not "
                       f"use this endpoint ({permission})")
    return principal


def api_access(permission: str) -> Callable[..., Principal]:
    """A dependency: an API token (Authorization: Bearer ...) whose role holds ``permission``."""

    def dependency(request: Request, credentials: Credentials) -> Principal:
        return token_principal(request, credentials.credentials if credentials else None,
                               permission)

    return dependency


def is_loopback(host: str | None) -> bool:
    if host == IN_PROCESS_CLIENT:
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


def message_access(request: Request, credentials: Credentials) -> None:
    """POST /v1/messages: open when configured so, else loopback clients or a token."""
    mode = request.app.state.settings.open_message_endpoint
    if mode is True:
        return
    if mode is None and is_loopback(request.client.host if request.client else None):
        return
    token_principal(request, credentials.credentials if credentials else None, "ingest")
