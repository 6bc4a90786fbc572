"""Classifier model files: the kinds, and clear errors for bad ones."""

from __future__ import annotations

import json

import pytest

from assistant.moderation.classifiers import ProfanityCheckClassifier, load_classifiers
from assistant.settings import PROJECT_ROOT


def test_bundled_models_load_with_their_kinds():
    found, problems = load_classifiers(PROJECT_ROOT / "rules")
    assert problems == []
    assert isinstance(found["profanity"], ProfanityCheckClassifier)
    assert found["profanity"].languages == frozenset({"en"})


def test_profanity_check_scores_english_abuse_and_ignores_other_languages(pipeline):
    model, _ = load_classifiers(PROJECT_ROOT / "rules")
    rude, kind, russian = pipeline.analyse_batch(
        ["shut up, you fucking idiot", "thanks for driving the boxes to the shelter", "ты тупой идиот"],
        ["en", "en", "ru"])
    profanity = model["profanity"]
    assert profanity.score(rude) > 0.9
    assert profanity.score(kind) < 0.2
    assert profanity.score(russian) == 0.0


def test_profanity_check_scores_as_the_package_does(pipeline):
    """The linear parts taken out of the package's model give its own predict_prob."""
    from profanity_check import predict_prob

    texts = ["shut up, you fucking idiot", "thanks for driving the boxes to the shelter",
             "Can someone bring a hoe?", "I'm sick today, sorry", "what a load of crap lol",
             "@USER you are a disgrace to this country", "see you at 5 at the warehouse"]
    model, _ = load_classifiers(PROJECT_ROOT / "rules")
    ours = [model["profanity"].score(a) for a in pipeline.analyse_batch(texts, ["en"] * len(texts))]
    assert ours == pytest.approx(list(predict_prob(texts)), abs=1e-9)


def test_linear_model_scores_an_empty_message_zero(pipeline):
    model, _ = load_classifiers(PROJECT_ROOT / "rules")
    empty, emoji = pipeline.analyse_batch(["", "👍👍"], ["ru", "ru"])
    assert model["abuse"].score(empty) == 0.0
    assert model["abuse"].score(emoji) == 0.0


@pytest.mark.parametrize(("content", "expected"), [
    ({"kind": "bert"}, "unknown classifier kind 'bert' (known: linear, profanity-check)"),
    ({"bias": 0.1}, "cannot read classifier: KeyError"),
])
def test_a_bad_model_file_is_reported_with_its_name(tmp_path, content, expected):
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "broken.json").write_text(json.dumps(content), encoding="utf-8")
    found, problems = load_classifiers(tmp_path)
    assert found == {}
    assert len(problems) == 1
    assert "broken.json" in str(problems[0]) and expected in str(problems[0])
