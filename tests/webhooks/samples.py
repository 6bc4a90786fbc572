"""Helpers shared by the webhook tests: the stored real payloads and the test secrets."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "webhooks"


def sample(platform: str, name: str) -> Any:
    """One stored real payload (see tests/fixtures/webhooks/SOURCE.md)."""
    entry = json.loads((FIXTURES / f"{platform}.json").read_text(encoding="utf-8"))[name]
    return entry.get("payload", entry.get("event"))


@dataclass
class Secrets:
    discord_key: Ed25519PrivateKey
    telegram: str = "tg-secret-123"
    slack: str = "8f742231b10e8888abcd99yyyzzz85a5"
    vk: str = "vk-secret-456"
    vk_confirmation: str = "1a2b3c4d"
    matrix: str = "hs-token-789"
    relay: str = "relay-secret-000"


@dataclass
class FakePlatform:
    """Records every request; answers from ``script`` (status, JSON) in order, then 200."""

    url: str = ""
    requests: list[dict[str, Any]] = field(default_factory=list)
    script: list[tuple[int, Any]] = field(default_factory=list)
    default: Any = field(default_factory=lambda: {"ok": True, "response": 1})
