"""Micro-batching: concurrent requests are gathered for a few milliseconds and processed together.

The encoder is several times faster per message on a batch, and one worker thread is also the
single SQLite writer, so requests never fight over the 2 cores or the database lock.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from assistant.background import BackgroundLoop
from assistant.models import Message, Verdict
from assistant.service import Assistant, ProcessingError

log = logging.getLogger(__name__)


@dataclass
class _Pending:
    message: Message
    future: asyncio.Future[Verdict | ProcessingError]


class MicroBatcher(BackgroundLoop):
    def __init__(self, assistant: Assistant, window_ms: float, max_batch: int) -> None:
        self.assistant = assistant
        self.window = window_ms / 1000
        self.max_batch = max_batch
        self._queue: asyncio.Queue[_Pending] = asyncio.Queue()

    async def submit(self, message: Message) -> Verdict | ProcessingError:
        if self._task is None:
            self.start()
        future: asyncio.Future[Verdict | ProcessingError] = asyncio.get_running_loop().create_future()
        await self._queue.put(_Pending(message.with_received_time(), future))
        return await future

    async def _gather(self) -> list[_Pending]:
        batch = [await self._queue.get()]
        deadline = asyncio.get_running_loop().time() + self.window
        while len(batch) < self.max_batch:
            timeout = deadline - asyncio.get_running_loop().time()
            if timeout <= 0:
                break
            try:
                batch.append(await asyncio.wait_for(self._queue.get(), timeout))
            except TimeoutError:
                break
        return batch

    async def _run(self) -> None:
        while True:
            batch = await self._gather()
            messages = [p.message for p in batch]
            try:
                results = await asyncio.to_thread(self.assistant.handle_batch, messages)
            except Exception as exc:  # never leave a request hanging
                log.exception("batch of %d messages failed", len(batch))
                results = [ProcessingError(m, exc) for m in messages]
            for pending, result in zip(batch, results, strict=True):
                if not pending.future.done():
                    pending.future.set_result(result)
