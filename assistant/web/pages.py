"""The review pages: log-in, the queue, a thread with its decisions; ``install_pages(app)``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from assistant.auth.deps import (
    Forbidden,
    LoginRequired,
    PageUser,
    current_page_user,
    get_signer,
    get_store,
    page_access,
)
from assistant.auth.sessions import LOGIN_CSRF_COOKIE, SESSION_COOKIE, new_csrf, same_token
from assistant.auth.users import authenticate_password
from assistant.review.decisions import DecisionError, decide_flag
from assistant.review.queue import clean_filters, load_queue, load_thread
from assistant.store import review as review_db
from assistant.web import pages_manage
from assistant.web.rendering import checked_form, render

STATIC = Path(__file__).with_name("static")
router = APIRouter(prefix="/review", include_in_schema=False)
FlagsUser = Annotated[PageUser, Depends(page_access("flags"))]


def safe_next(url: str | None) -> str:
    """Only a path of the review pages: never an open redirect."""
    return url if url and url.startswith("/review") and not url.startswith("//") else "/review/"


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None, error: str | None = None) -> Response:
    token = new_csrf()
    response = render(request, "login.html", None, csrf=token, next=safe_next(next), error=error)
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict",
                        secure=request.app.state.settings.cookie_secure, path="/review")
    return response


@router.post("/login")
async def login(request: Request) -> Response:
    form = {k: str(v) for k, v in (await request.form()).items()}
    target = safe_next(form.get("next"))
    if not same_token(request.cookies.get(LOGIN_CSRF_COOKIE), form.get("csrf")):
        return RedirectResponse(f"/review/login?error=login_expired&next={quote(target)}", 303)
    throttle = request.app.state.login_throttle
    name, address = form.get("username", ""), request.client.host if request.client else "?"
    if not throttle.allowed(name, address):
        return RedirectResponse(f"/review/login?error=login_throttled&next={quote(target)}", 303)
    principal = authenticate_password(get_store(request), name, form.get("password", ""))
    if principal is None or principal.user_id is None:
        throttle.failed(name, address)
        return RedirectResponse(f"/review/login?error=login_failed&next={quote(target)}", 303)
    throttle.succeeded(name)
    value, _ = get_signer(request).issue(principal.user_id)
    response = RedirectResponse(target, 303)
    response.set_cookie(SESSION_COOKIE, value, max_age=get_signer(request).max_age, httponly=True,
                        samesite="lax", secure=request.app.state.settings.cookie_secure,
                        path="/review")
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/review")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    user = current_page_user(request)
    if user is not None:
        await checked_form(request, user)
    response = RedirectResponse("/review/login", 303)
    response.delete_cookie(SESSION_COOKIE, path="/review")
    return response


@router.get("/", response_class=HTMLResponse)
def queue_page(request: Request, user: FlagsUser) -> Response:
    queue = load_queue(get_store(request), clean_filters(dict(request.query_params)))
    for group in queue["groups"][:100]:
        group.context = review_db.messages_around(get_store(request), group.platform, group.chat,
                                                  group.items[0]["ts"], 2, 1)
    return render(request, "queue.html", user, queue=queue,
                  states=review_db.FLAG_STATES, severities=("high", "medium", "low"))


@router.get("/flags/{flag_id}", response_class=HTMLResponse)
def thread_page(request: Request, flag_id: int, user: FlagsUser, done: str | None = None) -> Response:
    thread = load_thread(get_store(request), flag_id)
    if thread is None:
        return render(request, "error.html", user, status=404, message="not_found")
    return render(request, "thread.html", user, thread=thread, done=done)


@router.post("/flags/{flag_id}/decide")
async def decide_page(request: Request, flag_id: int, user: FlagsUser) -> Response:
    form = await checked_form(request, user)
    try:
        decide_flag(get_store(request), flag_id, form.get("action", ""), user.principal.actor,
                    form.get("note"))
    except DecisionError as exc:
        status = 404 if exc.code == "not_found" else 400
        return render(request, "error.html", user, status=status, message=str(exc))
    return RedirectResponse(f"/review/flags/{flag_id}?done=1", 303)


def install_pages(app: FastAPI) -> None:
    """The review pages, their static files, and the log-in redirect / 403 page."""
    app.include_router(router)
    app.include_router(pages_manage.router)
    app.mount("/review/static", StaticFiles(directory=STATIC), name="review-static")

    @app.get("/review", include_in_schema=False)
    def review_root() -> Response:
        return RedirectResponse("/review/", 307)

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(f"/review/login?next={quote(exc.next_url)}", 303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> Response:
        return render(request, "error.html", current_page_user(request), status=403,
                      message="forbidden")
