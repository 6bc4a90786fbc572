"""A synthetic but varied volunteer-chat stream for benchmarks (ru mostly, some en)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from assistant.models import Message

_RU_QUESTIONS = [
    "Подскажите, {how} получить {thing}?", "Всем привет! {story}. А {how} записаться на {event}?",
    "Кто-нибудь знает, где {place}?", "Можно ли {act} если мне {age} лет?",
    "{greet}, а {how} отменить смену на {day}?",
]
_RU_ANSWERS = [
    "Напиши координатору, он выдаст {thing} в {place}.", "Я делал так: зашёл на сайт, заполнил "
    "анкету и через {n} дня пришло письмо.", "В {place} по {day}, с 10 до 18.", "Спасибо, помогло!",
    "+1, тоже интересно", "Не знаю, спроси у админа", "{greet}! Сегодня отвезли {n} наборов в {place}.",
]
_EN = ["How do I sign up for the {event}?", "Thanks, that worked!", "You can get it at the {place}.",
       "Is there a shift on {day}?", "See you all at the {event} tomorrow"]
_FILL = {
    "how": ["как", "каким образом", "как можно"],
    "thing": ["книжку волонтёра", "справку для вуза", "сертификат", "форму", "бейдж"],
    "story": ["Я новенькая, вчера была на складе", "Мы с подругой хотим помогать",
              "Я волонтёрю уже год"],
    "event": ["субботник", "фестиваль", "сбор вещей", "marathon", "food drive"],
    "place": ["штабе", "складе на Лесной", "офисе", "warehouse", "community centre"],
    "act": ["волонтёрить", "прийти с ребёнком", "работать удалённо"],
    "age": ["14", "15", "16", "17"],
    "greet": ["Привет", "Добрый вечер", "Всем здравствуйте"],
    "day": ["субботу", "воскресенье", "пятницу", "Saturday"],
    "n": ["2", "3", "5", "12"],
}


def _fill(template: str, rng: random.Random) -> str:
    return template.format(**{k: rng.choice(v) for k, v in _FILL.items()})


def chat_stream(count: int, seed: int = 7, chats: int = 5) -> list[Message]:
    """``count`` messages over a few chats; about a third reply to an earlier message."""
    rng = random.Random(seed)
    start = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
    messages: list[Message] = []
    for i in range(count):
        pool = _EN if rng.random() < 0.15 else rng.choice([_RU_QUESTIONS, _RU_ANSWERS])
        chat = f"chat-{rng.randrange(chats)}"
        earlier = [m for m in messages[-20:] if m.chat == chat]
        reply_to = rng.choice(earlier).id if earlier and rng.random() < 0.35 else None
        messages.append(Message(id=f"m{i}", chat=chat, author=f"u{rng.randrange(40)}",
                                text=_fill(rng.choice(pool), rng), reply_to=reply_to,
                                ts=start + timedelta(seconds=20 * i)))
    return messages
