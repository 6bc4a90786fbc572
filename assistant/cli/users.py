"""``assistant user add`` and ``assistant token add``: access to the review pages and the API."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from assistant.auth.roles import ROLES, TOKEN_ROLES
from assistant.cli.app import main, make_settings

DB_OPTION = click.option("--db", type=click.Path(path_type=Path, dir_okay=False),
                         help="SQLite database file (default ./var/assistant.db).")


def _store(db: Path | None):  # type: ignore[no-untyped-def]
    from assistant.store import Store

    settings = make_settings(db=db)
    if settings.db is None:
        raise click.ClickException("users and tokens need a database file: pass --db PATH")
    return Store(settings.db)


@main.group("user")
def user_group() -> None:
    """Users of the review pages (moderator, manager, admin)."""


@user_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="moderator", show_default=True)
@click.option("--password-stdin", is_flag=True,
              help="Read the password from the first line of standard input (for scripts).")
@DB_OPTION
def user_add(name: str, role: str, password_stdin: bool, db: Path | None) -> None:
    """Create a user (or set an existing user's role and password)."""
    from assistant.auth.users import create_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    store = _store(db)
    try:
        create_user(store, name, role, password)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"user {name!r} ({role}) saved; log in at /review/login")


@main.group("token")
def token_group() -> None:
    """API tokens for programs and for the chat platforms' message endpoint."""


@token_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(TOKEN_ROLES), default="ingest", show_default=True,
              help="ingest: may only POST /v1/messages; moderator and up: the review API too.")
@DB_OPTION
def token_add(name: str, role: str, db: Path | None) -> None:
    """Create an API token and print it once (only its hash is kept)."""
    from assistant.auth.users import create_token

    store = _store(db)
    try:
        token = create_token(store, name, role)
    finally:
        store.close()
    click.echo(token)
    click.echo(f"token {name!r} ({role}) saved: send it as 'Authorization: Bearer <token>'; "
               "it is not shown again", err=True)


@token_group.command("revoke")
@click.argument("name")
@DB_OPTION
def token_revoke(name: str, db: Path | None) -> None:
    """Revoke an API token by name."""
    from assistant.store.accounts import revoke_token

    store = _store(db)
    try:
        found = revoke_token(store, name)
    finally:
        store.close()
    if not found:
        raise click.ClickException(f"no live token named {name!r}")
    click.echo(f"token {name!r} revoked")
