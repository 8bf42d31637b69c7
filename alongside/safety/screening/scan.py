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

import importlib
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
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
# Trying a pattern at one word costs about as much as its own search over this many
# characters; with more words to try than that, the pattern reads the text itself.
_TEXT_PER_CANDIDATE = 4


@dataclass(frozen=True, slots=True)
class _Starts:
    """The literal words a pattern's match must start with, at a word boundary."""

    prefixes: tuple[str, ...]
    # Whether the text must have no letter or digit outside ASCII for the words to
    # be found by their first letters (case-blind patterns and digits).
    needs_plain: bool
    # The index keys of the prefixes of two or more characters (``_key``), and the
    # prefixes of one letter (which any word starting with it may begin).
    pairs: frozenset[str]
    letters: frozenset[str]
    ignore_case: bool


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
        return {word}, False
    if kind in _ZERO_WIDTH:
        return _first_literals(items[1:], case)
    first: tuple[set[str], bool] | None
    if kind == "SUBPATTERN":
        _group, add_flags, del_flags, inner = argument
        if (add_flags | del_flags) & ~re.IGNORECASE:
            return None
        if add_flags or del_flags:
            case.add("blind")
        first = _first_literals(list(inner), case)
    elif kind == "BRANCH":
        found: set[str] = set()
        can_be_empty = False
        for branch in argument[1]:
            part = _first_literals(list(branch), case)
            if part is None:
                return None
            found |= part[0]
            can_be_empty = can_be_empty or part[1]
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
        literal and (literal[0].isalnum() or literal[0] == "_") for literal in literals
    ):
        return None
    ignore_case = bool(pattern.flags & re.IGNORECASE) or "blind" in case
    if ignore_case:
        if not all(literal.isascii() for literal in literals):
            return None
        literals = {literal.lower() for literal in literals}
    return _Starts(
        prefixes=tuple(sorted(literals)),
        pairs=frozenset(_key(literal) for literal in literals if len(literal) > 1),
        letters=frozenset(literal for literal in literals if len(literal) == 1),
        ignore_case=ignore_case,
        needs_plain=ignore_case or "digits" in case,
    )


def _key(literal: str) -> str:
    """The index key of a word starting with ``literal`` (two or more characters):
    its first two characters, or its first alone when the second ends the word
    ("i'm" starts the word "i")."""
    second = literal[1]
    return literal[:2] if second.isalnum() or second == "_" else literal[0]


@dataclass(frozen=True, slots=True)
class _WordStarts:
    """Where each word of a text starts, by its first two characters."""

    text: str
    by_key: dict[str, list[int]]
    # No letter or digit outside ASCII: lower-casing moves nothing, and a case-blind
    # pattern or a digit matches only what the index shows.
    plain: bool


@lru_cache(maxsize=4)
def _word_starts(text: str, folded: bool) -> _WordStarts:
    """The start of every run of word characters in ``text`` (lower-cased with
    ``folded``), by the run's first two characters (one for a run of one)."""
    plain = text.isascii() or not any(
        character.isalnum() for character in _NOT_ASCII.findall(text)
    )
    if folded and plain:
        text = text.lower()
    by_key: defaultdict[str, list[int]] = defaultdict(list)
    for word in _WORD.finditer(text):
        start = word.start()
        by_key[text[start : min(start + 2, word.end())]].append(start)
    return _WordStarts(text, by_key, plain)


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` would give, found faster in long text."""
    starts = _starts(pattern) if len(text) > _SHORT_TEXT else None
    index = _word_starts(text, starts.ignore_case) if starts else None
    if starts is None or index is None or (starts.needs_plain and not index.plain):
        yield from pattern.finditer(text)
        return
    lists = [index.by_key.get(pair, []) for pair in starts.pairs]
    if starts.letters:
        lists += [
            found for key, found in index.by_key.items() if key[0] in starts.letters
        ]
    if sum(map(len, lists)) * _TEXT_PER_CANDIDATE > len(text):
        # Words to try nearly everywhere: the pattern's own search is quicker.
        yield from pattern.finditer(text)
        return
    candidates = sorted(position for found in lists for position in found)
    searched = index.text
    after = 0
    for position in candidates:
        if position < after or not searched.startswith(starts.prefixes, position):
            continue
        match = pattern.match(text, position)
        if match is not None:
            yield match
            after = match.end() if match.end() > position else position + 1


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match ``pattern.search(text)`` would give, found faster."""
    return next(finditer(pattern, text), None)
