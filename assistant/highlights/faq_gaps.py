"""FAQ gap mining: group the questions the FAQ did not answer by meaning, rank the groups by how
often they were asked, and draft an entry per group (SPEC §4) from the best member answer."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

SAME_QUESTION = 0.6  # cosine of USE embeddings above which two questions ask the same thing
_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
                      "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
                      "yu", "ya"], strict=True))
_FILLER = {"подскажите", "пожалуйста", "кто-нибудь", "знает", "скажите", "ребята", "всем", "привет",
           "please", "anyone", "know", "does", "hi", "hello", "the", "a", "an", "is", "do", "i"}


@dataclass
class QuestionGroup:
    questions: list[dict[str, Any]] = field(default_factory=list)
    centroid: np.ndarray | None = None

    @property
    def size(self) -> int:
        return len(self.questions)

    def best_answer(self, min_score: float = 0.5) -> dict[str, Any] | None:
        """The question whose linked member answer scored highest (at least ``min_score``)."""
        answered = [q for q in self.questions
                    if q.get("best_answer") and (q.get("best_score") or 0.0) >= min_score]
        return max(answered, key=lambda q: q["best_score"] or 0.0) if answered else None


def _vector(row: dict[str, Any]) -> np.ndarray | None:
    raw = row.get("embedding")
    if raw is None:
        return None
    vec = np.frombuffer(raw, dtype=np.float16).astype(np.float32) if isinstance(raw, bytes) else raw
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm else None


def group_questions(rows: list[dict[str, Any]], threshold: float = SAME_QUESTION) -> list[QuestionGroup]:
    """Greedy grouping by cosine to each group's centroid; largest groups first."""
    groups: list[QuestionGroup] = []
    for row in rows:
        vec = _vector(row)
        if vec is None:
            continue
        sims = [float(g.centroid @ vec) for g in groups if g.centroid is not None]
        best = int(np.argmax(sims)) if sims else -1
        if best >= 0 and sims[best] >= threshold:
            group = groups[best]
            group.questions.append(row)
            total = group.centroid * (group.size - 1) + vec  # type: ignore[operator]
            group.centroid = total / float(np.linalg.norm(total))
        else:
            groups.append(QuestionGroup([row], vec))
    groups.sort(key=lambda g: (-g.size, -max(q["best_score"] or 0.0 for q in g.questions)))
    return groups


def slug(text: str, taken: set[str]) -> str:
    """A stable kebab-case id ([a-z0-9-]+) from the question's content words."""
    words = [w for w in re.findall(r"[\w-]+", text.lower()) if w not in _FILLER]
    latin = ["".join(_TRANSLIT.get(c, c) for c in w) for w in words[:5]]
    base = re.sub(r"[^a-z0-9-]+", "", "-".join(latin)).strip("-")[:48] or "question"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def draft_entries(groups: list[QuestionGroup], top: int = 10, min_asked: int = 1) -> str:
    """The groups as a knowledge/*.yaml document a manager can edit and merge."""
    entries, taken = CommentedSeq(), set()
    for group in [g for g in groups if g.size >= min_asked][:top]:
        first = group.questions[0]
        best = group.best_answer()
        entry = CommentedMap()
        entry["id"] = slug(first["text"], taken)
        if first.get("lang"):
            entry["lang"] = first["lang"]
        entry["question"] = first["text"].strip()
        variants = list(dict.fromkeys(q["text"].strip() for q in group.questions[1:]))[:5]
        if variants:
            entry["variants"] = variants
        answer = best["best_answer"].strip() if best else "TODO: no member answered; write the answer"
        entry["answer"] = LiteralScalarString(answer + "\n")
        entry["tags"] = ["suggested"]
        entries.append(entry)
        entries.yaml_set_comment_before_after_key(
            len(entries) - 1, before=f"asked {group.size} time(s)" + (
                f"; answer by {best['answerer']} (score {best['best_score']:.2f})" if best else ""),
            indent=2)
    document = CommentedMap(entries=entries)
    out = io.StringIO()
    yaml = YAML()
    yaml.width = 100
    yaml.allow_unicode = True
    yaml.dump(document, out)
    return out.getvalue()
