"""Finding a pattern's matches quickly in a long post, with exactly the same results.

Most screening patterns start at the beginning of a word with one of a few words
("\\b(?:want|wish|hope)…"). Python's regular expressions try such a pattern at
every character of the text, so a long post read by many patterns is slow. When a
pattern must start at a word boundary with one of a known set of literal words,
``finditer`` here tries it only where a word of the text starts with one of them,
and takes the same leftmost, non-overlapping matches the pattern itself would find.
Any other pattern is read as usual.

The words a pattern can start with are read from the pattern's own parsed form, so
the rules stay written as plain patterns and nothing has to be kept in step by hand.
If that form cannot be read (a future Python), every pattern is read as usual.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any

try:
    _parser: Any = importlib.import_module("re._parser")
except (
    ImportError
):  # pragma: no cover - a Python without it reads every pattern as usual
    _parser = None

# Below this length a post is read by each pattern as usual: it is already quick.
_SHORT_TEXT = 600
_WORD = re.compile(r"\w+")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
# With more than one word to try in every this many characters, the pattern's own
# search is as quick, and the pattern reads the text itself.
_TEXT_PER_CANDIDATE = 4


@dataclass(frozen=True, slots=True)
class _Starts:
    """The literal words a pattern's match must start with, at a word boundary."""

    # Words that must be whole words of the text ("i" before a space).
    exact_words: frozenset[str]
    # Prefixes made only of word characters: a word of the text starting with one
    # is a place to try.
    word_prefixes: tuple[str, ...]
    # Prefixes with a character that ends a word ("i'm", "i am"): the word before
    # that character, and the whole prefix to check where that word is.
    whole_words: frozenset[str]
    prefixes: tuple[str, ...]
    ignore_case: bool
    # Whether the text must have no letter or digit outside ASCII for the words to
    # be found by their letters (case-blind patterns and digits).
    needs_plain: bool
    literals: frozenset[str]
    digits: bool


def _name(op: Any) -> str:
    return str(getattr(op, "name", op))


# More ways to go on than this, and a word is looked for by its start alone.
_MANY = 64
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


def _first_literals(items: list[Any], case: set[str]) -> tuple[set[str], bool] | None:
    """The literal strings one of which begins every match of ``items``, and whether
    ``items`` can match nothing at all; None when a match may begin otherwise.

    Adds "blind" to ``case`` when a group inside changes whether case matters: the
    words are then looked for in lower case (finding more places to try, never
    fewer); and "digits" when a match may start with any digit, which stands for
    0 to 9 only in a text without letters or digits outside ASCII."""
    if not items:
        return set(), True
    op, argument = items[0]
    kind = _name(op)
    if kind != "AT" and _ends_a_word(items):
        # A space: the literal before it is a whole word ("i" in "i\s+have").
        return {WHOLE}, False
    if kind == "LITERAL":
        run = []
        for item_op, item_argument in items:
            if _name(item_op) != "LITERAL":
                break
            run.append(chr(item_argument))
        word = "".join(run)
        # "w(?:ant|ish)": the pattern parser takes out what alternatives share.
        rest = _first_literals(items[len(run) :], case)
        if rest is not None and rest[0] and not rest[1] and len(rest[0]) <= _MANY:
            return {word + after for after in rest[0]}, False
        if rest is None and _is_word(word) and _ends_a_word(items[len(run) :]):
            # "i\s+have": the word "i" itself, not every word starting with "i".
            return {word + WHOLE}, False
        return {word}, False
    if kind in _ZERO_WIDTH:
        return _first_literals(items[1:], case)
    first: tuple[set[str], bool] | None
    if kind == "SUBPATTERN":
        _group, add_flags, del_flags, inner = argument
        if (add_flags | del_flags) & ~re.IGNORECASE:
            return None
        if not (add_flags or del_flags):
            # "(?:i|we)\s+": read with what follows, so each whole word is known.
            return _first_literals(list(inner) + items[1:], case)
        case.add("blind")
        first = _first_literals(list(inner), case)
    elif kind == "BRANCH":
        found: set[str] = set()
        can_be_empty = False
        # Alternatives that are one whole word, and the starts of the others.
        whole: set[str] = set()
        starts: set[str] = set()
        for branch in argument[1]:
            part = _first_literals(list(branch), case)
            if part is None:
                return None
            found |= part[0]
            can_be_empty = can_be_empty or part[1]
            word = "".join(
                chr(value) if _name(op) == "LITERAL" else "\n" for op, value in branch
            )
            if branch and _is_word(word):
                whole.add(word)
            else:
                starts |= part[0]
        if _ends_a_word(items[1:]):
            found = {
                word + WHOLE if word in whole and word not in starts else word
                for word in found
            }
        first = found, can_be_empty
    elif kind in _REPEATS:
        inner_first = _first_literals(list(argument[2]), case)
        first = (
            None
            if inner_first is None
            else (inner_first[0], inner_first[1] or argument[0] == 0)
        )
    elif kind == "IN" and all(_name(member) == "LITERAL" for member, _ in argument):
        first = {chr(value) for _, value in argument}, False
    elif kind == "IN" and [(_name(m), _name(v)) for m, v in argument] == [
        ("CATEGORY", "CATEGORY_DIGIT")
    ]:
        # A digit: 0 to 9 in a text whose other characters are no letter or digit.
        case.add("digits")
        first = set("0123456789"), False
    else:
        return None
    if first is None:
        return None
    if not first[1]:
        return first
    rest = _first_literals(items[1:], case)
    return None if rest is None else (first[0] | rest[0], rest[1])


