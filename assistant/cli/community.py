"""`assistant community add|list`: connect a chat platform to a community (the communities file)."""

from __future__ import annotations

import secrets
from pathlib import Path

import click
from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from assistant.cli.app import main, make_settings
from assistant.communities import COMMUNITY_ID, PLATFORMS, Community, describe, load_communities
from assistant.errors import ConfigError

# the secret the platform sends back, generated when not given (Slack's is made by Slack)
GENERATED = {"telegram": "secret_token", "vk": "secret", "matrix": "hs_token",
             "discord": "relay_secret"}


@main.group("community")
def community_group() -> None:
    """Communities and their chat platforms (webhook secrets live in the communities file)."""


def _load(path: Path) -> CommentedMap:
    yaml = YAML(typ="rt")
    if not path.exists():
        return CommentedMap({"communities": CommentedMap()})
    data = yaml.load(path.read_text(encoding="utf-8")) or CommentedMap()
    data.setdefault("communities", CommentedMap())
    return data  # type: ignore[no-any-return]


@community_group.command("add")
@click.argument("community")
@click.argument("platform", type=click.Choice(PLATFORMS))
@click.argument("settings", nargs=-1, metavar="KEY=VALUE...")
@click.option("--file", "path", type=click.Path(path_type=Path, dir_okay=False),
              help="The communities file (default: ASSISTANT_COMMUNITIES or communities.yaml).")
@click.option("--base-url", default="https://YOUR-HOST", show_default=True,
              help="Where the service is reachable from the platform, for the printed URL.")
def add(community: str, platform: str, settings: tuple[str, ...], path: Path | None,
        base_url: str) -> None:
    """Connect PLATFORM to COMMUNITY, e.g. `assistant community add volunteers telegram
    bot_token=123:ABC`; prints the webhook URL and the secret to paste into the platform."""
    path = path or make_settings().communities
    if path.suffix == ".toml":
        raise click.ClickException(f"{path}: TOML files are edited by hand; use a .yaml file here")
    if not COMMUNITY_ID.match(community):
        raise click.BadParameter("lowercase letters, digits, '-' or '_'", param_hint="COMMUNITY")
    values: dict[str, str] = {}
    for item in settings:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"'{item}' is not KEY=VALUE", param_hint="KEY=VALUE")
        values[key.strip()] = value
    generated = GENERATED.get(platform)
    made = bool(generated) and generated not in values
    if generated and made:
        values[generated] = secrets.token_urlsafe(24)
    data = _load(path)
    entry = data["communities"].setdefault(community, CommentedMap())
    entry[platform] = CommentedMap({**dict(entry.get(platform) or {}), **values})
    try:  # validate the whole community before anything is written
        Community.model_validate({"id": community, **_plain(entry)})
    except ValidationError as exc:
        raise click.ClickException("; ".join(describe(community, e) for e in exc.errors())) from exc
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as stream:
        YAML(typ="rt").dump(data, stream)
    path.chmod(0o600)  # it holds secrets
    url = f"{base_url.rstrip('/')}/webhooks/{platform}/{community}"
    click.echo(f"{path}: {platform} connected to community '{community}'")
    click.echo(f"webhook URL: {url}")
    if generated and made:
        click.echo(f"{generated}: {values[generated]}  (paste it into {platform}; shown once)")


def _plain(node: object) -> dict[str, object]:
    return {str(k): (_plain(v) if isinstance(v, dict) else v) for k, v in dict(node).items()}  # type: ignore[call-overload]


@community_group.command("list")
@click.option("--file", "path", type=click.Path(path_type=Path, dir_okay=False))
def list_communities(path: Path | None) -> None:
    """The communities and their connected platforms (never the secrets)."""
    path = path or make_settings().communities
    try:
        found = load_communities(path)
    except ConfigError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise SystemExit(1) from exc
    for cid, community in sorted(found.items()):
        platforms = [p for p in PLATFORMS if community.platform(p) is not None]
        click.echo(f"{cid}\t{community.name or ''}\t{', '.join(platforms)}")
