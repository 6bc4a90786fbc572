"""One test against a real uvicorn process started by the real command line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(url: str, process: subprocess.Popen[bytes], attempts: int = 300) -> None:
    for _ in range(attempts):
        if process.poll() is not None:
            raise AssertionError(f"server exited: {process.stdout.read().decode()}")  # type: ignore[union-attr]
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("server did not become ready")


def test_assistant_serve_answers_over_real_http(tmp_path: Path, files: tuple[Path, Path]) -> None:
    port = _free_port()
    db = tmp_path / "served.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--port", str(port), "--db", str(db),
         "--rules", str(files[0]), "--knowledge", str(files[1])],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_ready(f"{base}/healthz", process)
        message = {"id": "42", "chat": "volunteers", "author": "u1",
                   "text": "Подскажите, как стать волонтёром?"}
        first = httpx.post(f"{base}/v1/messages", json=message, timeout=30)
        again = httpx.post(f"{base}/v1/messages", json=message, timeout=30)
        bad = httpx.post(f"{base}/v1/messages", content=b"{oops", timeout=30)
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert first.status_code == 200 and first.json()["message_id"] == "42"
    assert again.json() == first.json()
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_json"
    assert db.exists()
