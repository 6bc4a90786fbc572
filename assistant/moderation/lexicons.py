"""Named word lists (rules/lexicons/NAME.LANG.txt), compiled once into one matcher per language.

A line of a lexicon file is one of::

    дебил            a word: matches every inflection (compared by lemma and by surface form)
    тупой баран      a phrase: lemmas in sequence
    =ты никто        a phrase word with ``=``: only this exact form («ты никто», not «тебя никто»)
    пизд*            a root: matches words that start with it
    *хуй*            a root that matches anywhere inside a word (нахуй, похуй)
    *бля             a root that matches at the end of a word
    !хлеб            an exception: a false friend that never matches (whole word or lemma)
    !*употреб*       an exception root
    # comment

Obfuscation: the pipeline already undoes look-alikes, spaced and repeated letters. Here a ``*``
inside a word is a wildcard (``д*бил``), and Latin words of Russian messages are transliterated
(``durak``; these readings live in ``disguise.py``). Words glued by punctuation (``урода.а``)
are matched part by part.
Latin words: digits between letters are undone by the pipeline (``sh1t``); here the rest of the
leet (``1diot``, ``@sshole``, ``b!tch``, ``a$$``) is read as letters, and ``@`` or ``!`` inside a
word as a ``*`` (``f@ck``), ``1`` and ``!`` also as ``l`` (``1oser``); such a word counts only when
a reading is a lexicon word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import Location, Problem, display_path
from assistant.moderation.disguise import has_latin, has_leet, latin_by_sound, leet_readings, transliterate
from assistant.nlp.lemmas import Token

FILE_NAME = re.compile(r"^(?P<name>[a-z0-9-]+)\.(?P<lang>[a-z]{2,3})\.txt$")
_ENTRY = re.compile(r"^!?\*?=?[\w\-']+( =?[\w\-']+)*\*?$", re.UNICODE)
_GLUED = re.compile(r"[.,!?;:()]+")  # punctuation between words written without a space
_URLISH = re.compile(r"[/@]|^www|\.(?:ru|com|org|net|io|me|рф)$")
_CYRILLIC = re.compile("[а-яё]")
# words a phrase may have inside it and still match («закрой ты свой рот», «руки у тебя из
# одного места растут», "just shut up"): lemmas of pronouns and particles
_FILLERS = frozenset({"у", "ты", "вы", "твой", "ваш", "свой", "же", "ну", "вообще", "совсем", "просто",
                      "реально", "прям", "прямо", "явно", "опять", "походу", "видимо", "ведь", "и", "уже",
                      "тут", "здесь", "just", "really", "even", "totally", "literally", "actually"})
_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_CLITIC = re.compile(r"(\w)(n't|'re|'ll|'ve|'s|'d|'m)\b", re.IGNORECASE)
_LATIN_WORD = re.compile(r"^[a-z]{3,}$")
_RU_ALPHABET = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
_EN_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class LexiconHit:
    lexicon: str
    start: int  # token index
    end: int  # token index, exclusive
    span: str  # the words as written (normalised)


@dataclass
class LanguageMatcher:
    """Every lexicon of one language: one dict of words, one regex of roots, one of exceptions."""

    words: dict[str, set[str]] = field(default_factory=dict)
    folded_words: dict[str, set[str]] = field(default_factory=dict)  # о → а (disguised vowels)
    phrases: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    # phrases with exact forms: lemma key → (form required at each position or None, lexicon)
    exact_phrases: dict[tuple[str, ...], list[tuple[tuple[str | None, ...], str]]] = field(
        default_factory=dict)
    roots: dict[str, set[str]] = field(default_factory=dict)  # regex source → lexicons
    exceptions: dict[str, set[str]] = field(default_factory=dict)
    exception_roots: dict[str, set[str]] = field(default_factory=dict)
    _roots_re: tuple[re.Pattern[str], list[str]] | None = None
    _exceptions_re: tuple[re.Pattern[str], list[str]] | None = None
    _hit_cache: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict, repr=False)
    _max_phrase: int = 1
    _phrase_words: dict[str, str] = field(default_factory=dict)  # folded form → phrase lemma

    def compile(self) -> None:
        self._roots_re = _alternation(self.roots)
        self._exceptions_re = _alternation(self.exception_roots)
        self._max_phrase = max((len(p) for p in [*self.phrases, *self.exact_phrases]), default=1)
        self._phrase_words = {w.replace("о", "а"): w for p in [*self.phrases, *self.exact_phrases]
                              for w in p if len(w) >= 4}
        for word, names in self.words.items():
            if len(word) >= 4:
                self.folded_words.setdefault(word.replace("о", "а"), set()).update(names)

    def word_hits(self, surface: str, lemma: str) -> set[str]:
        """Lexicon names that a single word belongs to (exceptions removed); remembered per
        word, since chat words repeat and the root regex is the costly part."""
        key = (surface, lemma)
        known = self._hit_cache.get(key)
        if known is None:
            if len(self._hit_cache) >= 100_000:
                self._hit_cache.clear()
            known = self._hit_cache[key] = frozenset(self._word_hits(surface, lemma))
        return set(known)

    def _word_hits(self, surface: str, lemma: str) -> set[str]:
        found = set(self.words.get(lemma, ())) | set(self.words.get(surface, ()))
        if not found and ("о" in surface or "а" in surface):  # к@зел → казел ≈ козел
            found = set(self.folded_words.get(surface.replace("о", "а"), ()))
        for source in _found(self._roots_re, surface):
            found |= self.roots[source]
        if not found:
            return found
        found -= self.exceptions.get(surface, set()) | self.exceptions.get(lemma, set())
        if found:
            for source in _found(self._exceptions_re, surface):
                found -= self.exception_roots[source]
        return found

    def phrase_word(self, surface: str, lemma: str) -> str:
        """The phrase lemma a disguised word stands for (``к@зёл``, ``к*зёл`` → козёл), else its lemma."""
        if lemma in self._phrase_words.values() or not self._phrase_words:
            return lemma
        folded = surface.replace("о", "а")
        if folded in self._phrase_words:
            return self._phrase_words[folded]
        if "*" in surface and len(surface) >= 4:
            pattern = re.compile(re.escape(folded).replace(r"\*", "."))
            found = [w for f, w in self._phrase_words.items() if pattern.fullmatch(f)]
            if len(found) == 1:
                return found[0]
        return lemma

    def phrase_hits(self, lemmas: list[str], forms: list[str]) -> list[tuple[int, int, set[str]]]:
        hits = []
        for n in range(2, self._max_phrase + 1):
            for i in range(len(lemmas) - n + 1):
                key = tuple(lemmas[i:i + n])
                names = set(self.phrases.get(key, ()))
                for required, name in self.exact_phrases.get(key, ()):
                    if all(r is None or r == f for r, f in zip(required, forms[i:i + n], strict=True)):
                        names.add(name)
                if names:
                    hits.append((i, i + n, names))
        return hits


def _phrase_hits(matcher: LanguageMatcher, lemmas: list[str],
                 words: list[Token]) -> list[tuple[int, int, set[str]]]:
    """Phrase hits, two-word ones also said noun first: «эксперт диванный», «мозг куриный»."""
    hits = matcher.phrase_hits(lemmas, [w.text for w in words])
    for i in range(len(words) - 1):
        if words[i].pos == "NOUN" and words[i + 1].pos == "ADJF":
            names = matcher.phrases.get((lemmas[i + 1], lemmas[i]))
            if names:
                hits.append((i, i + 2, set(names)))
    return hits


def _as_tokenized(text: str) -> str:
    """The entry split where messages are split into words: «ку-ку» → «ку ку», "you're" →
    "you 're", "don't" → "do n't" (an entry written whole would never meet the words)."""
    text = _HYPHEN.sub(" ", text)
    return _CLITIC.sub(r"\1 \2", text)


def _root_regex(entry: str) -> str:
    body = re.escape(entry.strip("*"))
    start = "" if entry.startswith("*") else "^"
    end = "" if entry.endswith("*") or not entry.startswith("*") else "$"
    return f"{start}{body}{end}"


def _alternation(sources: dict[str, set[str]]) -> tuple[re.Pattern[str], list[str]] | None:
    """One regex for all roots of a language; group ``gN`` tells which root matched."""
    if not sources:
        return None
    ordered = sorted(sources, key=len, reverse=True)
    return re.compile("|".join(f"(?P<g{i}>{s})" for i, s in enumerate(ordered))), ordered


def _found(compiled: tuple[re.Pattern[str], list[str]] | None, word: str) -> list[str]:
    if compiled is None:
        return []
    pattern, ordered = compiled
    return [ordered[int(m.lastgroup[1:])] for m in pattern.finditer(word) if m.lastgroup]


class LexiconSet:
    """All lexicons of a rules directory, by language; ``match`` finds every hit in a message."""

    def __init__(self, lemma: Callable[[str], str]) -> None:
        self.names: set[str] = set()
        self.languages: dict[str, LanguageMatcher] = {}
        self._lemma = lemma

    def add(self, name: str, lang: str, entries: Iterable[tuple[str, str]]) -> None:
        """Add one file's ``(entry, lemma-or-empty)`` lines."""
        self.names.add(name)
        matcher = self.languages.setdefault(lang, LanguageMatcher())
        for entry, lemma in entries:
            negative = entry.startswith("!")
            text = entry.lstrip("!")
            if "*" in text:
                target = matcher.exception_roots if negative else matcher.roots
                target.setdefault(_root_regex(text), set()).add(name)
                continue
            text = _as_tokenized(text)
            if " " in text:
                words = text.split()
                key = tuple(self._lemma(w.lstrip("=")) for w in words)
                required = tuple(w[1:] if w.startswith("=") else None for w in words)
                if any(required):
                    matcher.exact_phrases.setdefault(key, []).append((required, name))
                else:
                    matcher.phrases.setdefault(key, set()).add(name)
            else:
                target = matcher.exceptions if negative else matcher.words
                exact = text.startswith("=")
                text = text.lstrip("=")
                for form in {text} if exact else {text, lemma or self._lemma(text)}:
                    target.setdefault(form, set()).add(name)

    def compile(self) -> None:
        for matcher in self.languages.values():
            matcher.compile()

    def match(self, tokens: list[Token], lang: str) -> list[LexiconHit]:
        """Every lexicon hit of a tokenised, normalised message."""
        return self.match_words(self.words(tokens), lang)

    def match_words(self, words: list[Token], lang: str) -> list[LexiconHit]:
        """Every lexicon hit of the message's ``words()``; hit positions index into them."""
        hits: list[LexiconHit] = []
        for i, token in enumerate(words):
            for name in self._token_hits(token, lang):
                hits.append(LexiconHit(name, i, i + 1, token.text))
        for matcher in self.languages.values():
            lemmas = [matcher.phrase_word(w.text, w.lemma) for w in words]
            found = _phrase_hits(matcher, lemmas, words)
            # and again without filler words: «руки у тебя из одного места растут»
            kept = [i for i, lemma in enumerate(lemmas) if lemma not in _FILLERS]
            if len(kept) < len(lemmas):
                spread = _phrase_hits(matcher, [lemmas[i] for i in kept], [words[i] for i in kept])
                found += [(kept[start], kept[end - 1] + 1, names) for start, end, names in spread]
            seen: set[tuple[str, int]] = set()
            for start, end, names in found:
                span = " ".join(w.text for w in words[start:end])
                for name in sorted(names):
                    if (name, start) not in seen:
                        seen.add((name, start))
                        hits.append(LexiconHit(name, start, end, span))
        return hits

    def words(self, tokens: list[Token]) -> list[Token]:
        """The word tokens hits index into; words glued by punctuation (``урода.а``) split up."""
        words: list[Token] = []
        for token in tokens:
            glued = (_GLUED.search(token.text) and not _URLISH.search(token.text)
                     and not self._leet_hits(token.text))  # b!tch is one word
            if glued and any(c.isalpha() for c in token.text):
                words += [Token(part, self._lemma(part), "", frozenset(), True)
                          for part in _GLUED.split(token.text) if any(c.isalpha() for c in part)]
            elif token.is_word:
                words.append(token)
        return words

    def _token_hits(self, token: Token, lang: str) -> set[str]:
        surface = token.text
        script = "ru" if _CYRILLIC.search(surface) else "en"
        if script == "en" and has_leet(surface):
            found = self._leet_hits(surface)
            if found:
                return found
        matcher = self.languages.get(script)
        found: set[str] = set()
        if "*" in surface:
            return self._wildcard_hits(surface, script)
        if matcher is not None:
            found |= matcher.word_hits(surface, token.lemma)
            if script == "ru" and has_latin(surface):  # пиzданула → пизданула
                mixed = latin_by_sound(surface)
                found |= matcher.word_hits(mixed, self._lemma(mixed))
        if script == "en" and lang == "ru" and _LATIN_WORD.match(surface) and "ru" in self.languages:
            cyrillic = transliterate(surface)
            found |= self.languages["ru"].word_hits(cyrillic, self._lemma(cyrillic))
        return found

    def _leet_hits(self, surface: str) -> set[str]:
        """English lexicon names that a leet reading of a Latin word belongs to."""
        matcher = self.languages.get("en")
        found: set[str] = set()
        for reading in leet_readings(surface) if matcher is not None else []:
            if "*" in reading:
                found |= self._wildcard_hits(reading, "en")
            else:
                found |= matcher.word_hits(reading, self._lemma(reading))
        return found

    def _wildcard_hits(self, surface: str, script: str) -> set[str]:
        """``д*бил``: try each letter for each ``*`` (at most two, with two letters shown)."""
        matcher = self.languages.get(script)
        stars = surface.count("*")
        if matcher is None or stars > 2 or len(surface) - stars < 2:
            return set()
        alphabet = _RU_ALPHABET if script == "ru" else _EN_ALPHABET
        candidates = [surface]
        for _ in range(stars):
            candidates = [c.replace("*", letter, 1) for c in candidates for letter in alphabet]
        found: set[str] = set()
        for candidate in candidates:
            lemma = self._lemma(candidate) if stars == 1 else candidate
            found |= matcher.word_hits(candidate, lemma)
        return found


