"""``not_for``: a question on an entry's topic that its answer does not cover is never answered
with that entry, whether a manager wrote it in YAML or a moderator marked an answer wrong."""

from __future__ import annotations

from dataclasses import replace

from assistant.context import ChatContext
from assistant.faq import FaqMatcher
from assistant.faq.loader import FaqEntry
from assistant.models import Message
from assistant.nlp import NlpPipeline
from assistant.resources import build_matcher
from assistant.review.decisions import decide_answer
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store.review_answers import list_faq_answers

DOG = "А можно взять с собой собаку на склад?"
DOG_AGAIN = "а собаку на склад с собой взять можно?"
WHAT_TO_BRING = "Что взять с собой на склад?"


def _entry_for(matcher: FaqMatcher, pipeline: NlpPipeline, text: str) -> tuple[str, str] | None:
    result = matcher.match(pipeline.analyse(text), ChatContext())
    return None if result is None else (result.entry.id, result.status)


def test_a_not_for_question_in_yaml_keeps_its_paraphrase_unanswered(
        pipeline: NlpPipeline, entries: list[FaqEntry]) -> None:
    plain = build_matcher(Settings(db=None, watch=False), pipeline, entries)
    assert _entry_for(plain, pipeline, DOG_AGAIN) == ("what-to-bring", "answered")
    told = [replace(e, not_for=["можно взять с собой собаку на склад?"]) if e.id == "what-to-bring"
            else e for e in entries]
    matcher = build_matcher(Settings(db=None, watch=False), pipeline, told)
    found = _entry_for(matcher, pipeline, DOG_AGAIN)
    assert found is None or (found[0] != "what-to-bring" and found[1] != "answered")
    # the entry still answers what it does cover
    assert _entry_for(matcher, pipeline, WHAT_TO_BRING) == ("what-to-bring", "answered")


def test_an_answer_marked_wrong_is_not_given_again_for_the_same_question(assistant: Assistant) -> None:
    def ask(message_id: str, chat: str, text: str) -> Message:
        return Message(id=message_id, chat=chat, author=f"u{message_id}", text=text)

    first = assistant.handle(ask("1", "a", DOG))
    assert first.faq is not None and first.faq.id == "what-to-bring"
    assert [a.type for a in first.actions] == ["reply"]
    [answer] = list_faq_answers(assistant.store)
    decided = decide_answer(assistant.store, answer["id"], "wrong", "maria", {"what-to-bring"})
    assert decided["learned"] == [{"kind": "not_for", "entry": "what-to-bring"}]
    assistant.refresh_learned()
    again = assistant.handle(ask("2", "b", DOG_AGAIN))
    assert again.actions == [] and (again.faq is None or again.faq.id != "what-to-bring")
    covered = assistant.handle(ask("3", "c", WHAT_TO_BRING))
    assert covered.faq is not None and covered.faq.id == "what-to-bring"
    assert [a.type for a in covered.actions] == ["reply"]
    # a full reload reads the same lessons from the store
    assert assistant.reload().ok
    assert assistant.handle(ask("4", "d", DOG_AGAIN)).actions == []
