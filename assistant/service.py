"""The only orchestrator: a message in, a stored verdict out.

    store: seen before? → return the stored verdict (idempotency)
    store: keep the raw message (a crash later cannot lose it)
    nlp: language → normalise → lemmas → embeddings (one batch for all messages)
    per message, in order: context → moderation · faq · highlights → actions
    store: verdict + flags + FAQ answer + highlights + thread links in one transaction
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace

from assistant.actions import decide_actions, decide_faq
from assistant.context import ChatContext
from assistant.errors import ConfigError, Problem
from assistant.highlights import score_message
from assistant.models import FaqMatch, Message, Verdict
from assistant.nlp import Analysis, NlpPipeline
from assistant.nlp.encoders import load_encoder
from assistant.resources import Resources, build_matcher, load_resources
from assistant.settings import Settings
from assistant.store import Store, StoredOutcome
from assistant.store import webhooks as edits
from assistant.store.highlights import highlight_links, highlight_state_writer

log = logging.getLogger(__name__)


class ProcessingError(Exception):
    """A message was accepted and stored, but analysing it failed; a redelivery retries it."""

    def __init__(self, message: Message, cause: BaseException):
        self.message = message
        self.cause = cause
        super().__init__(f"message {message.id!r} in chat {message.chat!r} was stored but "
                         f"could not be analysed: {type(cause).__name__}: {cause}")


@dataclass
class ReloadStatus:
    ok: bool
    problems: list[Problem]


class Assistant:
    """Holds the models, the loaded managers' files and the store; processes messages."""

    def __init__(self, settings: Settings, pipeline: NlpPipeline | None = None,
                 store: Store | None = None) -> None:
        self.settings = settings
        self.pipeline = pipeline or NlpPipeline(load_encoder(settings.encoder,
                                                             settings.encoder_model))
        self.store = store or Store(settings.db)
        self.resources: Resources = load_resources(settings, self.pipeline, self.store)
        self.last_reload = ReloadStatus(True, [])
        self._process_lock = threading.Lock()

    # --- managers' files ------------------------------------------------------------------

    def reload(self) -> ReloadStatus:
        """Validate the files on disk and swap them in whole; a broken set keeps the old one."""
        try:
            resources = load_resources(self.settings, self.pipeline, self.store)
        except ConfigError as exc:
            self.last_reload = ReloadStatus(False, exc.problems)
            log.warning("reload failed, keeping the previous rules and FAQ: %d problem(s)",
                        len(exc.problems))
            return self.last_reload
        self.resources = resources
        self.last_reload = ReloadStatus(True, [])
        log.info("reloaded %d FAQ entries and the rules", len(resources.knowledge.entries))
        return self.last_reload

    def refresh_learned(self) -> None:
        """Rebuild the FAQ matcher with what moderators taught it (learned variants and
        ``not_for`` questions), without re-reading the files: a decision applies at once."""
        current = self.resources
        matcher = build_matcher(self.settings, self.pipeline, current.knowledge.entries, self.store,
                                current.matcher.confidence)  # the generation's model, not re-read
        self.resources = replace(current, matcher=matcher)

    # --- messages -------------------------------------------------------------------------

    def handle(self, message: Message) -> Verdict:
        result = self.handle_batch([message])[0]
        if isinstance(result, ProcessingError):
            raise result
        return result

    def handle_batch(self, messages: list[Message]) -> list[Verdict | ProcessingError]:
        """Process messages in order as one stream; a failure affects only its own message."""
        with self._process_lock:
            return self._handle_batch([m.with_received_time() for m in messages])

    def handle_edit(self, message: Message) -> Verdict:
        """An edited message: store the new text, run the analysers again and replace its
        verdict and flags in one transaction. An edit of a message never seen is analysed as new."""
        with self._process_lock:
            stored = edits.stored_message(self.store, message)
            if stored is None:
                result = self._handle_batch([message.with_received_time()])[0]
            elif stored.text == message.text and stored.status == "done":
                result = self.store.find_verdict(message) or self._reanalyse(stored, message)
            else:
                result = self._reanalyse(stored, message)
        if isinstance(result, ProcessingError):
            raise result
        return result

    def _reanalyse(self, stored: edits.StoredMessage, message: Message) -> Verdict | ProcessingError:
        message = message.model_copy(update={"ts": stored.ts})  # keeps its place in the chat
        edits.apply_edit(self.store, stored.rowid, message)
        try:
            analysis = self.pipeline.analyse_batch([message.text], [message.lang])[0]
            return self._process(message, analysis, stored.rowid)
        except Exception as exc:
            log.exception("processing the edit of message %s failed", message.id)
            self.store.mark_failed(stored.rowid, repr(exc))
            return ProcessingError(message, exc)

    def record_deletion(self, platform: str, chat: str, message_id: str) -> bool:
        """A message was deleted on its platform; its record and verdict stay for moderators."""
        return edits.record_deletion(self.store, platform, chat, message_id)

    def _handle_batch(self, messages: list[Message]) -> list[Verdict | ProcessingError]:
        results: list[Verdict | ProcessingError | None] = [None] * len(messages)
        fresh: list[int] = []
        first_of_key: dict[tuple[str, str, str], int] = {}
        for i, message in enumerate(messages):
            if message.key in first_of_key:
                continue
            first_of_key[message.key] = i
            stored = self.store.find_verdict(message)
            if stored is not None:
                results[i] = stored
            else:
                fresh.append(i)
        rowids = {i: self.store.record_received(messages[i]) for i in fresh}
        try:
            analyses = self.pipeline.analyse_batch([messages[i].text for i in fresh],
                                                   [messages[i].lang for i in fresh])
        except Exception as exc:  # the messages stay stored as 'failed' for a retry
            log.exception("analysis failed for a batch of %d messages", len(fresh))
            for i in fresh:
                self.store.mark_failed(rowids[i], repr(exc))
                results[i] = ProcessingError(messages[i], exc)
            analyses = []
        for i, analysis in zip(fresh, analyses, strict=False):
            try:
                results[i] = self._process(messages[i], analysis, rowids[i])
            except Exception as exc:
                log.exception("processing failed for message %s", messages[i].id)
                self.store.mark_failed(rowids[i], repr(exc))
                results[i] = ProcessingError(messages[i], exc)
        for i, message in enumerate(messages):  # repeated keys within the batch
            if results[i] is None:
                results[i] = results[first_of_key[message.key]]
        return [r for r in results if r is not None]

    def _process(self, message: Message, analysis: Analysis, rowid: int) -> Verdict:
        settings = self.settings
        resources = self.resources
        context = ChatContext(self.store.chat_context(message, settings.context_messages,
                                                      settings.context_minutes))
        flag_results = resources.rules.evaluate(message, analysis, context)
        shown = [r for r in flag_results if r.flag.mode != "shadow"]
        is_member = message.author_role == "member"
        faq = resources.matcher.match(analysis, context) if is_member else None
        faq_decision = None
        if faq is not None:
            last = self.store.last_faq_answer(message.platform, message.chat, faq.entry.id)
            in_conflict = any(r.flag.category == "conflict" for r in shown)
            faq_decision = decide_faq(faq, message, last, settings.faq_cooldown_minutes, context,
                                      in_conflict)
        attacked = any(r.flag.category in ("conflict", "toxicity") for r in shown)
        links = highlight_links(self.store, message, context)
        highlight = score_message(message, analysis, context, flagged=attacked, links=links)
        verdict = Verdict(
            message_id=message.id, chat=message.chat, lang=analysis.lang,
            faq=(FaqMatch(id=faq.entry.id, score=round(faq.score, 4), answer=faq.entry.answer,
                          status=faq_decision.status if faq_decision else None)
                 if faq is not None else None),
            flags=[r.flag for r in shown],
            highlight=highlight.highlight,
            actions=decide_actions(message, analysis.lang, faq, faq_decision, flag_results,
                                   resources.knowledge.texts),
        )
        self.store.record_outcome(rowid, message, StoredOutcome(
            verdict=verdict, lang=analysis.lang, is_question=analysis.is_question,
            embedding=analysis.embedding, flags=[r.flag for r in flag_results],
            faq_status=faq_decision.status if faq_decision else None,
            highlight_question_id=(highlight.highlight.question_id
                                   if highlight.highlight else None),
            highlight_updates=[(u.message_id, u.highlight) for u in highlight.updates],
            also=highlight_state_writer(message, highlight),
        ))
        return verdict
