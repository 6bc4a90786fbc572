"""``assistant eval highlights``: precision and recall of highlights on a labelled chat stream,
measured through the real service (Assistant.handle_batch, in-memory store), and precision@1 of
the answer-quality score on Stack Exchange threads (accepted / top-scored answer)."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.analyze import analyze_stream
from assistant.context import ChatContext, ContextMessage
from assistant.evaluation.counts import Confusion
from assistant.highlights import score_message
from assistant.models import Message
from assistant.nlp import NlpPipeline
from assistant.service import Assistant


@dataclass
class HighlightReport(Confusion):
    messages: int = 0
    labelled: int = 0
    mistakes: list[dict[str, Any]] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        return {"messages": self.messages, "labelled_highlights": self.tp + self.fn,
                "predicted": self.tp + self.fp, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4)}


def read_labelled(path: Path) -> list[tuple[Message, bool]]:
    """Message lines with an optional ``highlight: true|false`` label (absent means false)."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            label = bool(data.pop("highlight", False))
            rows.append((Message.model_validate(data), label))
        except ValueError as exc:
            raise ValueError(f"{path}:{number}: {exc}") from exc
    return rows


def evaluate_highlights(assistant: Assistant, rows: list[tuple[Message, bool]]) -> HighlightReport:
    """Run the stream through the service; compare each final verdict's highlight to its label."""
    verdicts = analyze_stream(assistant, [m for m, _ in rows])
    report = HighlightReport(messages=len(rows))
    for (message, label), verdict in zip(rows, verdicts, strict=True):
        got = verdict.get("highlight")
        report.labelled += label
        if got and label:
            report.tp += 1
        elif got or label:
            report.fp += bool(got)
            report.fn += label
            report.mistakes.append({"id": message.id, "chat": message.chat, "expected": label,
                                    "highlight": got, "text": message.text[:80]})
    return report


# --- Stack Exchange: precision@1 of the answer-quality score -----------------------------------

_TAG = re.compile(r"<[^>]+>")


def _plain(body: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(_TAG.sub(" ", body))).strip()


def read_stackexchange(path: Path) -> list[dict[str, Any]]:
    """Threads with at least two answers: question text, answers, accepted and top-scored ids."""
    questions: dict[str, dict[str, Any]] = {}
    answers: list[dict[str, Any]] = []
    for _, row in ET.iterparse(path):
        if row.tag != "row":
            continue
        a = row.attrib
        if a.get("PostTypeId") == "1":
            questions[a["Id"]] = {"id": a["Id"], "text": f"{a.get('Title', '')}. {_plain(a.get('Body', ''))}",
                                  "accepted": a.get("AcceptedAnswerId"), "answers": []}
        elif a.get("PostTypeId") == "2":
            answers.append({"id": a["Id"], "parent": a.get("ParentId"), "score": int(a.get("Score", 0)),
                            "text": _plain(a.get("Body", ""))})
        row.clear()
    for answer in answers:
        if answer["parent"] in questions:
            questions[answer["parent"]]["answers"].append(answer)
    return [q for q in questions.values() if len(q["answers"]) >= 2]


def answer_scores(pipeline: NlpPipeline, question: dict[str, Any]) -> list[float]:
    """The scorer's base score of each answer as a reply to the question (no thanks)."""
    texts = [question["text"][:2000]] + [a["text"][:4000] for a in question["answers"]]
    analyses = pipeline.analyse_batch(texts, ["en"] * len(texts))
    now = datetime(2015, 1, 1, tzinfo=UTC)
    asked = ContextMessage(id="q", author="asker", author_role="member", text=texts[0], ts=now,
                           reply_to=None, lang="en", is_question=True,
                           embedding=analyses[0].embedding)
    scores = []
    for answer, analysis in zip(question["answers"], analyses[1:], strict=True):
        message = Message(id=answer["id"], chat="se", author=f"a{answer['id']}", text=answer["text"],
                          reply_to="q", ts=now)
        outcome = score_message(message, analysis, ChatContext([asked]), flagged=False)
        scores.append(outcome.link.base_score if outcome.link else 0.0)
    return scores


def evaluate_stackexchange(pipeline: NlpPipeline, path: Path) -> dict[str, Any]:
    """Precision@1 against the accepted and the top-scored answer, with the chance level."""
    threads = read_stackexchange(path)
    hit_acc = n_acc = hit_top = n_top = 0
    chance = chance_top = 0.0
    for question in threads:
        scores = answer_scores(pipeline, question)
        best = question["answers"][max(range(len(scores)), key=scores.__getitem__)]
        votes = sorted((a["score"] for a in question["answers"]), reverse=True)
        if question["accepted"]:
            n_acc += 1
            hit_acc += best["id"] == question["accepted"]
            chance += 1 / len(scores)
        if votes[0] > votes[1]:  # a unique top-scored answer
            n_top += 1
            hit_top += best["score"] == votes[0]
            chance_top += 1 / len(scores)
    return {"threads": len(threads), "with_accepted": n_acc,
            "p_at_1_accepted": round(hit_acc / n_acc, 4) if n_acc else 0.0,
            "chance_accepted": round(chance / n_acc, 4) if n_acc else 0.0,
            "with_unique_top": n_top, "p_at_1_top_scored": round(hit_top / n_top, 4) if n_top else 0.0,
            "chance_top_scored": round(chance_top / n_top, 4) if n_top else 0.0}
