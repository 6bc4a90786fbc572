"""Rendering a page: the Jinja2 environment, the language, the security headers."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from assistant.auth.deps import Forbidden, PageUser
from assistant.auth.roles import allowed
from assistant.auth.sessions import same_token
from assistant.web.i18n import LANGUAGES, Translator, choose_language

TEMPLATES = Path(__file__).with_name("templates")
LANG_COOKIE = "assistant_lang"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
NAV = (("queue", "flags", "nav_queue"), ("answers", "answers", "nav_answers"),
       ("highlights", "highlights", "nav_highlights"), ("dashboard", "dashboard", "nav_dashboard"),
       ("calibration", "calibration", "nav_calibration"), ("audit", "audit", "nav_audit"))


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                       trim_blocks=True, lstrip_blocks=True)


def page_language(request: Request) -> str:
    chosen = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    return choose_language(chosen, request.app.state.settings.review_lang,
                           request.headers.get("accept-language"))


def render(request: Request, template: str, user: PageUser | None, status: int = 200,
           **context: Any) -> HTMLResponse:
    """The page as an HTML response, with the translator, navigation and CSRF token."""
    lang = page_language(request)
    nav = [] if user is None else [
        {"name": name, "href": f"/review/{'' if name == 'queue' else name}", "label": label}
        for name, permission, label in NAV if allowed(user.principal.role, permission)]
    html = environment().get_template(template).render(
        request=request, t=Translator(lang), lang=lang, languages=LANGUAGES, user=user,
        csrf=user.session.csrf if user else context.pop("csrf", ""), nav=nav, **context)
    response = HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, httponly=True,
                            samesite="lax", path="/review")
    return response


async def checked_form(request: Request, user: PageUser) -> dict[str, str]:
    """The posted form, after its CSRF token was checked against the session's."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    if not same_token(user.session.csrf, form.get("csrf")):
        raise Forbidden("csrf")
    return form
