"""``assistant analyze``: a stream of messages in, one verdict a line out, in input order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from assistant.ingest import InputError
from assistant.models import Message
from assistant.service import Assistant, ProcessingError

BATCH = 64


def _batches(items: Iterable[Message | InputError]) -> Iterator[list[Message | InputError]]:
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH)):
        yield batch


def analyze_stream(assistant: Assistant, items: Iterable[Message | InputError],
                   progress: Callable[[int], None] | None = None) -> list[dict[str, Any]]:
    """Process the whole stream in order; return each record's final verdict (or error) as JSON.

    Verdicts are read back from the store at the end, so each reflects the whole input (a
    thanks further down raises the highlight of the answer it thanks).
    """
    order: list[Message | InputError] = []
    failed: dict[int, str] = {}
    for raw in _batches(items):
        batch = [m.with_received_time() if isinstance(m, Message) else m for m in raw]
        messages = [m for m in batch if isinstance(m, Message)]
        results = assistant.handle_batch(messages)
        for message, result in zip(messages, results, strict=True):
            if isinstance(result, ProcessingError):
                failed[id(message)] = str(result)
        order.extend(batch)
        if progress:
            progress(len(batch))
    return [_final(assistant, item, failed) for item in order]


def _final(assistant: Assistant, item: Message | InputError,
           failed: dict[int, str]) -> dict[str, Any]:
    if isinstance(item, InputError):
        return {"error": {"line": item.line, "problem": item.problem}}
    verdict = assistant.store.find_verdict(item)
    if verdict is None:
        return {"message_id": item.id, "chat": item.chat,
                "error": {"problem": failed.get(id(item), "message was not processed")}}
    return verdict.model_dump(mode="json")