def read_lexicon_file(path: Path, root: Path) -> tuple[list[tuple[str, str]], list[Problem]]:
    """The entries of one lexicon file, or the problems of its lines."""
    name = display_path(path, root)
    entries: list[tuple[str, str]] = []
    problems: list[Problem] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(Location(name), f"cannot read lexicon: {exc}")]
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip().lower().replace("ё", "е")
        if not line:
            continue
        if not _ENTRY.match(line) or "**" in line:
            problems.append(Problem(Location(name, number), f"lexicon entry '{line}' is not a word, "
                                    "a phrase, a root with '*' at its start or end, or '!exception'"))
            continue
        entries.append((line, ""))
    return entries, problems


def load_lexicons(directory: Path, lemma: Callable[[str], str]) -> tuple[LexiconSet, list[Problem]]:
    """Every ``NAME.LANG.txt`` under ``directory/lexicons``, compiled."""
    lexicons = LexiconSet(lemma)
    problems: list[Problem] = []
    folder = directory / "lexicons"
    for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        parsed = FILE_NAME.match(path.name)
        if not parsed:
            problems.append(Problem(Location(display_path(path, directory)),
                                    "lexicon file names are NAME.LANG.txt, e.g. insults.ru.txt"))
            continue
        entries, errors = read_lexicon_file(path, directory)
        problems.extend(errors)
        lexicons.add(parsed["name"], parsed["lang"], entries)
    lexicons.compile()
    return lexicons, problems
