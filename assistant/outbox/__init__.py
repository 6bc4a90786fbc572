"""The outbox: replies queued by the webhooks, delivered to the platforms with retries."""

from assistant.outbox.worker import OutboxWorker, start_outbox

__all__ = ["OutboxWorker", "start_outbox"]
