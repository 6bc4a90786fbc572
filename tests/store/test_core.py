from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from assistant.models import Flag, Highlight, Message, Verdict
from assistant.store import Store, StoredOutcome


def _message(**fields: object) -> Message:
    values: dict[str, object] = {"id": "m1", "chat": "c1", "author": "u1", "text": "привет",
                                 "ts": datetime(2026, 1, 5, 12, 0, tzinfo=UTC)}
    values.update(fields)
    return Message(**values)  # type: ignore[arg-type]


def _outcome(message: Message, **fields: object) -> StoredOutcome:
    verdict = Verdict(message_id=message.id, chat=message.chat, lang="ru",
                      flags=[Flag(category="conflict", rule="insult", severity="high", reason="r")])
    values: dict[str, object] = {"verdict": verdict, "lang": "ru", "is_question": False,
                                 "embedding": np.ones(4, dtype=np.float32), "flags": verdict.flags}
    values.update(fields)
    return StoredOutcome(**values)  # type: ignore[arg-type]


def test_database_file_uses_wal_and_records_migrations(tmp_path: Path) -> None:
    store = Store(tmp_path / "sub" / "a.db")
    assert store.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"
    assert "0001_core" in {r["name"] for r in store.query("SELECT name FROM migrations")}
    store.close()
    assert Store(tmp_path / "sub" / "a.db").count("migrations") >= 1  # reopening applies nothing twice


def test_outcome_is_written_whole(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.db")
    message = _message(extra_field={"kept": True})
    rowid = store.record_received(message)
    store.record_outcome(rowid, message, _outcome(message))
    assert store.find_verdict(message) == _outcome(message).verdict
    assert store.count("flags") == 1
    row = store.query("SELECT status, extra FROM messages")[0]
    assert row["status"] == "done"
    assert '"extra_field": {"kept": true}' in row["extra"]  # unknown fields are stored


def test_a_crash_mid_write_leaves_no_half_record(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "a.db")
    message = _message()
    rowid = store.record_received(message)

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_write_highlight", explode)
    outcome = _outcome(message)
    outcome.verdict.highlight = Highlight(score=0.9, reason="good answer")
    with pytest.raises(RuntimeError):
        store.record_outcome(rowid, message, outcome)
    assert store.count("verdicts") == 0
    assert store.count("flags") == 0
    assert store.query("SELECT status FROM messages")[0]["status"] == "received"  # not lost


def test_the_message_key_is_unique(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.db")
    first = store.record_received(_message())
    again = store.record_received(_message(text="changed"))
    other_chat = store.record_received(_message(chat="c2"))
    assert first == again != other_chat
    assert store.query("SELECT text FROM messages WHERE id = ?", [first])[0]["text"] == "привет"


def test_in_memory_store_keeps_nothing_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = Store(None)
    store.record_received(_message())
    assert store.count("messages") == 1
    assert list(tmp_path.iterdir()) == []


def test_chat_context_is_recent_messages_and_the_replied_one(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.db")
    for i in range(5):
        message = _message(id=f"m{i}", ts=datetime(2026, 1, 5, 12, i, tzinfo=UTC))
        store.record_outcome(store.record_received(message), message, _outcome(message))
    current = _message(id="m9", reply_to="m0", ts=datetime(2026, 1, 5, 12, 30, tzinfo=UTC))
    context = store.chat_context(current, limit=2, minutes=60)
    assert [m.id for m in context] == ["m0", "m3", "m4"]
    assert context[0].flag_categories == ["conflict"]
    assert context[0].embedding is not None and context[0].embedding.shape == (4,)
