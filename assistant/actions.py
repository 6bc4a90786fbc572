"""What the assistant does about a message: reply with an FAQ answer, notify moderators."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from assistant.context import ChatContext
from assistant.faq import FaqResult
from assistant.models import Action, Message
from assistant.moderation import FlagResult
from assistant.texts import BotTexts


@dataclass
class FaqDecision:
    status: str  # answered | suppressed | candidate
    reason: str = ""


def decide_faq(result: FaqResult, message: Message, last_answer: datetime | None,
               cooldown_minutes: float, context: ChatContext | None = None,
               in_conflict: bool = False) -> FaqDecision:
    """Whether the bot replies with the matched answer or holds back (cooldown, gray zone, a
    thread where a person already answered, a message flagged as an attack on a member)."""
    if result.status != "answered":
        return FaqDecision("candidate", "below the answer threshold")
    if in_conflict:  # «куда ты дела деньги со сбора?» is an accusation, not a donations question
        return FaqDecision("suppressed", "the message is flagged as a conflict")
    if context is not None and human_answered_thread(message, context):
        return FaqDecision("suppressed", "a person already answered in this thread")
    if last_answer is not None and message.ts is not None:
        if message.ts - last_answer < timedelta(minutes=cooldown_minutes):
            return FaqDecision("suppressed", "answered in this chat recently")
    return FaqDecision("answered")


def human_answered_thread(message: Message, context: ChatContext) -> bool:
    """The message is a reply in a thread where a person other than its author (not a bot)
    already replied: people are talking it through, the bot does not answer again."""
    if message.reply_to is None:
        return False
    chain: list[str] = []
    current = context.get(message.reply_to)
    while current is not None and current.id not in chain:
        chain.append(current.id)
        current = context.get(current.reply_to)
    if not chain:
        return False
    root, thread = chain[-1], set(chain)
    for item in context.recent:  # oldest first: replies come after what they answer
        if item.reply_to in thread:
            thread.add(item.id)
    return any(m.id in thread and m.id != root and m.author != message.author
               and m.author_role != "bot" for m in context.recent)


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
