"""The communities file: YAML or TOML, every problem with file:line, `assistant community add`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.communities import CommunityRegistry, load_communities
from assistant.errors import ConfigError


def test_yaml_problems_name_file_line_and_suggest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "communities.yaml"
    path.write_text("communities:\n  ok-one:\n    slack:\n      signing_secrt: x\n"
                    "  Bad Id:\n    vk: {secret: s, confirmation: c}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_communities(path)
    assert [str(p) for p in error.value.problems] == [
        "communities.yaml:4: community 'ok-one'.slack: unknown key 'signing_secrt' "
        "(did you mean 'signing_secret'?)",
        "communities.yaml:4: community 'ok-one': slack.signing_secret: Field required",
        "communities.yaml:5: community id 'Bad Id' must be lowercase letters, digits, '-' or '_' "
        "(it is part of the webhook URL)",
    ]


def test_toml_and_secrets_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TG_SECRET", "from-env")
    path = tmp_path / "communities.toml"
    path.write_text('[communities.club.telegram]\nsecret_token = "env:TG_SECRET"\n', encoding="utf-8")
    club = load_communities(path)["club"]
    assert club.telegram.secret_token.get_secret_value() == "from-env"
    assert "from-env" not in repr(club)  # secrets never printed


def test_registry_keeps_the_last_good_file(tmp_path: Path) -> None:
    path = tmp_path / "communities.yaml"
    path.write_text("communities:\n  a:\n    vk: {secret: s, confirmation: c}\n", encoding="utf-8")
    registry = CommunityRegistry(path)
    assert registry.get("a") is not None
    path.write_text("communities:\n  a:\n    vk: {confirmation: c, extra: 1}\n", encoding="utf-8")
    assert registry.get("a") is not None and registry.problems


def test_community_add_writes_a_valid_file_and_prints_the_url(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    result = CliRunner().invoke(main, ["community", "add", "club", "telegram", "bot_token=1:A",
                                       "--file", str(path), "--base-url", "https://bot.example.org"])
    assert result.exit_code == 0, result.output
    assert "webhook URL: https://bot.example.org/webhooks/telegram/club" in result.output
    secret = load_communities(path)["club"].telegram.secret_token.get_secret_value()
    assert f"secret_token: {secret}" in result.output
    bad = CliRunner().invoke(main, ["community", "add", "club", "vk", "secrett=1", "--file", str(path)])
    assert bad.exit_code == 1 and "did you mean 'secret'" in bad.output
    assert load_communities(path)["club"].vk is None  # the bad line wrote nothing (the file is intact)
