"""Throughput of the whole analyse path and of the encoder alone, on the same chat stream.

    .venv/bin/python bench/bench_analyze.py [--messages 2000] [--db FILE]

Prints messages per second for: the encoder alone (batches of 64), the NLP pipeline
(lemmas + sentence embeddings), and Assistant.handle_batch (what `assistant analyze` and the
HTTP service run), with the store in memory or in a SQLite file.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chat_stream import chat_stream  # noqa: E402

from assistant.nlp import NlpPipeline  # noqa: E402
from assistant.nlp.encoders import load_encoder  # noqa: E402
from assistant.service import Assistant  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.store import Store  # noqa: E402

BATCH = 64


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:8.0f} msg/s  ({seconds * 1000 / count:6.2f} ms/msg, {seconds:.1f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--db", choices=["memory", "file"], default="file")
    args = parser.parse_args()
    messages = chat_stream(args.messages)
    texts = [m.text for m in messages]
    print(f"machine: {platform.processor() or platform.machine()}, {platform.system()}, "
          f"python {platform.python_version()}, {len(messages)} messages")

    started = time.perf_counter()
    encoder = load_encoder("use")
    print(f"encoder load:              {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    for i in range(0, len(texts), BATCH):
        encoder.encode(texts[i:i + BATCH])
    print(f"encoder alone (batch {BATCH}):  {_rate(len(texts), time.perf_counter() - started)}")

    pipeline = NlpPipeline(encoder)
    started = time.perf_counter()
    for i in range(0, len(texts), BATCH):
        pipeline.analyse_batch(texts[i:i + BATCH])
    print(f"NLP pipeline (batch {BATCH}):   {_rate(len(texts), time.perf_counter() - started)}")

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db" if args.db == "file" else None
        assistant = Assistant(Settings(db=db, watch=False), pipeline=pipeline, store=Store(db))
        started = time.perf_counter()
        for i in range(0, len(messages), BATCH):
            assistant.handle_batch(messages[i:i + BATCH])
        label = f"analyze path ({args.db} db):"
        print(f"{label:27s}{_rate(len(messages), time.perf_counter() - started)}")


if __name__ == "__main__":
    main()
