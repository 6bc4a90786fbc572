"""Webhook fixtures: a communities file, the real app, a fake platform API on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from fastapi.testclient import TestClient

from assistant.service import Assistant
from assistant.settings import Settings
from tests.webhooks.samples import FakePlatform, Secrets


@pytest.fixture
def fake_platform() -> Iterator[FakePlatform]:
    fake = FakePlatform()

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            size = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(size).decode()
            try:
                body: Any = json.loads(raw) if raw else None
            except json.JSONDecodeError:
                body = raw
            fake.requests.append({"method": self.command, "path": self.path, "body": body,
                                  "headers": dict(self.headers)})
            status, payload = fake.script.pop(0) if fake.script else (200, fake.default)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_POST = do_PUT = _answer  # noqa: N815

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def secrets() -> Secrets:
    return Secrets(discord_key=Ed25519PrivateKey.generate())


def write_communities(path: Path, secrets: Secrets, api: str) -> Path:
    public = secrets.discord_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    path.write_text(f"""\
communities:
  volunteers:
    name: Volunteers
    telegram: {{secret_token: {secrets.telegram}, bot_token: "123:ABC", api_url: "{api}"}}
    slack:
      signing_secret: {secrets.slack}
      bot_token: xoxb-test
      api_url: "{api}/slack"
      notify_chat: CMODS
    vk: {{secret: {secrets.vk}, confirmation: "{secrets.vk_confirmation}", access_token: vk-token,
          api_url: "{api}/vk"}}
    matrix: {{hs_token: {secrets.matrix}, as_token: as-token, homeserver_url: "{api}",
              bot_user_id: "@assistant:example.org"}}
    discord: {{public_key: "{public}", relay_secret: {secrets.relay}, bot_token: bot-token,
               api_url: "{api}/discord"}}
""", encoding="utf-8")
    return path


@pytest.fixture
def webhook_settings(make_settings: Callable[..., Settings], tmp_path: Path, secrets: Secrets,
                     fake_platform: FakePlatform) -> Settings:
    path = write_communities(tmp_path / "communities.yaml", secrets, fake_platform.url)
    return make_settings(communities=path, outbox_worker=False, outbox_backoff_seconds=0.0)


@pytest.fixture
def settings(webhook_settings: Settings) -> Settings:
    """The top-level ``assistant`` and ``client`` fixtures run with the webhook settings here."""
    return webhook_settings


@pytest.fixture
def webhook_assistant(assistant: Assistant) -> Assistant:
    return assistant


@pytest.fixture
def app_client(client: TestClient) -> TestClient:
    return client
