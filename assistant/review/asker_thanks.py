"""An auto-answer is confirmed helpful by the asker's own thanks, never assumed.

The asker's next messages within a window after the question are read with the highlights
lexicon: a thanks or a confirmation ("заработало") before any other member answered the question
records the outcome ``confirmed`` (actor ``asker:ID``); "не помогло" leaves it for a moderator.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from assistant.highlights.lexicon import Lexicon, load_lexicon
from assistant.nlp.normalize import fold
from assistant.store import Store
from assistant.store import review_answers as db

WINDOW = timedelta(minutes=30)
MAX_THANKS_WORDS = 40


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()


def thanks_kind(text: str, lexicon: Lexicon) -> str | None:
    """'confirmed', 'thanks', 'not_helped' or None for one short message."""
    folded = fold(text)
    if lexicon.not_helped.search(folded):
        return "not_helped"
    if len(folded.split()) > MAX_THANKS_WORDS:
        return None
    if lexicon.confirmations.search(folded):
        return "confirmed"
    return "thanks" if lexicon.thanks.search(folded) else None


def asker_verdict(question: dict[str, Any], later: list[dict[str, Any]],
                  lexicon: Lexicon) -> tuple[str, dict[str, Any]] | None:
    """The asker's first thanks-like message, unless another member answered before it."""
    for message in later:
        if message["author"] != question["author"]:
            if message.get("reply_to") == question["message_id"] and message["author_role"] != "bot":
                return None  # a person answered: a thanks now is probably for them
            continue
        kind = thanks_kind(message["text"], lexicon)
        if kind is not None:
            return kind, message
    return None


def sync_asker_thanks(store: Store, lexicon: Lexicon | None = None,
                      window: timedelta = WINDOW) -> int:
    """Record ``confirmed`` for unreviewed auto-answers the asker thanked; returns how many."""
    lexicon = lexicon or default_lexicon()
    recorded = 0
    for answer in db.unreviewed_answers(store):
        until = (datetime.fromisoformat(answer["ts"]) + window).isoformat(timespec="microseconds")
        later = db.messages_after(store, answer["platform"], answer["chat"], answer["ts"], until)
        found = asker_verdict(answer, later, lexicon)
        if found is None or found[0] == "not_helped":
            continue
        kind, message = found
        db.set_faq_outcome(store, answer["id"], "confirmed", None, {
            "target_kind": "faq_answer", "target_id": answer["id"], "action": "asker_thanks",
            "actor": f"asker:{answer['author']}",
            "details": {"to": "confirmed", "kind": kind, "message": message["message_id"]}})
        recorded += 1
    return recorded
