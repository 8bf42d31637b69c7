"""Normalising text before screening, keeping a map back to the author's own characters.

People sometimes hide words from filters (zero-width characters, look-alike letters from
other alphabets, fullwidth letters, "k1ll", "k i l l", "killlll"), and sometimes text
arrives that way by accident (copied from a phone keyboard or another app). Detectors
match against a normalised copy; every character of that copy remembers where it came
from, so the spans we report always point into the text the author wrote.

Two views are made:

- ``details``: NFKC-normalised, invisible characters removed, case and digits kept. The
  personal-details recognisers use it (digits must stay digits).
- ``words``: ``details`` lower-cased, accents removed, look-alike letters folded to
  Latin, leetspeak undone inside words, long runs of one letter shortened, and letters
  spaced out one by one joined up. The word detectors (risk, method, abuse, topics,
  phrase rules) use it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat

# Characters that render as nothing, or as a plain space, and are used to split words
# invisibly: zero-width space/joiners, bidi marks, word joiner, soft hyphen, BOM,
# Mongolian vowel separator, variation selectors, tag characters.
_INVISIBLE = frozenset(
    [
        *(
            0x00AD,
            0x034F,
            0x061C,
            0x115F,
            0x1160,
            0x17B4,
            0x17B5,
            0x180E,
            0x3164,
            0xFEFF,
        ),
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2070),
        *range(0xFE00, 0xFE10),
        *range(0xE0000, 0xE0080),
    ]
)

# Letters from other scripts that look like Latin letters (after lower-casing).
_CONFUSABLES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
    "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ɡ": "g", "ь": "b",
    "п": "n", "г": "r", "ℓ": "l",
    # Greek
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ς": "s", "μ": "u",
    # Latin look-alikes and punctuation that varies by keyboard
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "s",
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "´": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "«": '"', "»": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
}  # fmt: skip

# Leetspeak, undone only inside a word that also has letters ("k1ll", "$uicide"), never
# in plain numbers, so "2 years", "50mg" and phone numbers are left alone.
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
# A whole run of letters, digits, "@" and "$" that holds at least one digit, "@" or
# "$" (one match per run, so a long run of digits costs one pass, not one pass per
# starting position, and plain words are passed over); only runs that also hold a
# letter are changed.
_LEET_TOKEN = re.compile(r"(?<![a-z0-9@$])[a-z]*[0-9@$][a-z0-9@$]*")
_NUMBER_WITH_UNIT = re.compile(r"\d+(?:[a-z]{1,3})")
_LONG_RUN = re.compile(r"([a-z])\1{2,}")
# Three or more single letters separated by one space, dot, dash, underscore or star.
_SPACED_LETTERS = re.compile(r"(?<![a-z])(?:[a-z][ .\-_*]){2,}[a-z](?![a-z])")


# Letters masked with a symbol ("s*icidal", "k!ll", "pi||s"): "!" stands for "i" and
# "|" for "l" between letters; "*", "#" and "%" stand for any letter, and the word is
# restored when exactly one word of the same length in the list below fits.
_MASKED = re.compile(r"(?<![a-z*#%!|])[a-z*#%!|]*[a-z][a-z*#%!|]*[*#%!|][a-z*#%!|]*")
_MASK_LETTERS = {"!": "i", "|": "l"}
_MASKABLE_WORDS = [
    "suicide",
    "suicidal",
    "suicidally",
    "kill",
    "kills",
    "killing",
    "killed",
    "myself",
    "die",
    "dying",
    "died",
    "dead",
    "death",
    "overdose",
    "overdosing",
    "overdosed",
    "tablets",
    "tablet",
    "pills",
    "pill",
    "paracetamol",
    "hang",
    "hanging",
    "noose",
    "rope",
    "blade",
    "blades",
    "razor",
    "razors",
    "cut",
    "cutting",
    "wrist",
    "wrists",
    "life",
    "self",
    "harm",
    "harming",
    "jump",
    "jumping",
    "bleach",
    "poison",
    "lethal",
    "dose",
    "unalive",
    "alive",
    "end",
    "ending",
]


@lru_cache(maxsize=2048)
def _unmask_word(token: str) -> str:
    letters = "".join(_MASK_LETTERS.get(c, c) for c in token)
    if not any(c in "*#%" for c in letters):
        return letters
    fits = [
        word
        for word in _MASKABLE_WORDS
        if len(word) == len(letters)
        and all(a == b or a in "*#%" for a, b in zip(letters, word, strict=True))
    ]
    return fits[0] if len(fits) == 1 else token


def _unmask(match: re.Match[str]) -> str:
    token = match.group(0)
    core = token.strip("*#%!|")
    if len(core) < 2 or not any(c in "*#%!|" for c in core):
        return token
    lead = token[: len(token) - len(token.lstrip("*#%!|"))]
    trail = token[len(lead) + len(core) :]
    return lead + _unmask_word(core) + trail


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into the author's original text, end exclusive."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A normalised copy of a text, with the original offset of each character."""

    original: str
    text: str
    # origins[i] is the index in `original` of the character text[i] came from.
    origins: tuple[int, ...]

    def to_original(self, start: int, end: int) -> Span:
        """The original span covering normalised characters ``start:end``."""
        if end <= start:
            position = self.origins[start] if start < len(self.origins) else 0
            return Span(position, position)
        return Span(self.origins[start], self.origins[end - 1] + 1)


