"""Whom an insult is aimed at: anger at a group of outsiders in a reply is not an attack on the
member replied to; a plural insult with "you", an order or a name still is."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.context import ChatContext, ContextMessage
from assistant.models import Message
from assistant.moderation import RuleSet
from assistant.nlp import NlpPipeline


def reply_flags(ruleset: RuleSet, pipeline: NlpPipeline, earlier: str, text: str) -> set[str]:
    """The categories a reply to another member's message gets."""
    first = pipeline.analyse(earlier)
    context = ChatContext([ContextMessage(
        id="m0", author="anna", author_role="member", text=earlier, ts=datetime.now(UTC),
        reply_to=None, lang=first.lang, is_question=False, embedding=first.embedding)])
    message = Message(id="m1", chat="c1", author="boris", text=text, reply_to="m0")  # type: ignore[arg-type]
    results = ruleset.evaluate(message, pipeline.analyse(text), context)
    return {r.flag.category for r in results if r.flag.mode != "shadow"}


@pytest.mark.parametrize(("earlier", "text"), [
    ("у бабушки из подъезда украли пенсию", "Вот мрази, у стариков воровать"),
    ("фонд собрал деньги и исчез", "Эти жулики — паразиты, из-за таких уродов нам никто не доверяет"),
    ("the council cut the shelter's budget again", "Those council pricks never fix anything"),
    # «засрали» is also a rare name in the dictionary: a verb before a comma is no vocative
    ("во дворе опять бардак", "какие-то уроды там всё засрали, пройти невозможно"),
])
def test_anger_at_outsiders_in_a_reply_is_not_conflict(ruleset, pipeline, earlier, text):
    categories = reply_flags(ruleset, pipeline, earlier, text)
    assert "conflict" not in categories
    assert "toxicity" in categories  # the abuse is still there, aimed at no member


@pytest.mark.parametrize(("earlier", "text"), [
    ("мы опоздаем на час", "ну вы и дебилы"),
    ("мы опоздаем на час", "дебилы, читайте расписание"),
    ("we'll be an hour late", "you idiots never read the schedule"),
    ("мы опоздаем на час", "дебил"),
])
def test_an_insult_at_the_member_in_a_reply_is_still_conflict(ruleset, pipeline, earlier, text):
    assert "conflict" in reply_flags(ruleset, pipeline, earlier, text)
