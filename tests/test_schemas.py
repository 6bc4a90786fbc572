"""The JSON Schemas that `assistant schema` prints accept the bundled files and reject a typo."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from assistant.cli import main
from assistant.settings import PROJECT_ROOT

jsonschema = pytest.importorskip("jsonschema")


def schema(kind: str) -> dict:
    result = CliRunner().invoke(main, ["schema", kind])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def plain(path) -> object:
    """A YAML file as plain JSON data (what an editor's validator sees)."""
    return json.loads(json.dumps(YAML(typ="safe").load(path.read_text(encoding="utf-8"))))


@pytest.mark.parametrize(("kind", "pattern"), [("rules", "rules/*.yaml"), ("faq", "knowledge/faq*.yaml")])
def test_bundled_files_validate_against_their_schema(kind, pattern):
    validator = jsonschema.Draft202012Validator(schema(kind))
    files = sorted(PROJECT_ROOT.glob(pattern))
    assert files
    for path in files:
        errors = [e.message for e in validator.iter_errors(plain(path))]
        assert errors == [], f"{path.name}: {errors}"


def test_a_misspelt_condition_and_an_unknown_named_condition_key_are_schema_errors():
    validator = jsonschema.Draft202012Validator(schema("rules"))
    rule = {"id": "r", "flag": {"category": "spam", "reason": "x"}}
    assert not list(validator.iter_errors({"rules": [{**rule, "when": {"use": "polite"}}],
                                           "conditions": {"polite": {"regex": "спасибо"}}}))
    assert list(validator.iter_errors({"rules": [{**rule, "when": {"lexicom": "insults"}}]}))
    assert list(validator.iter_errors({"conditions": {"Polite": {"regex": "x"}}}))