@dataclass(frozen=True, slots=True)
class Views:
    details: NormalisedText
    words: NormalisedText


@lru_cache(maxsize=4096)
def _fold_character(character: str) -> str:
    """Lower-case, strip accents and fold a look-alike letter to Latin."""
    lowered = character.lower()
    folded = []
    for part in lowered:
        part = _CONFUSABLES.get(part, part)
        if not part.isascii():
            decomposed = unicodedata.normalize("NFKD", part)
            part = "".join(c for c in decomposed if not unicodedata.combining(c))
            part = "".join(_CONFUSABLES.get(c, c) for c in part)
        folded.append(part)
    return "".join(folded)


@lru_cache(maxsize=4096)
def _nfkc_character(character: str) -> str:
    return unicodedata.normalize("NFKC", character)


class _CharacterMap(dict[str, str]):
    """Each character's replacement, worked out the first time it is seen.

    A post is mostly characters seen many times before, so a plain lookup answers
    nearly all of them; the map is emptied if a post brings very many new ones.
    """

    def __init__(self, replace: Callable[[str], str]) -> None:
        super().__init__()
        self._replace = replace

    def __missing__(self, character: str) -> str:
        if len(self) > _MAX_CHARACTERS_REMEMBERED:
            self.clear()
        replacement = self[character] = self._replace(character)
        return replacement


_MAX_CHARACTERS_REMEMBERED = 20_000


def _details_character(character: str) -> str:
    """Invisible characters removed, every kind of space made one space, NFKC."""
    if ord(character) in _INVISIBLE:
        return ""
    category = unicodedata.category(character)
    if category == "Cf":
        return ""
    if category == "Zs" or character in "\u2028\u2029":
        return " "
    return _nfkc_character(character)


_DETAILS_CHARACTERS = _CharacterMap(_details_character)
_WORDS_CHARACTERS = _CharacterMap(_fold_character)
# Runs of characters outside ASCII: only these need a look one by one; ASCII text is
# copied a run at a time, so a long post costs little more than a short one.
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
# Two or more combining marks in a row: marks piled on one letter for effect ("zalgo"
# text), which change no word or number. A single mark (an accent typed separately)
# is kept. Dropping a pile in one step keeps a long post of them cheap to screen.
_STACKED_MARKS = re.compile(
    r"[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{2,}"
)


def _map_run(
    run: str,
    origins: Sequence[int],
    characters: _CharacterMap,
    pieces: list[str],
    new_origins: list[int],
) -> None:
    """Append the run's replacements to ``pieces`` and their origins (``origins`` has
    one per character of ``run``) to ``new_origins``."""
    replaced = [characters[character] for character in run]
    pieces.extend(replaced)
    if set(map(len, replaced)) == {1}:
        new_origins.extend(origins)
        return
    # Each origin once for every character its replacement has (none if removed).
    new_origins.extend(chain.from_iterable(map(repeat, origins, map(len, replaced))))


def _mapped_view(
    source: str,
    origins: Sequence[int],
    characters: _CharacterMap,
    ascii_case: Callable[[str], str],
) -> tuple[str, list[int]]:
    """``source`` with each character outside ASCII replaced through ``characters``
    and each run of ASCII through ``ascii_case`` (which keeps one character for one),
    with the origin of every character of the result."""
    pieces: list[str] = []
    new_origins: list[int] = []
    done = 0
    for run in _NOT_ASCII.finditer(source):
        pieces.append(ascii_case(source[done : run.start()]))
        new_origins.extend(origins[done : run.start()])
        _map_run(
            run.group(0),
            origins[run.start() : run.end()],
            characters,
            pieces,
            new_origins,
        )
        done = run.end()
    pieces.append(ascii_case(source[done:]))
    new_origins.extend(origins[done:])
    return "".join(pieces), new_origins


