"""The NLP stages every message passes through once: language, normalisation, lemmas, embedding."""

from assistant.nlp.pipeline import Analysis, NlpPipeline, Segment

__all__ = ["Analysis", "NlpPipeline", "Segment"]
