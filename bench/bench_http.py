"""Requests per second of POST /v1/messages against a real `assistant serve` on loopback.

    .venv/bin/python bench/bench_http.py [--messages 2000] [--concurrency 32]

Starts the service on a free 127.0.0.1 port with a temporary database, sends a bounded number
of requests from concurrent clients, prints the rate and latency percentiles, and stops it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chat_stream import chat_stream  # noqa: E402


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _send(base: str, bodies: list[dict[str, object]], concurrency: int) -> list[float]:
    queue: asyncio.Queue[dict[str, object]] = asyncio.Queue()
    for body in bodies:
        queue.put_nowait(body)
    latencies: list[float] = []

    async def worker(client: httpx.AsyncClient) -> None:
        while not queue.empty():
            body = queue.get_nowait()
            started = time.perf_counter()
            response = await client.post(f"{base}/v1/messages", json=body)
            response.raise_for_status()
            latencies.append(time.perf_counter() - started)

    async with httpx.AsyncClient(timeout=60) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args()
    bodies = [m.model_dump(mode="json") for m in chat_stream(args.messages)]
    port = _free_port()
    with tempfile.TemporaryDirectory() as tmp:
        server = subprocess.Popen(
            [sys.executable, "-m", "assistant", "serve", "--port", str(port),
             "--db", str(Path(tmp) / "bench.db")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "ASSISTANT_WATCH": "false"})
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            started = time.perf_counter()
            latencies = sorted(asyncio.run(_send(base, bodies, args.concurrency)))
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=20)
    p50 = latencies[len(latencies) // 2] * 1000
    p99 = latencies[int(len(latencies) * 0.99)] * 1000
    print(f"{len(bodies)} messages, {args.concurrency} concurrent clients: "
          f"{len(bodies) / elapsed:.0f} req/s, p50 {p50:.0f} ms, p99 {p99:.0f} ms")


if __name__ == "__main__":
    main()