def _without_stacked_marks(text: str) -> tuple[str, Sequence[int]]:
    """``text`` without piles of combining marks, and the origin of each character."""
    if not _STACKED_MARKS.search(text):
        return text, range(len(text))
    pieces: list[str] = []
    origins: list[int] = []
    done = 0
    for run in _STACKED_MARKS.finditer(text):
        pieces.append(text[done : run.start()])
        origins.extend(range(done, run.start()))
        done = run.end()
    pieces.append(text[done:])
    origins.extend(range(done, len(text)))
    return "".join(pieces), origins


def _details_view(text: str) -> NormalisedText:
    if text.isascii():
        return NormalisedText(text, text, tuple(range(len(text))))
    source, source_origins = _without_stacked_marks(text)
    details, origins = _mapped_view(source, source_origins, _DETAILS_CHARACTERS, str)
    return NormalisedText(text, details, tuple(origins))


def _undo_leet(match: re.Match[str]) -> str:
    token = match.group(0)
    if token.isdigit() or not any("a" <= c <= "z" for c in token):
        return token
    if _NUMBER_WITH_UNIT.fullmatch(token):
        return token
    return "".join(_LEET.get(character, character) for character in token)


_MISSPELLED = re.compile(
    r"\b(?:(?P<noun>sucide|suicde|suiside|suicied|sucicide|suicidle|suecide|sucuide)"
    r"|(?P<adjective>sucidal|suicdal|suicidial|suisidal|suicidel|suecidal|sucidial))(?=s?\b)"
)


def _respelled(text: str, origins: Sequence[int]) -> tuple[str, list[int]]:
    """``text`` with misspellings of "suicide" and "suicidal" corrected; each letter
    of a correction takes its origin from the letter at the same place in the
    misspelling (or the last one)."""
    pieces: list[str] = []
    new_origins: list[int] = []
    done = 0
    for match in _MISSPELLED.finditer(text):
        word = "suicide" if match.group("noun") else "suicidal"
        pieces.append(text[done : match.start()])
        new_origins.extend(origins[done : match.start()])
        pieces.append(word)
        last = match.end() - 1
        new_origins.extend(
            origins[min(match.start() + index, last)] for index in range(len(word))
        )
        done = match.end()
    pieces.append(text[done:])
    new_origins.extend(origins[done:])
    return "".join(pieces), new_origins


def _words_view(details: NormalisedText) -> NormalisedText:
    source = details.text
    if source.isascii():
        text, origins = source.lower(), list(details.origins)
    else:
        text, origins = _mapped_view(
            source, details.origins, _WORDS_CHARACTERS, str.lower
        )

    # Leetspeak: same length in and out, so the origins still line up.
    text = _LEET_TOKEN.sub(_undo_leet, text)
    if any(symbol in text for symbol in "*#%!|"):
        text = _MASKED.sub(_unmask, text)

    # Common misspellings of the words for suicide, spelled out as meant.
    if _MISSPELLED.search(text):
        text, origins = _respelled(text, origins)

    # Shorten runs ("killlll" -> "kill") and join spaced letters ("k i l l" -> "kill");
    # both only remove characters, so we keep the origins of those that stay.
    drop: set[int] = set()
    for match in _LONG_RUN.finditer(text):
        drop.update(range(match.start() + 2, match.end()))
    for match in _SPACED_LETTERS.finditer(text):
        drop.update(range(match.start() + 1, match.end(), 2))
    if drop:
        text, origins = _without(text, origins, sorted(drop))
    return NormalisedText(details.original, text, tuple(origins))


def _without(
    text: str, origins: Sequence[int], dropped: list[int]
) -> tuple[str, list[int]]:
    """``text`` without the characters at ``dropped`` (in order), with the origins
    of those kept: copied a run at a time, so a long post costs little more."""
    pieces: list[str] = []
    kept: list[int] = []
    done = 0
    for index in dropped:
        pieces.append(text[done:index])
        kept.extend(origins[done:index])
        done = index + 1
    pieces.append(text[done:])
    kept.extend(origins[done:])
    return "".join(pieces), kept


def normalise(text: str) -> Views:
    """Both normalised views of ``text``."""
    details = _details_view(text)
    return Views(details=details, words=_words_view(details))
