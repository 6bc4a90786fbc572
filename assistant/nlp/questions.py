"""Is a sentence a question a member asks? (Cheap cues; the FAQ matcher refines the decision.)"""

from __future__ import annotations

import re

from assistant.nlp.normalize import fold

_RU_QUESTION_WORDS = (
    "как", "где", "когда", "куда", "откуда", "почему", "зачем", "что", "чем", "сколько", "кто",
    "какой", "какая", "какое", "какие", "каким", "какую", "каких", "можно", "ли", "нужно ли",
    "подскажите", "подскажи", "скажите", "скажи", "расскажите", "объясните", "помогите",
    "не подскажете", "не знаете", "кто-нибудь знает", "кто знает", "есть ли", "возможно ли",
    "реально ли", "как быть", "что делать",
)
_EN_QUESTION_WORDS = (
    "how", "where", "when", "what", "why", "who", "which", "can", "could", "do", "does", "did",
    "is", "are", "should", "would", "will", "may", "anyone know", "does anyone", "is there",
)
_RU_START = re.compile(r"^(?:\W*)(?:" + "|".join(map(re.escape, _RU_QUESTION_WORDS)) + r")\b")
_EN_START = re.compile(r"^(?:\W*)(?:" + "|".join(map(re.escape, _EN_QUESTION_WORDS)) + r")\b")
_RU_ASK = re.compile(r"\b(?:подскажите|подскажи|не подскажете|кто знает|кто-нибудь знает|"
                     r"не знаете|скажите|помогите|интересует|хочу узнать|хотел[аи]? узнать)\b")
_EN_ASK = re.compile(r"\b(?:can you|could you|does anyone|anyone know|i wonder|wondering|"
                     r"please tell|need to know)\b")


def looks_like_question(sentence: str, lang: str) -> bool:
    """A question mark, a question word at the start, or an asking phrase anywhere."""
    text = fold(sentence).strip()
    if not text:
        return False
    if "?" in text:
        return True
    if lang in ("ru", "uk"):
        return bool(_RU_START.search(text) or _RU_ASK.search(text))
    return bool(_EN_START.search(text) or _EN_ASK.search(text))
