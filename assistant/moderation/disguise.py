"""Reading disguised words for the lexicons: Latin-spelled Russian, Latin letters left inside a
Cyrillic word, and English leet (``durak``, ``пиzдец``, ``1diot``, ``f@ck``)."""

from __future__ import annotations

import re

from assistant.nlp.normalize import LEET_LETTERS

_TRANSLIT = [("shch", "щ"), ("sch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"),
             ("ts", "ц"), ("ya", "я"), ("yu", "ю"), ("yo", "е"), ("ye", "е"), ("iy", "ий"),
             ("yy", "ый"), ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"),
             ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"), ("j", "й"), ("k", "к"), ("l", "л"),
             ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"),
             ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("x", "х"), ("y", "ы"), ("z", "з")]
# Latin letters left inside a Cyrillic word after look-alikes were undone (``пиzдец``), by sound.
_MIXED = str.maketrans({"z": "з", "s": "с", "d": "д", "l": "л", "i": "и", "g": "г", "f": "ф",
                        "v": "в", "j": "й", "b": "б", "w": "в", "q": "к"})
_HAS_LATIN = re.compile("[a-z]")
# Leet that normalize() leaves: at a word's edge, or ambiguous symbols (``@`` is ``a`` or a mask).
_LEET = str.maketrans({**LEET_LETTERS, "@": "a", "!": "i"})
_LEET_WORD = re.compile(r"^[a-z013457@$!*']+$")
_LEET_CHAR = re.compile(r"[013457@$!]")
_INNER_MASK = re.compile(r"(?<=[a-z*])[@!](?=[a-z*])")
_TRANSLIT_RE = re.compile("|".join(k for k, _ in _TRANSLIT))
_TRANSLIT_MAP = dict(_TRANSLIT)


def leet_readings(word: str) -> list[str]:
    """How a Latin word with leet may read (``@sshole`` → asshole, ``f@ck`` → fack, f*ck), or []."""
    if not _LEET_WORD.match(word) or not _LEET_CHAR.search(word):
        return []
    letters = len(_HAS_LATIN.findall(word))
    if letters < 1 or (letters < 2 and any(c.isdigit() for c in word)):  # 4x4, 3d, a55 (a phone)
        return []
    readings = {word.translate(_LEET), _INNER_MASK.sub("*", word).translate(_LEET)}
    if 0 < word.count("1") + word.count("!") <= 2:  # 1 and ! may be l too (1oser, ki11)
        readings |= {r[:i] + "l" + r[i + 1:] for r in list(readings) for i, c in enumerate(word) if c in "1!"}
        readings.add(re.sub("[1!]", "l", word).translate(_LEET))
    return sorted(readings)


def transliterate(word: str) -> str:
    """Latin-spelled Russian back to Cyrillic (``durak`` → ``дурак``, ``suka`` → ``сука``)."""
    word = re.sub(r"y$", "й", word) if len(word) > 3 and word[-2:] in ("oy", "iy", "uy") else word
    return _TRANSLIT_RE.sub(lambda m: _TRANSLIT_MAP[m.group(0)], word)


def has_latin(word: str) -> bool:
    return bool(_HAS_LATIN.search(word))


def has_leet(word: str) -> bool:
    """The word holds a leet digit or symbol (``0 1 3 4 5 7 @ $ !``)."""
    return bool(_LEET_CHAR.search(word))


def latin_by_sound(word: str) -> str:
    """Latin letters inside a Cyrillic word read by sound (``пиzданула`` → пизданула)."""
    return word.translate(_MIXED)


_LATIN_WORD = re.compile(r"[A-Za-z]+")
TRANSLIT_SHARE = 0.5  # of a Russian message's words Latin-spelled: read it as transliteration


def cyrillic_copy(text: str) -> str | None:
    """A Russian message written mostly in Latin letters (``ty dolbaeb, chestnoe slovo``) back in
    Cyrillic, for the classifiers that only read Cyrillic; None when most words are Cyrillic."""
    words = re.findall(r"\w+", text)
    latin = [w for w in words if _LATIN_WORD.fullmatch(w)]
    if not words or len(latin) < TRANSLIT_SHARE * len(words):
        return None
    return _LATIN_WORD.sub(lambda m: transliterate(m.group(0).lower()), text)
