"""End to end in a real headless Chromium: log in, the queue, a thread, dismiss, the audit log.

Runs Debian's chromium (``apt-get install chromium``; .ci/run installs it) through Playwright
with ``executable_path``; skips with the reason when no browser is installed.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from review_seed import seed
from web_session import PASSWORD

from assistant.api.app import create_app
from assistant.auth.users import create_user
from assistant.service import Assistant
from assistant.store import Store

pytestmark = pytest.mark.browser
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def live_url(review_assistant: Assistant, tmp_path: Path) -> Iterator[str]:
    """The real app served by uvicorn on 127.0.0.1, over a seeded store with one moderator."""
    store = Store(tmp_path / "browser.db")
    review_assistant.store = store
    seed(store)
    create_user(store, "olga", "moderator", PASSWORD)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(review_assistant.settings, review_assistant),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture
def page(live_url: str) -> Iterator[object]:
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium browser installed (apt-get install chromium); .ci/run installs it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is missing")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
        yield context.new_page()
        browser.close()


def test_moderator_dismisses_a_flag_and_sees_it_in_the_audit_log(page, live_url: str,  # type: ignore[no-untyped-def]
                                                                   tmp_path: Path) -> None:
    page.goto(f"{live_url}/review/")
    assert "/review/login" in page.url
    page.fill("input[name=username]", "olga")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_url}/review/")
    assert page.locator("[data-count=open]").inner_text() == "4"
    first = page.locator("section.group").first
    assert "direct insult of another member" in first.inner_text()
    _screenshot(page, tmp_path)

    first.locator("li.item").first.get_by_role("link", name="Open thread").click()
    page.wait_for_url("**/review/flags/*")
    conversation = page.locator("ol.thread")
    assert "replies to Анна" in conversation.inner_text()
    assert "Тебе уже сто раз объясняли" in page.locator("li.msg.flagged").inner_text()

    page.fill("textarea[name=note]", "old friends joking, they said so")
    page.get_by_role("button", name="Dismiss (false alarm)").click()
    page.wait_for_url("**/review/flags/*?done=1")
    assert page.locator("#flag-state").inner_text() == "dismissed"
    assert "old friends joking" in page.locator("ol.history").inner_text()

    page.get_by_role("link", name="Audit log").click()
    row = page.locator("#audit tbody tr").first
    assert "olga" in row.inner_text() and "dismiss → dismissed" in row.inner_text()
    assert "insult-direct" in row.inner_text()

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_url}/review/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def _screenshot(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The queue as a person sees it; REVIEW_SCREENSHOT=path keeps it (docs/screenshots/)."""
    target = Path(os.environ.get("REVIEW_SCREENSHOT") or tmp_path / "queue.png")
    page.screenshot(path=str(target), full_page=True)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
