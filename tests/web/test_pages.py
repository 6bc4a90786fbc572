"""The review pages: nothing without a log-in, CSRF on every form, decisions, two languages."""

from __future__ import annotations

import pytest
from web_session import PASSWORD, Review, csrf_of, log_in

from assistant.models import Message
from assistant.service import Assistant

PAGES = ["/review/", "/review/flags/1", "/review/answers", "/review/highlights",
         "/review/dashboard", "/review/calibration", "/review/audit"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_redirects_to_log_in_without_a_session(review: Review, path: str) -> None:
    response = review.client.get(path)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/review/login?next=")
    assert "Борис" not in response.text


def test_forms_need_a_session_too(review: Review) -> None:
    response = review.client.post(f"/review/flags/{review.seeded.flags['spam']}/decide",
                                  data={"action": "dismiss", "csrf": "x"})
    assert response.status_code == 303 and "/review/login" in response.headers["location"]


def test_wrong_password_is_refused(review: Review) -> None:
    form = review.client.get("/review/login")
    response = review.client.post("/review/login", data={
        "username": "olga", "password": "not-it-at-all", "csrf": csrf_of(form.text)})
    assert response.status_code == 303 and "error=login_failed" in response.headers["location"]
    assert review.client.get("/review/").status_code == 303


def test_repeated_wrong_passwords_lock_the_name_for_a_while(review: Review) -> None:
    for _ in range(5):
        form = review.client.get("/review/login")
        response = review.client.post("/review/login", data={
            "username": "olga", "password": "guess", "csrf": csrf_of(form.text)})
        assert "error=login_failed" in response.headers["location"]
    form = review.client.get("/review/login")
    response = review.client.post("/review/login", data={
        "username": "olga", "password": PASSWORD, "csrf": csrf_of(form.text)})
    assert "error=login_throttled" in response.headers["location"]  # even the right password
    page = review.client.get(response.headers["location"] + "&lang=en").text
    assert "Too many failed attempts" in page
    assert review.client.get("/review/").status_code == 303


def test_log_in_without_the_form_token_is_refused(review: Review) -> None:
    response = review.client.post("/review/login", data={"username": "olga", "password": PASSWORD})
    assert "error=login_expired" in response.headers["location"]


def test_session_cookie_is_httponly_and_samesite(review: Review) -> None:
    form = review.client.get("/review/login")
    response = review.client.post("/review/login", data={
        "username": "olga", "password": PASSWORD, "csrf": csrf_of(form.text)})
    cookie = response.headers["set-cookie"].lower()
    assert "assistant_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie


def test_queue_shows_thread_groups_and_counts(review: Review) -> None:
    log_in(review.client, "olga")
    page = review.client.get("/review/?lang=en").text
    assert page.index("Тебе уже сто раз объясняли") < page.index("Заработок от 5000")
    assert "insult-direct" in page and "direct insult of another member" in page
    assert 'data-count="open">4<' in page
    assert "Content-Security-Policy" in review.client.get("/review/").headers


def test_dismiss_through_the_form_is_audited(review: Review) -> None:
    csrf = log_in(review.client, "olga")
    flag = review.seeded.flags["insult"]
    response = review.client.post(f"/review/flags/{flag}/decide",
                                  data={"action": "dismiss", "note": "old friends joking",
                                        "csrf": csrf})
    assert response.status_code == 303
    thread = review.client.get(f"/review/flags/{flag}?lang=en").text
    assert 'id="flag-state">dismissed' in thread and "old friends joking" in thread
    audit = review.client.get("/review/audit").text
    assert "olga" in audit and "dismiss → dismissed" in audit
    assert 'data-count="dismissed">1<' in review.client.get("/review/").text


def test_a_form_without_the_csrf_token_changes_nothing(review: Review) -> None:
    log_in(review.client, "olga")
    flag = review.seeded.flags["insult"]
    response = review.client.post(f"/review/flags/{flag}/decide",
                                  data={"action": "dismiss", "csrf": "forged"})
    assert response.status_code == 403
    assert "dismiss" not in review.client.get("/review/audit").text


def test_moderators_cannot_open_managers_pages(review: Review) -> None:
    log_in(review.client, "olga")
    assert review.client.get("/review/answers").status_code == 403
    assert review.client.get("/review/calibration").status_code == 403
    assert review.client.get("/review/dashboard").status_code == 200


def test_manager_reviews_answers_highlights_dashboard(review: Review) -> None:
    csrf = log_in(review.client, "maria")
    answers = review.client.get("/review/answers?lang=en").text
    assert "volunteer-book" in answers and "answered, not reviewed" in answers
    review.client.post(f"/review/answers/{review.seeded.answer_id}/decide",
                       data={"action": "escalate", "csrf": csrf})
    assert "outcome-escalated" in review.client.get("/review/answers").text
    rowid = review.seeded.rowids["m5"]
    review.client.post(f"/review/highlights/{rowid}/feature", data={"featured": "1", "csrf": csrf})
    assert "★" in review.client.get("/review/highlights").text
    dashboard = review.client.get("/review/dashboard?lang=en").text
    assert dashboard.count("<svg") == 2 and 'data-outcome="escalated">1<' in dashboard
    assert "insult-direct" in review.client.get("/review/calibration").text


def test_interface_language_from_browser_config_or_choice(review: Review) -> None:
    log_in(review.client, "olga")
    russian = review.client.get("/review/", headers={"accept-language": "ru-RU,ru;q=0.9,en;q=0.5"})
    assert "Очередь" in russian.text and 'lang="ru"' in russian.text
    english = review.client.get("/review/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert "Queue" in english.text
    review.client.get("/review/?lang=ru")
    assert "Очередь" in review.client.get("/review/", headers={"accept-language": "en"}).text


def test_log_out_ends_the_session(review: Review) -> None:
    csrf = log_in(review.client, "olga")
    review.client.post("/review/logout", data={"csrf": csrf})
    assert review.client.get("/review/").status_code == 303


def test_static_files_are_served_locally(review: Review) -> None:
    css = review.client.get("/review/static/review.css")
    assert css.status_code == 200 and "@media" in css.text


def test_an_answer_marked_wrong_on_the_page_is_not_given_again(review: Review,
                                                               review_assistant: Assistant) -> None:
    question = "Подскажите, где получить личную книжку волонтёра? Нужна к субботе"
    loaded = review_assistant.resources
    asked = review_assistant.handle(Message(id="q1", chat="c1", author="u1", text=question))
    assert asked.faq is not None and asked.faq.id == "volunteer-book" and asked.actions
    csrf = log_in(review.client, "maria")
    review.client.post(f"/review/answers/{review.seeded.answer_id}/decide",
                       data={"action": "wrong", "csrf": csrf})
    try:  # no reload: the decision rebuilt the running matcher
        again = review_assistant.handle(Message(id="q2", chat="c2", author="u2", text=question))
        assert again.actions == [] and (again.faq is None or again.faq.id != "volunteer-book")
    finally:
        review_assistant.resources = loaded  # the assistant is shared by the module's tests
