"""Realistic review data: a volunteers' chat with a heated exchange, spam, an auto-answer and a
highlighted helper. Messages go through the core Store; flags through the review store helper."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from assistant.models import FaqMatch, Flag, Highlight, Message, Verdict
from assistant.store import Store, StoredOutcome
from assistant.store.review import add_flag

CHAT = "volunteers-msk"
OTHER_CHAT = "events-spb"


@dataclass
class Seeded:
    rowids: dict[str, int] = field(default_factory=dict)
    flags: dict[str, int] = field(default_factory=dict)
    answer_id: int = 0


def _message(store: Store, seeded: Seeded, key: str, chat: str, author: str, text: str,
             at: datetime, reply_to: str | None = None, name: str | None = None) -> Message:
    message = Message(id=key, chat=chat, author=author, author_name=name, text=text, ts=at,
                      reply_to=reply_to)
    seeded.rowids[key] = store.record_received(message)
    return message


def seed(store: Store, now: datetime | None = None) -> Seeded:
    """Two chats, five flags (one thread with two flagged replies), one FAQ answer, one highlight."""
    start = (now or datetime.now(UTC)) - timedelta(hours=5)
    s = Seeded()
    at = [start + timedelta(minutes=7 * i) for i in range(12)]
    ask = _message(store, s, "m1", CHAT, "u-anna", "Подскажите, где получить личную книжку "
                   "волонтёра? Нужна к субботе", at[0], name="Анна")
    _message(store, s, "m2", CHAT, "u-boris", "Тебе уже сто раз объясняли, ты вообще читать "
             "умеешь, идиотка?", at[1], reply_to="m1", name="Борис")
    _message(store, s, "m3", CHAT, "u-anna", "Не надо так грубо, я просто спросила", at[2],
             reply_to="m2", name="Анна")
    _message(store, s, "m4", CHAT, "u-boris", "Заткнись уже, достала всех своими вопросами",
             at[3], reply_to="m3", name="Борис")
    answer = _message(store, s, "m5", CHAT, "u-vika", "Книжку выдают в штабе на Тверской, 12, "
                      "по будням с 10 до 18, возьми паспорт и фото 3×4", at[4], reply_to="m1",
                      name="Вика")
    _message(store, s, "m6", CHAT, "u-spam", "Заработок от 5000 в день без вложений, пишите в "
             "личку", at[5])
    _message(store, s, "e1", OTHER_CHAT, "u-tom", "Who is coming to the Saturday park cleanup?",
             at[6], name="Tom")
    _message(store, s, "e2", OTHER_CHAT, "u-kate", "this damn app lost my registration again",
             at[7], name="Kate")
    s.flags["insult"] = add_flag(store, s.rowids["m2"], Flag(
        category="conflict", rule="insult-direct", severity="high",
        reason="direct insult of another member"))
    s.flags["shut-up"] = add_flag(store, s.rowids["m4"], Flag(
        category="conflict", rule="hostile-reply", severity="medium",
        reason="hostile reply in a heated exchange", score=0.71, threshold=0.6))
    s.flags["spam"] = add_flag(store, s.rowids["m6"], Flag(
        category="spam", rule="easy-money", severity="medium",
        reason="promises easy money, asks to move to private messages", score=0.9,
        threshold=0.6))
    s.flags["swear"] = add_flag(store, s.rowids["e2"], Flag(
        category="toxicity", rule="obscenity-mild", severity="low",
        reason="mild obscenity"))
    _record_answer(store, s, ask, answer)
    s.answer_id = store.query("SELECT id FROM faq_answers WHERE message_rowid = ?",
                              [s.rowids["m1"]])[0]["id"]
    return s


def _record_answer(store: Store, s: Seeded, ask: Message, answer: Message) -> None:
    faq = FaqMatch(id="volunteer-book", score=0.82, answer="Книжку выдают в штабе.")
    store.record_outcome(s.rowids["m1"], ask, StoredOutcome(
        verdict=Verdict(message_id="m1", chat=CHAT, lang="ru", faq=faq), lang="ru",
        is_question=True, embedding=None, faq_status="answered"))
    highlight = Highlight(score=0.9, reason="specific answer to a question by u-anna",
                          question_id="m1")
    store.record_outcome(s.rowids["m5"], answer, StoredOutcome(
        verdict=Verdict(message_id="m5", chat=CHAT, lang="ru", highlight=highlight), lang="ru",
        is_question=False, embedding=None, highlight_question_id="m1"))
