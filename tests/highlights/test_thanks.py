"""A thanks or confirmation from the asker raises the stored highlight of the answer afterwards."""

from __future__ import annotations

from assistant.analyze import analyze_stream

Q = "Подскажите, где взять форму для отчёта о часах?"
A = "Форма в закрепе, файл «Отчёт_часы.xlsx». Заполняешь и отправляешь координатору до 25 числа"
WEAK = "Принимают, несите в любой день"


def _final(service, messages):
    return {v["message_id"]: v for v in analyze_stream(service, messages)}


def test_confirmation_later_in_the_stream_raises_the_printed_verdict(service, chat_stream):
    messages = chat_stream("thanks-1", [("q", "kirill", Q, None), ("a", "lena", A, "q"),
                                        ("x", "marina", "Всем хорошего дня", None),
                                        ("t", "kirill", "Нашёл, помогло, спасибо!", "a")])
    first = service.store.find_verdict  # the verdict as first decided is kept in the store
    verdicts = _final(service, messages)
    assert verdicts["a"]["highlight"]["score"] > 0.9
    assert "confirmed it helped" in verdicts["a"]["highlight"]["reason"]
    assert first(messages[1]).highlight.score == verdicts["a"]["highlight"]["score"]
    assert verdicts["t"]["highlight"] is None


def test_thanks_turns_a_plain_answer_into_a_highlight(service, chat_stream):
    rows = [("q", "pasha", "Кто-нибудь знает, принимают ли старые одеяла?", None),
            ("a", "vera", WEAK, "q")]
    before = _final(service, chat_stream("thanks-2", rows))
    after = _final(service, chat_stream("thanks-3", rows + [("t", "pasha", "Спасибо!", None)]))
    assert (before["a"]["highlight"] or {}).get("score", 0) < after["a"]["highlight"]["score"]
    assert after["a"]["highlight"]["score"] >= 0.5


def test_thanks_from_someone_else_changes_nothing(service, chat_stream):
    rows = [("q", "pasha", "Кто-нибудь знает, принимают ли старые одеяла?", None),
            ("a", "vera", WEAK, "q")]
    base = _final(service, chat_stream("thanks-4", rows))["a"]["highlight"]
    other = _final(service, chat_stream("thanks-5", rows + [("t", "misha", "Спасибо!", "a")]))
    assert other["a"]["highlight"] == base


def test_it_did_not_help_is_not_a_thanks(service, chat_stream):
    rows = [("q", "pasha", "Кто-нибудь знает, принимают ли старые одеяла?", None),
            ("a", "vera", WEAK, "q")]
    base = _final(service, chat_stream("thanks-6", rows))["a"]["highlight"]
    after = _final(service, chat_stream("thanks-7", rows + [
        ("t", "pasha", "Спасибо, но не помогло: не приняли", "a")]))
    assert after["a"]["highlight"] == base


def test_thanks_for_a_dont_know_does_not_highlight_it(service, chat_stream):
    verdicts = _final(service, chat_stream("thanks-8", [
        ("q", "anya", "Можно ли привести друга без регистрации?", None),
        ("a", "dima", "не знаю", "q"), ("t", "anya", "ну ладно, спасибо", None)]))
    assert verdicts["a"]["highlight"] is None


def test_a_thanks_after_a_restart_finds_the_stored_thread(make_service, chat_stream, tmp_path):
    db = tmp_path / "a.db"
    messages = chat_stream("restart", [("q", "kirill", Q, None), ("a", "lena", A, "q"),
                                       ("t", "kirill", "Сработало, спасибо", None, 600)])
    first = make_service(db)
    first.handle_batch(messages[:2])
    before = first.store.find_verdict(messages[1]).highlight.score
    first.store.close()
    second = make_service(db)
    second.handle_batch(messages[2:])
    after = second.store.find_verdict(messages[1]).highlight
    assert after.score > before and "confirmed" in after.reason
    second.store.close()
