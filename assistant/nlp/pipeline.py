"""The NLP pipeline, run once per message and shared by every analyser.

language → normalise → tokens and lemmas → sentences → embeddings (one batch per call).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from assistant.nlp.encoders import Encoder
from assistant.nlp.language import detect_language
from assistant.nlp.lemmas import Lemmatizer, Token
from assistant.nlp.normalize import fold, normalize
from assistant.nlp.questions import looks_like_question
from assistant.nlp.sentences import split_sentences


@dataclass
class Segment:
    """One sentence of a message, with its own embedding when the message has several."""

    text: str
    is_question: bool
    embedding: np.ndarray


@dataclass
class Analysis:
    """Everything the analysers need to know about one text, computed once."""

    text: str
    lang: str
    folded: str  # lowercase, ё→е, invisible characters removed
    normalized: str  # de-obfuscated (look-alikes, spaced letters, letter runs)
    tokens: list[Token]
    embedding: np.ndarray
    segments: list[Segment] = field(default_factory=list)

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.is_word]

    @property
    def lemmas(self) -> list[str]:
        return [t.lemma for t in self.tokens if t.is_word]

    @property
    def is_question(self) -> bool:
        return any(s.is_question for s in self.segments)

    @property
    def question_segments(self) -> list[Segment]:
        return [s for s in self.segments if s.is_question]


class NlpPipeline:
    """Holds the slow-to-load parts (encoder, lemmatizer) and analyses texts in batches."""

    def __init__(self, encoder: Encoder, lemmatizer: Lemmatizer | None = None,
                 default_lang: str = "ru") -> None:
        self.encoder = encoder
        self.lemmatizer = lemmatizer or Lemmatizer()
        self.default_lang = default_lang

    def analyse(self, text: str, lang_hint: str | None = None) -> Analysis:
        return self.analyse_batch([text], [lang_hint])[0]

    def analyse_batch(self, texts: list[str],
                      lang_hints: list[str | None] | None = None) -> list[Analysis]:
        """Analyse many texts; all embeddings (whole texts and their sentences) in one batch."""
        hints = lang_hints or [None] * len(texts)
        langs = [detect_language(t, h, self.default_lang) for t, h in zip(texts, hints, strict=True)]
        sentences = [split_sentences(t) for t in texts]
        to_encode: list[str] = list(texts)
        for parts in sentences:
            if len(parts) > 1:
                to_encode.extend(parts)
        vectors = self.encoder.encode(to_encode)
        results = []
        cursor = len(texts)
        for i, text in enumerate(texts):
            parts = sentences[i] or [text]
            if len(parts) > 1:
                part_vectors = vectors[cursor: cursor + len(parts)]
                cursor += len(parts)
            else:
                part_vectors = vectors[i: i + 1]
            normalized = normalize(text)
            results.append(Analysis(
                text=text,
                lang=langs[i],
                folded=fold(text),
                normalized=normalized,
                tokens=self.lemmatizer.tokenize(normalized, langs[i]),
                embedding=vectors[i],
                segments=[Segment(p, looks_like_question(p, langs[i]), v)
                          for p, v in zip(parts, part_vectors, strict=True)],
            ))
        return results
