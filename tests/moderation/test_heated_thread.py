"""The bundled `heated-thread` rule on a fast back-and-forth between two members."""

from __future__ import annotations

import pytest

from assistant.evaluation.moderation import flag_stream
from assistant.moderation import RuleSet
from assistant.nlp import NlpPipeline

EXCHANGE = [
    ("t0", "oleg", "Завтра везу продукты в приют после шести", None),
    ("t1", "petr", "После шести поздно, приют закрывается в семь", "t0"),
    ("t2", "oleg", "Успею, там ехать двадцать минут", "t1"),
    ("t3", "petr", "Ты вечно всё срываешь, вечно у тебя отговорки", "t2"),
    ("t4", "oleg", "Зачем ты так со мной разговариваешь?", "t3"),
    ("t5", "petr", "Да кому нужна твоя помощь, бездарь, только всё портишь", "t4"),
]


Exchange = list[tuple[str, str, str, str | None]]  # (id, author, text, reply_to), a minute apart


def _rules_fired(ruleset: RuleSet, pipeline: NlpPipeline,
                 exchange: Exchange = EXCHANGE) -> dict[str, set[str]]:
    """The rules that fire on each message of an exchange, by message id."""
    rows = [{"id": i, "chat": "c", "author": a, "text": t, "reply_to": r,
             "ts": f"2024-05-04T10:0{n}:00+00:00", "label": None}
            for n, (i, a, t, r) in enumerate(exchange)]
    return {row["id"]: {x.flag.rule for x in results}
            for row, results in flag_stream(ruleset, pipeline, rows)}


def test_a_hostile_message_in_a_fast_exchange_is_a_heated_thread(ruleset, pipeline):
    fired = _rules_fired(ruleset, pipeline)
    assert "heated-thread" in fired["t5"]
    assert not any(fired[i] for i in ("t0", "t1", "t2"))  # a calm exchange is not heated


def test_a_calm_reply_inside_the_heated_exchange_is_not_flagged(ruleset, pipeline):
    assert "heated-thread" not in _rules_fired(ruleset, pipeline)["t4"]


# Oleg and Petr each argue with Vera, fast and hostile, but never with each other: no exchange
# between the two of them, so Petr's last message (a reply to Oleg's calm question) is not heated.
PARALLEL = [
    ("p0", "oleg", "Вера, ты опять всё перепутала со списками, сколько можно", None),
    ("p1", "vera", "Ничего я не путала, список верный", "p0"),
    ("p2", "petr", "Вера, ты вечно всё срываешь, бездарь", None),
    ("p3", "vera", "Петя, не надо так", "p2"),
    ("p4", "oleg", "Вера, от тебя толку ноль, честно", "p1"),
    ("p5", "petr", "Вера, ты всех уже достала своими списками", "p3"),
    ("p6", "oleg", "Петя, а ты завтра едешь на склад?", None),
    ("p7", "petr", "Да, к девяти. Только с тобой не поеду, от тебя толку ноль", "p6"),
]


def test_two_members_who_never_talked_to_each_other_are_no_exchange(ruleset, pipeline):
    # oleg and petr exchanged one message each: nothing heated
    assert "heated-thread" not in _rules_fired(ruleset, pipeline, PARALLEL)["p7"]


def _last_fired(ruleset: RuleSet, pipeline: NlpPipeline, text: str) -> set[str]:
    """The rules that fire on Petr's ``text`` at the end of the heated exchange."""
    return _rules_fired(ruleset, pipeline, [*EXCHANGE, ("t6", "petr", text, "t5")])["t6"]


def test_an_apology_inside_the_heated_exchange_is_not_flagged(ruleset, pipeline):
    assert "heated-thread" not in _last_fired(ruleset, pipeline, "да сорри, накипело, ты тоже пойми")


def test_an_apology_followed_by_but_is_no_apology(ruleset, pipeline):
    assert "heated-thread" in _last_fired(ruleset, pipeline, "извини, но ты вечно всё портишь")


@pytest.mark.parametrize("text", ["Принято 👍", "ок, понял", "Договорились!"])
def test_a_bare_acknowledgement_inside_the_heated_exchange_is_not_flagged(ruleset, pipeline, text):
    # the abuse model scores «Принято 👍» 0.73: the acknowledgement exempts it, not the score
    assert "heated-thread" not in _last_fired(ruleset, pipeline, text)
