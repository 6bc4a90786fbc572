"""JSON Schemas of the managers' files (rules/*.yaml and knowledge/*.yaml) for editors."""

from __future__ import annotations

from typing import Any

from assistant.moderation.loader import CONDITION_NAME, MODES, SEVERITIES
from assistant.moderation.parse import CONDITION_KEYS, ROLES

_NAMES = {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
_NUMBER = {"type": "number"}


def _condition_schema(name: str, keys: set[str] | None) -> dict[str, Any]:
    if name in ("all", "any"):
        value: dict[str, Any] = {"type": "array", "items": {"$ref": "#/$defs/condition"}, "minItems": 1}
    elif name == "not":
        value = {"$ref": "#/$defs/condition"}
    elif name in ("addressed_to_person", "quoted", "self_directed"):
        value = {"type": "boolean"}
    elif name == "use":
        value = {"type": "string"}
    elif name == "author_role":
        value = {"oneOf": [{"enum": sorted(ROLES)}, {"type": "array", "items": {"enum": sorted(ROLES)}}]}
    elif keys is None:
        value = _NAMES
    else:
        props = {k: ({"type": "array", "items": {"type": "string"}} if k in ("examples", "words")
                     else {"type": "string"} if k in ("pattern", "on", "model") else
                     {"oneOf": [_NUMBER, {"type": "object", "additionalProperties": _NUMBER}]})
                 for k in sorted(keys)}
        value = {"oneOf": [{"type": "object", "properties": props, "additionalProperties": False},
                           {"type": ["string", "number", "boolean"]}]}
    return {"type": "object", "properties": {name: value}, "required": [name],
            "additionalProperties": False}


def rules_schema() -> dict[str, Any]:
    examples = {"type": "array", "items": {"oneOf": [{"type": "string"}, {
        "type": "object", "required": ["text"], "additionalProperties": False,
        "properties": {"text": {"type": "string"}, "reply_to": {"type": "string"},
                       "author_role": {"enum": sorted(ROLES)},
                       "before": {"type": "array", "items": {"type": "string"}}}}]}}
    rule = {"type": "object", "required": ["id", "when", "flag"], "additionalProperties": False,
            "properties": {
                "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
                "description": {"type": "string"}, "mode": {"enum": list(MODES)},
                "priority": {"type": "integer"},
                "when": {"$ref": "#/$defs/condition"},
                "unless": {"oneOf": [{"$ref": "#/$defs/condition"},
                                     {"type": "array", "items": {"$ref": "#/$defs/condition"}}]},
                "flag": {"type": "object", "required": ["category", "reason"],
                         "additionalProperties": False,
                         "properties": {"category": {"type": "string"},
                                        "severity": {"enum": list(SEVERITIES)},
                                        "reason": {"type": "string"}}},
                "reply": {"oneOf": [{"type": "string"},
                                    {"type": "object", "additionalProperties": {"type": "string"}}]},
                "notify": {"oneOf": [{"type": "boolean"}, {"const": "moderators"}]},
                "examples": {"type": "object", "additionalProperties": False,
                             "properties": {"match": examples, "no_match": examples}}}}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "assistant rules file",
            "type": "object", "additionalProperties": False,
            "properties": {"version": {"type": ["integer", "string"]},
                           "conditions": {"type": "object",
                                          "propertyNames": {"pattern": CONDITION_NAME.pattern},
                                          "additionalProperties": {"$ref": "#/$defs/condition"}},
                           "rules": {"type": "array", "items": {"$ref": "#/$defs/rule"}}},
            "$defs": {"rule": rule, "condition": {"oneOf": [
                _condition_schema(n, k) for n, k in sorted(CONDITION_KEYS.items())]}}}


def faq_schema() -> dict[str, Any]:
    entry = {"type": "object", "required": ["id", "question", "answer"], "additionalProperties": False,
             "properties": {"id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                            "lang": {"type": "string", "pattern": "^[a-z]{2,3}$"},
                            "question": {"type": "string"}, "answer": {"type": "string"},
                            "variants": {"type": "array", "items": {"type": "string"}},
                            "not_for": {"type": "array", "items": {"type": "string"},
                                        "description": "questions on this topic the answer does "
                                                       "not cover: never answered with this entry"},
                            "tags": {"type": "array", "items": {"type": "string"}}}}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "assistant FAQ file",
            "type": "object", "additionalProperties": False,
            "properties": {"version": {"type": ["integer", "string"]},
                           "entries": {"type": "array", "items": entry},
                           "texts": {"type": "object", "additionalProperties": {
                               "type": "object", "additionalProperties": {"type": "string"}}}}}
