"""Hot reload: edited files are picked up without a restart; a broken file keeps the old set."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.nlp import NlpPipeline
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import Store

ENTRY = """\
  - id: {id}
    question: {question}
    answer: {answer}
"""


def _wait_for(predicate: Callable[[], bool], attempts: int = 100) -> bool:
    """Poll (the file watcher works in the background); bounded, never a timing assertion."""
    for _ in range(attempts):
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_files_are_reloaded_when_they_change(tmp_path: Path, make_settings: Callable[..., Settings],
                                             pipeline: NlpPipeline) -> None:
    knowledge = tmp_path / "hot"
    knowledge.mkdir()
    faq = knowledge / "faq.yaml"
    faq.write_text("entries:\n" + ENTRY.format(id="join", question="Как вступить?",
                                                 answer="Заполните анкету."), encoding="utf-8")
    settings = make_settings(knowledge=knowledge, watch=True)
    assistant = Assistant(settings, pipeline=pipeline, store=Store(settings.db))
    with TestClient(create_app(settings, assistant)) as client:
        assert client.get("/healthz").json()["faq_entries"] == 1
        time.sleep(0.3)  # let the watcher start before the edit
        faq.write_text(faq.read_text(encoding="utf-8") + ENTRY.format(
            id="donate", question="Как сделать пожертвование?", answer="Через сайт."),
            encoding="utf-8")
        assert _wait_for(lambda: client.get("/healthz").json()["faq_entries"] == 2)

        faq.write_text("entries:\n  - id: broken\n    question: [unclosed\n", encoding="utf-8")
        assert _wait_for(lambda: client.get("/healthz").json()["status"] == "degraded")
        health = client.get("/healthz").json()
        assert health["faq_entries"] == 2  # the last good set keeps serving
        assert any(p.startswith(f"{faq}:") or "faq.yaml:" in p for p in health["reload"]["problems"])
        verdict = client.post("/v1/messages", json={"id": "1", "chat": "c", "author": "u",
                                                    "text": "Как сделать пожертвование?"}).json()
        assert verdict["faq"]["id"] == "donate"
