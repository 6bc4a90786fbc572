"""`assistant faq suggest`: questions the FAQ did not answer, grouped, ranked, drafted."""

from __future__ import annotations

import re

from click.testing import CliRunner
from ruamel.yaml import YAML

from assistant.cli import main

ROWS = [
    ("q1", "u1", "Где можно сдать батарейки на переработку?", None),
    ("a1", "u2", "В любом ВкусВилле у входа стоит контейнер, ещё в Леруа Мерлен на ул. Ленина 5", "q1"),
    ("q2", "u3", "Куда сдать использованные батарейки?", None, 30),
    ("q3", "u4", "Подскажите, куда сдавать старые батарейки?", None, 30),
    ("q4", "u5", "Во сколько начинается субботник в парке?", None, 30),
]


def _suggest(service, chat_stream, tmp_path) -> str:
    service.handle_batch(chat_stream("gaps", ROWS))
    db = tmp_path / "gaps.db"
    service.store.db.conn.execute(f"VACUUM INTO '{db}'")
    result = CliRunner().invoke(main, ["faq", "suggest", "--db", str(db), "--since", "2020-01-01",
                                       "--chat", "gaps"])
    assert result.exit_code == 0, result.output
    return result.output


def test_groups_are_ranked_by_how_often_asked_and_drafted_from_member_answers(
        service, chat_stream, tmp_path):
    text = _suggest(service, chat_stream, tmp_path)
    entries = YAML(typ="safe").load(text)["entries"]
    first = entries[0]
    assert "батарейк" in first["question"] and len(first["variants"]) == 2
    assert "ВкусВилле" in first["answer"] and first["tags"] == ["suggested"]
    assert all(re.fullmatch(r"[a-z0-9-]+", e["id"]) for e in entries)
    assert "субботник" in entries[1]["question"] and entries[1]["answer"].startswith("TODO")
    assert "# asked 3 time(s)" in text
