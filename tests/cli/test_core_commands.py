"""assistant check / analyze, as a manager runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main

BROKEN = """\
entries:
  - id: join
    question: Как вступить?
    answer: Заполните анкету.
  - id: Join Us
    question: Как присоединиться?
    answr: Заполните анкету.
"""


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *args], input=stdin,
                          capture_output=True, text=True, timeout=300)


def test_check_reports_every_problem_with_file_and_line(tmp_path: Path,
                                                        files: tuple[Path, Path],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    knowledge = tmp_path / "kb"
    knowledge.mkdir()
    (knowledge / "faq.yaml").write_text(BROKEN, encoding="utf-8")
    (knowledge / "more.yaml").write_text("entries:\n  - id: join\n    question: Q?\n    answer: A\n",
                                         encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--rules", str(files[0]), "--knowledge", "kb"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "kb/faq.yaml:5: entry 'Join Us': id is 'Join Us'; it must match [a-z0-9-]+ " \
           "(e.g. volunteer-book)" in lines
    assert "kb/faq.yaml:7: entry 'Join Us': unknown key 'answr' (did you mean 'answer'?)" in lines
    assert "kb/faq.yaml:5: entry 'Join Us': 'answer' is required and must be non-empty text" in lines
    assert "kb/more.yaml:2: entry 'join': duplicate id, first defined at kb/faq.yaml:2" in lines


def test_check_reports_yaml_syntax_errors_with_the_line(tmp_path: Path, files: tuple[Path, Path],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "faq.yaml").write_text("entries:\n  - id: a\n    question: [x\n",
                                              encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--rules", str(files[0]), "--knowledge", "kb"])
    assert result.exit_code == 1
    assert result.stdout.startswith("kb/faq.yaml:4: YAML syntax error:")


def test_check_passes_on_the_bundled_files() -> None:
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: ")


def test_analyze_prints_one_verdict_a_line_in_input_order(files: tuple[Path, Path]) -> None:
    lines = [
        {"id": "1", "chat": "c", "author": "u1", "text": "Всем привет!"},
        {"id": "2", "chat": "c", "author": "u2", "text": "How do I join?"},
        {"id": "3", "chat": "c", "author": "u3", "text": "ок", "reply_to": "2"},
    ]
    stdin = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    result = run_cli("analyze", "--rules", str(files[0]), "--knowledge", str(files[1]), "-",
                     stdin=stdin)
    assert result.returncode == 0, result.stderr
    verdicts = [json.loads(line) for line in result.stdout.splitlines()]
    assert [v["message_id"] for v in verdicts] == ["1", "2", "3"]
    assert [v["lang"] for v in verdicts] == ["ru", "en", "ru"]


def test_analyze_reports_bad_lines_in_place_and_exits_2(files: tuple[Path, Path]) -> None:
    stdin = ('{"id": "1", "chat": "c", "author": "u", "text": "привет"}\n'
             "not json\n"
             '{"id": "3", "chat": "c"}\n')
    result = run_cli("analyze", "--rules", str(files[0]), "--knowledge", str(files[1]), stdin=stdin)
    assert result.returncode == 2
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0]["message_id"] == "1"
    assert out[1] == {"error": {"line": 2, "problem": "invalid JSON at column 1: Expecting value"}}
    assert out[2] == {"error": {"line": 3, "problem": "author: Field required; text: Field required"}}
    assert "2 input record(s) could not be analysed" in result.stderr


def test_analyze_reads_a_telegram_desktop_export(tmp_path: Path, files: tuple[Path, Path]) -> None:
    export = {"name": "Волонтёры", "type": "private_supergroup", "id": 1234, "messages": [
        {"id": 10, "type": "service", "date": "2026-02-01T10:00:00", "action": "join_group_by_link"},
        {"id": 11, "type": "message", "date": "2026-02-01T10:01:00", "from": "Аня",
         "from_id": "user1", "text": "Где взять книжку волонтёра?"},
        {"id": 12, "type": "message", "date": "2026-02-01T10:02:00", "from": "Боря",
         "from_id": "user2", "reply_to_message_id": 11,
         "text": ["Спроси у ", {"type": "mention", "text": "@coordinator"}, " в чате"]},
    ]}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")
    db = tmp_path / "kept.db"
    result = run_cli("analyze", "--rules", str(files[0]), "--knowledge", str(files[1]),
                     "--db", str(db), str(path))
    assert result.returncode == 0, result.stderr
    verdicts = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(v["chat"], v["message_id"]) for v in verdicts] == [("1234", "11"), ("1234", "12")]
    from assistant.store import Store

    rows = Store(db).query("SELECT author, text, reply_to, platform FROM messages ORDER BY id")
    assert rows[1] == {"author": "user2", "text": "Спроси у @coordinator в чате", "reply_to": "11",
                       "platform": "telegram"}
