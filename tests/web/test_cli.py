"""``assistant user add`` and ``assistant token add``."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from assistant.auth.users import authenticate_password, authenticate_token
from assistant.cli import main
from assistant.store import Store


def test_user_add_reads_the_password_from_stdin(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    result = CliRunner().invoke(main, ["user", "add", "olga", "--role", "manager",
                                       "--password-stdin", "--db", str(db)],
                                input="long-enough-pw\n")
    assert result.exit_code == 0, result.output
    store = Store(db)
    user = authenticate_password(store, "olga", "long-enough-pw")
    assert user is not None and user.role == "manager"
    store.close()


def test_user_add_prompts_twice_and_rejects_short_passwords(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    result = CliRunner().invoke(main, ["user", "add", "ivan", "--db", str(db)],
                                input="short\nshort\n")
    assert result.exit_code == 1 and "at least 8 characters" in result.output
    bad_role = CliRunner().invoke(main, ["user", "add", "ivan", "--role", "boss", "--db", str(db)])
    assert bad_role.exit_code == 2 and "moderator" in bad_role.output


def test_token_add_prints_a_working_token_once(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    result = CliRunner().invoke(main, ["token", "add", "telegram", "--db", str(db)])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[0]
    store = Store(db)
    principal = authenticate_token(store, token)
    assert principal is not None and principal.role == "ingest"
    store.close()
    revoked = CliRunner().invoke(main, ["token", "revoke", "telegram", "--db", str(db)])
    assert revoked.exit_code == 0
    store = Store(db)
    assert authenticate_token(store, token) is None
    store.close()
