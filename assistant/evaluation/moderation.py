"""``assistant eval moderation``: precision, recall and F1 of the rules on a labelled set.

A line is ``{"id", "text", "toxic": bool}`` (the shared sets: each message is its own chat) or
``{"id", "chat", "author", "text", "reply_to", "ts", "label": "conflict"|"toxicity"|"spam"|null}``
(a labelled stream: messages are evaluated in order, each seeing the earlier ones of its chat).
Everything goes through ``RuleSet.evaluate`` on pipeline analyses, as in the service.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from assistant.context import ChatContext, ContextMessage
from assistant.evaluation.counts import Confusion
from assistant.models import Message
from assistant.moderation import FlagResult, RuleSet
from assistant.moderation.training import is_train
from assistant.nlp import NlpPipeline

FLAGGED = ("conflict", "toxicity")
BATCH = 256
CONTEXT = 30


@dataclass
class Report(Confusion):
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)


def read_labelled(path: Path, split: str | None = None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if split:
        rows = [r for r in rows if is_train(str(r["id"])) == (split == "train")]
    return rows


def is_positive(row: dict[str, Any], category: str | None) -> bool:
    if "label" in row:
        label = row["label"]
        return label == category if category else label in FLAGGED
    return bool(row.get("targeted") if category == "conflict" and "targeted" in row else row["toxic"])


def _message(row: dict[str, Any], index: int, stream: bool) -> Message:
    ts = row.get("ts") or (datetime(2024, 1, 1, tzinfo=UTC) + timedelta(seconds=index)).isoformat()
    return Message(id=str(row["id"]), chat=str(row["chat"]) if stream else f"eval-{row['id']}",
                   author=str(row.get("author", "member")), text=str(row["text"]),
                   reply_to=row.get("reply_to"), ts=ts, author_role=row.get("author_role", "member"),
                   lang=row.get("lang"))


def flag_stream(ruleset: RuleSet, pipeline: NlpPipeline,
                rows: list[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], list[FlagResult]]]:
    """Each row with its flags (shadow ones included); rows with ``chat`` form streams."""
    stream = all("chat" in r for r in rows)
    recent: dict[str, list[ContextMessage]] = defaultdict(list)
    for start in range(0, len(rows), BATCH):
        chunk = rows[start:start + BATCH]
        messages = [_message(r, start + i, stream) for i, r in enumerate(chunk)]
        analyses = pipeline.analyse_batch([m.text for m in messages], [m.lang for m in messages])
        for row, message, analysis in zip(chunk, messages, analyses, strict=True):
            history = recent[message.chat]
            results = ruleset.evaluate(message, analysis, ChatContext(list(history[-CONTEXT:])))
            shown = {r.flag.category for r in results if r.flag.mode != "shadow"}
            if stream:
                history.append(ContextMessage(
                    message.id, message.author, message.author_role, message.text,
                    message.ts or datetime.now(UTC), message.reply_to, analysis.lang,
                    analysis.is_question, analysis.embedding, sorted(shown)))
            yield row, results


def evaluate_moderation(ruleset: RuleSet, pipeline: NlpPipeline, rows: list[dict[str, Any]],
                        category: str | None = None) -> Report:
    report = Report()
    wanted = (category,) if category else FLAGGED
    for row, results in flag_stream(ruleset, pipeline, rows):
        shown = {r.flag.category for r in results if r.flag.mode != "shadow"}
        flagged = any(c in shown for c in wanted)
        positive = is_positive(row, category)
        text = str(row["text"]).replace("\n", " ")[:160]
        if flagged and positive:
            report.tp += 1
        elif flagged:
            report.fp += 1
            fired = sorted({f"{r.flag.category}: {r.flag.rule}" for r in results
                            if r.flag.mode != "shadow" and r.flag.category in wanted})
            report.false_alarms.append(f"{row['id']}: {text} [{', '.join(fired)}]")
        elif positive:
            report.fn += 1
            report.misses.append(f"{row['id']}: {text}")
        else:
            report.tn += 1
    return report


@dataclass
class ReplayDiff:
    added: list[tuple[str, str, str]] = field(default_factory=list)  # (message id, rule, text)
    removed: list[tuple[str, str, str]] = field(default_factory=list)
    messages: int = 0


def replay(ruleset: RuleSet, pipeline: NlpPipeline, rows: list[dict[str, Any]],
           baseline: RuleSet | None = None) -> ReplayDiff:
    """Flags of ``ruleset`` versus what was flagged (``row['rules']``) or what ``baseline`` flags."""
    diff = ReplayDiff()
    before: dict[str, set[str]] = {str(r["id"]): set(r.get("rules") or ()) for r in rows}
    if baseline is not None:
        for row, results in flag_stream(baseline, pipeline, rows):
            before[str(row["id"])] = {x.flag.rule for x in results if x.flag.mode != "shadow"}
    for row, results in flag_stream(ruleset, pipeline, rows):
        diff.messages += 1
        now = {x.flag.rule for x in results if x.flag.mode != "shadow"}
        old = before[str(row["id"])]
        text = str(row["text"]).replace("\n", " ")[:120]
        diff.added += [(str(row["id"]), rule, text) for rule in sorted(now - old)]
        diff.removed += [(str(row["id"]), rule, text) for rule in sorted(old - now)]
    return diff
