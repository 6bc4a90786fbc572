import numpy as np

from assistant.nlp import NlpPipeline


def test_analysis_of_a_long_chat_question(pipeline: NlpPipeline) -> None:
    text = "Всем привет! Я новенькая, вчера была на складе. Подскажите, а как отменить смену?"
    analysis = pipeline.analyse(text)
    assert analysis.lang == "ru"
    assert [s.is_question for s in analysis.segments] == [False, False, True]
    assert analysis.question_segments[0].text == "Подскажите, а как отменить смену?"
    assert "смена" in analysis.lemmas
    assert np.isclose(np.linalg.norm(analysis.embedding), 1.0, atol=1e-3)


def test_embeddings_capture_meaning_across_wording(pipeline: NlpPipeline) -> None:
    book, paraphrase, unrelated = pipeline.analyse_batch([
        "Как получить личную книжку волонтёра?",
        "где взять волонтерскую книжку",
        "Сегодня отличная погода для прогулки",
    ])
    assert book.embedding @ paraphrase.embedding > book.embedding @ unrelated.embedding + 0.3


def test_batch_keeps_order_and_segment_vectors(pipeline: NlpPipeline) -> None:
    texts = ["Hi! How do I join?", "ok", "Спасибо. Всё получилось. Где склад?"]
    analyses = pipeline.analyse_batch(texts)
    assert [a.text for a in analyses] == texts
    assert [len(a.segments) for a in analyses] == [2, 1, 3]
    single = pipeline.analyse("Где склад?")
    assert float(analyses[2].segments[2].embedding @ single.embedding) > 0.99