# Marks a literal that is a whole word of the text: what follows it in the pattern
# cannot be a letter or digit.
WHOLE = "\0"
_NOT_WORD_CATEGORIES = frozenset({"CATEGORY_SPACE", "CATEGORY_NOT_WORD"})


def _ends_a_word(items: list[Any]) -> bool:
    """Whether what ``items`` match must start with a character outside a word (a
    space, or a word boundary right after the literal before them)."""
    if not items:
        return False
    op, argument = items[0]
    kind = _name(op)
    if kind == "AT":
        return _name(argument) == "AT_BOUNDARY"
    if kind in _REPEATS and argument[0] >= 1:
        return _ends_a_word(list(argument[2]))
    return kind == "IN" and [(_name(m), _name(v)) for m, v in argument] in (
        [("CATEGORY", category)] for category in _NOT_WORD_CATEGORIES
    )


@lru_cache(maxsize=1024)
def _starts(pattern: re.Pattern[str]) -> _Starts | None:
    """How to find where ``pattern`` may match, or None to read it as usual."""
    if _parser is None or pattern.flags & (
        re.MULTILINE | re.VERBOSE | re.LOCALE | re.ASCII
    ):
        return None
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:
        return None
    if (
        len(items) < 2
        or _name(items[0][0]) != "AT"
        or _name(items[0][1]) != ("AT_BOUNDARY")
    ):
        return None
    case: set[str] = set()
    try:
        first = _first_literals(items[1:], case)
    except Exception:
        return None
    if first is None or first[1] or not first[0]:
        return None
    literals = first[0]
    if not all(
        literal.rstrip(WHOLE) and (literal[0].isalnum() or literal[0] == "_")
        for literal in literals
    ):
        return None
    ignore_case = bool(pattern.flags & re.IGNORECASE) or "blind" in case
    if ignore_case and not all(literal.isascii() for literal in literals):
        return None
    return _made(literals, ignore_case=ignore_case, digits="digits" in case)


def _made(literals: set[str], *, ignore_case: bool, digits: bool) -> _Starts:
    if ignore_case:
        literals = {literal.lower() for literal in literals}
    # A whole word ("i" before a space) is found by the word itself; a literal with a
    # mark inside ("i'm" before a space) is looked for by its start as before.
    literals = {
        literal
        if _is_word(literal.removesuffix(WHOLE))
        else literal.removesuffix(WHOLE)
        for literal in literals
    }
    word_prefixes = tuple(sorted(literal for literal in literals if _is_word(literal)))
    # A word looked for by its start is already found whole.
    exact = {
        literal.removesuffix(WHOLE)
        for literal in literals
        if literal.endswith(WHOLE)
        and not literal.removesuffix(WHOLE).startswith(word_prefixes)
    }
    others = [
        literal
        for literal in literals
        if not _is_word(literal) and not literal.endswith(WHOLE)
    ]
    return _Starts(
        exact_words=frozenset(exact),
        word_prefixes=word_prefixes,
        whole_words=frozenset(_WORD.match(literal).group() for literal in others),  # type: ignore[union-attr]
        prefixes=tuple(sorted(others)),
        ignore_case=ignore_case,
        needs_plain=ignore_case or digits,
        literals=frozenset(literals),
        digits=digits,
    )


