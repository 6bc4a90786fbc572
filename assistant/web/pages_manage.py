"""The managers' pages: auto-answers, highlights, dashboard, calibration, and the audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from assistant.auth.deps import PageUser, get_store, page_access
from assistant.review.asker_thanks import sync_asker_thanks
from assistant.review.calibration import load_calibration
from assistant.review.charts import bar_chart
from assistant.review.dashboard import OUTCOMES, load_dashboard
from assistant.review.decisions import DecisionError, decide_answer, feature_highlight
from assistant.store import review as review_db
from assistant.store import review_answers as answers_db
from assistant.web.i18n import Translator
from assistant.web.rendering import checked_form, page_language, render

router = APIRouter(prefix="/review", include_in_schema=False)
AnswersUser = Annotated[PageUser, Depends(page_access("answers"))]
HighlightsUser = Annotated[PageUser, Depends(page_access("highlights"))]
DashboardUser = Annotated[PageUser, Depends(page_access("dashboard"))]
CalibrationUser = Annotated[PageUser, Depends(page_access("calibration"))]
AuditUser = Annotated[PageUser, Depends(page_access("audit"))]


def _entries(request: Request) -> list[tuple[str, str]]:
    knowledge = request.app.state.assistant.resources.knowledge
    return sorted((e.id, e.question) for e in knowledge.entries)


def _decision_failed(request: Request, user: PageUser, exc: DecisionError) -> Response:
    return render(request, "error.html", user, status=404 if exc.code == "not_found" else 400,
                  message=str(exc))


@router.get("/answers", response_class=HTMLResponse)
def answers_page(request: Request, user: AnswersUser, status: str | None = None,
                 outcome: str | None = None) -> Response:
    sync_asker_thanks(get_store(request))
    answers = answers_db.list_faq_answers(get_store(request), status or None, outcome or None)
    return render(request, "answers.html", user, answers=answers, entries=_entries(request),
                  answer_status=status, outcome=outcome)


@router.post("/answers/{answer_id}/decide")
async def answer_decide(request: Request, answer_id: int, user: AnswersUser) -> Response:
    form = await checked_form(request, user)
    try:
        decided = decide_answer(get_store(request), answer_id, form.get("action", ""),
                                user.principal.actor, {e for e, _ in _entries(request)},
                                form.get("entry") or None, form.get("note"))
    except DecisionError as exc:
        return _decision_failed(request, user, exc)
    if decided["learned"]:  # the next message is matched with what this decision taught
        await run_in_threadpool(request.app.state.assistant.refresh_learned)
    return RedirectResponse(f"/review/answers#answer-{answer_id}", 303)


@router.get("/highlights", response_class=HTMLResponse)
def highlights_page(request: Request, user: HighlightsUser) -> Response:
    return render(request, "highlights.html", user,
                  highlights=answers_db.list_highlights(get_store(request)))


@router.post("/highlights/{message_rowid}/feature")
async def highlight_feature(request: Request, message_rowid: int, user: HighlightsUser) -> Response:
    form = await checked_form(request, user)
    try:
        feature_highlight(get_store(request), message_rowid, form.get("featured") == "1",
                          user.principal.actor)
    except DecisionError as exc:
        return _decision_failed(request, user, exc)
    return RedirectResponse(f"/review/highlights#highlight-{message_rowid}", 303)


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(request: Request, user: DashboardUser, days: int = 30) -> Response:
    sync_asker_thanks(get_store(request))
    data = load_dashboard(get_store(request), max(1, min(days, 366)))
    t = Translator(page_language(request))
    charts = [bar_chart(data["labels"], data["messages"] or {"total": [0] * len(data["labels"])},
                        t("chart_messages")),
              bar_chart(data["labels"], data["flags"] or {"-": [0] * len(data["labels"])},
                        t("chart_flags"))]
    return render(request, "dashboard.html", user, data=data, charts=charts, outcomes=OUTCOMES)


@router.get("/calibration", response_class=HTMLResponse)
def calibration_page(request: Request, user: CalibrationUser) -> Response:
    data = load_calibration(get_store(request), request.app.state.assistant.resources.rules)
    return render(request, "calibration.html", user, data=data)


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, user: AuditUser, actor: str | None = None) -> Response:
    return render(request, "audit.html", user,
                  entries=review_db.audit_log(get_store(request), 500, actor or None), actor=actor)
