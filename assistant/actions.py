"""What the assistant does about a message: reply with an FAQ answer, notify moderators."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from assistant.faq import FaqResult
from assistant.models import Action, Message
from assistant.moderation import FlagResult
from assistant.texts import BotTexts


@dataclass
class FaqDecision:
    status: str  # answered | suppressed | candidate
    reason: str = ""


def decide_faq(result: FaqResult, message: Message, last_answer: datetime | None,
               cooldown_minutes: float) -> FaqDecision:
    """Whether the bot replies with the matched answer or holds back (cooldown, gray zone)."""
    if result.status != "answered":
        return FaqDecision("candidate", "below the answer threshold")
    if last_answer is not None and message.ts is not None:
        if message.ts - last_answer < timedelta(minutes=cooldown_minutes):
            return FaqDecision("suppressed", "answered in this chat recently")
    return FaqDecision("answered")


def decide_actions(message: Message, lang: str, faq: FaqResult | None,
                   faq_decision: FaqDecision | None, flags: list[FlagResult],
                   texts: BotTexts) -> list[Action]:
    """The actions of a verdict, in priority order: moderation first, then the FAQ reply."""
    actions: list[Action] = []
    for result in sorted(flags, key=lambda r: -r.priority):
        if result.flag.mode == "shadow":
            continue
        actions.extend(result.actions)
    if faq is not None and faq_decision is not None and faq_decision.status == "answered":
        text = texts.render("faq_answer", lang, answer=faq.entry.answer,
                            question=faq.entry.question) or faq.entry.answer
        actions.append(Action(type="reply", text=text, reply_to=message.id))
    return actions