@lru_cache(maxsize=1024)
def _folded(starts: _Starts) -> _Starts | None:
    """The same words looked for in lower case (more places to try, never fewer),
    so a text needs one index whatever the case of the patterns reading it."""
    if starts.ignore_case:
        return starts
    if not all(literal.isascii() for literal in starts.literals):
        return None
    return _made(set(starts.literals), ignore_case=True, digits=starts.digits)


def _is_word(literal: str) -> bool:
    return _WORD.fullmatch(literal) is not None


@dataclass(frozen=True, slots=True)
class _WordStarts:
    """Where each word of a text starts, and the words in order."""

    text: str
    by_word: dict[str, list[int]]
    words: list[str]
    # No letter or digit outside ASCII: lower-casing moves nothing, and a case-blind
    # pattern or a digit matches only what the index shows.
    plain: bool

    def starting_with(self, prefix: str) -> Iterator[list[int]]:
        """Where the words starting with ``prefix`` start (neighbours in order)."""
        words = self.words
        for index in range(bisect.bisect_left(words, prefix), len(words)):
            if not words[index].startswith(prefix):
                return
            yield self.by_word[words[index]]


def _word_starts(text: str, folded: bool) -> _WordStarts:
    """The start of every run of word characters in ``text`` (lower-cased with
    ``folded``)."""
    plain = _is_plain(text)
    return _index(_lowered(text) if folded and plain else text, plain)


@lru_cache(maxsize=4)
def _is_plain(text: str) -> bool:
    return text.isascii() or not any(
        character.isalnum() for character in _NOT_ASCII.findall(text)
    )


@lru_cache(maxsize=4)
def _lowered(text: str) -> str:
    return text.lower()


@lru_cache(maxsize=4)
def _index(text: str, plain: bool) -> _WordStarts:
    """The words of one searched text: a lower-cased ``details`` view that equals
    the ``words`` view shares its index."""
    by_word: defaultdict[str, list[int]] = defaultdict(list)
    for word in _WORD.finditer(text):
        by_word[word.group()].append(word.start())
    return _WordStarts(text, by_word, sorted(by_word), plain)


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` would give, found faster in long text.
    A short text (most posts) gets the pattern's own iterator, with nothing between:
    screening one post calls this over a hundred times."""
    if len(text) <= _SHORT_TEXT:
        return pattern.finditer(text)
    return _finditer_long(pattern, text)


def _finditer_long(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    starts = _starts(pattern)
    if starts is not None and _is_plain(text):
        starts = _folded(starts) or starts
    index = _word_starts(text, starts.ignore_case) if starts else None
    if starts is None or index is None or (starts.needs_plain and not index.plain):
        yield from pattern.finditer(text)
        return
    lists = [
        found
        for prefix in starts.word_prefixes
        for found in index.starting_with(prefix)
    ]
    lists += [
        index.by_word[word] for word in starts.exact_words if word in index.by_word
    ]
    if starts.prefixes:
        searched, prefixes = index.text, starts.prefixes
        lists += [
            [
                position
                for position in index.by_word.get(word, ())
                if searched.startswith(prefixes, position)
            ]
            for word in starts.whole_words
        ]
    if sum(map(len, lists)) * _TEXT_PER_CANDIDATE > len(text):
        # Words to try nearly everywhere: the pattern's own search is quicker.
        yield from pattern.finditer(text)
        return
    yield from finditer_at(pattern, text, chain.from_iterable(lists))


def finditer_at(
    pattern: re.Pattern[str], text: str, places: Iterable[int]
) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` would give, when every match must
    start at one of ``places``: the pattern is tried only there."""
    after = 0
    for position in sorted(places):
        if position < after:
            continue
        match = pattern.match(text, position)
        if match is not None:
            yield match
            after = match.end() if match.end() > position else position + 1


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match ``pattern.search(text)`` would give, found faster."""
    return next(finditer(pattern, text), None)


def forget() -> None:
    """Drop every text's word index (``screen`` calls this once a post is read)."""
    for cache in (_is_plain, _lowered, _index):
        cache.cache_clear()
