"""Finding a group from a person's own words.

Someone looking for a group rarely types the word the group uses: they write "my dad
died", not "bereavement". A search matches words by their stem (died, dies and dying
are one word here) and widens each word with related ones: a starter list below, in
our own words, and the words an organisation adds for its own people.

It reads only what a group says about itself in the list (its name, description, who
it is for and its tags), never anything written inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import snowballstemmer

from .models import PeerGroup

_stemmer = snowballstemmer.stemmer("english")

# Words that say nothing about an experience.
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "get",
        "got",
        "had",
        "has",
        "have",
        "he",
        "her",
        "him",
        "his",
        "how",
        "i",
        "i'm",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "like",
        "me",
        "my",
        "myself",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "out",
        "she",
        "so",
        "some",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "they",
        "this",
        "to",
        "too",
        "up",
        "us",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)

# A starter set of related words. Each line: what someone might type, and the words
# a group about it might use. Organisations add their own (Organisation.search_words).
STARTER_WORDS: dict[str, tuple[str, ...]] = {
    "died": ("bereavement", "grief", "loss", "death"),
    "dead": ("bereavement", "grief", "loss", "death"),
    "death": ("bereavement", "grief", "loss"),
    "passed": ("bereavement", "grief", "loss"),
    "lost": ("bereavement", "grief", "loss"),
    "funeral": ("bereavement", "grief", "loss"),
    "widow": ("bereavement", "grief", "loss", "partner"),
    "widower": ("bereavement", "grief", "loss", "partner"),
    "grieving": ("bereavement", "grief", "loss"),
    "dad": ("father", "parent"),
    "father": ("dad", "parent"),
    "mum": ("mother", "parent"),
    "mom": ("mother", "parent"),
    "mother": ("mum", "parent"),
    "nan": ("grandmother", "grandparent"),
    "grandad": ("grandfather", "grandparent"),
    "husband": ("partner",),
    "wife": ("partner",),
    "boyfriend": ("partner",),
    "girlfriend": ("partner",),
    "anxious": ("anxiety", "panic", "worry"),
    "nervous": ("anxiety", "worry"),
    "panic": ("anxiety",),
    "worried": ("anxiety", "worry"),
    "depressed": ("depression", "low", "mood"),
    "sad": ("low", "mood", "depression"),
    "down": ("low", "mood", "depression"),
    "lonely": ("loneliness", "isolation"),
    "alone": ("loneliness", "isolation"),
    "drinking": ("alcohol", "addiction", "recovery"),
    "drink": ("alcohol", "addiction", "recovery"),
    "drugs": ("addiction", "recovery", "substance"),
    "sober": ("alcohol", "addiction", "recovery"),
    "hit": ("abuse", "domestic", "violence"),
    "hurts": ("abuse",),
    "controlling": ("abuse", "domestic", "coercive"),
    "ex": ("abuse", "partner"),
    "carer": ("caring", "carers"),
    "caring": ("carer", "carers"),
    "looking": ("caring",),
    "flashbacks": ("trauma", "ptsd"),
    "ptsd": ("trauma",),
    "eating": ("eating", "food", "body"),
    "food": ("eating",),
    "shift": ("staff", "work", "colleagues"),
    "work": ("staff", "colleagues", "workplace"),
    "nurse": ("staff", "colleagues", "nhs"),
    "ward": ("staff", "ward"),
}

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?", re.UNICODE)


def stem(word: str) -> str:
    return str(_stemmer.stemWord(word.casefold()))


def words_in(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]


def parse_search_words(text: str) -> dict[str, tuple[str, ...]]:
    """An organisation's own related words: one line each, "word: other, words".
    Lines that do not fit are passed over; the settings form says which."""
    found: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if ":" not in line:
            continue
        typed, _, related = line.partition(":")
        typed = typed.strip().casefold()
        others = tuple(w.strip().casefold() for w in related.split(",") if w.strip())
        if typed and others:
            found[typed] = found.get(typed, ()) + others
    return found


def query_stems(
    query: str, extra_words: Mapping[str, tuple[str, ...]] = {}
) -> set[str]:
    """The stems a query looks for: its own words, less the empty ones, each widened
    by the starter list and the organisation's own words."""
    stems: set[str] = set()
    for word in words_in(query):
        if word in STOP_WORDS:
            continue
        stems.add(stem(word))
        for related in STARTER_WORDS.get(word, ()) + extra_words.get(word, ()):
            stems.update(stem(part) for part in words_in(related))
    return stems


def group_text(group: PeerGroup) -> str:
    """What a group says about itself in the list. Tags are read from a prefetch."""
    tags = " ".join(tag.name for tag in group.tags.all())
    return " ".join([group.name, group.shared_experience, group.who_for, tags])


def _shares(query_stem: str, group_stems: set[str]) -> bool:
    """A query's stem finds a group's word when they are the same, or when one is a
    longer form of the other (panick and panic, bereav and bereaved)."""
    if query_stem in group_stems:
        return True
    if len(query_stem) < 5:
        return False
    return any(
        len(word) >= 5 and (word.startswith(query_stem) or query_stem.startswith(word))
        for word in group_stems
    )


def matching_groups(groups: Iterable[PeerGroup], query: str) -> list[PeerGroup]:
    """The groups a query finds, best first: those that hold the typed words
    themselves, then by how many of the query's stems they share. Each group's own
    organisation's related words widen the query."""
    typed = query.casefold().strip()
    scored: list[tuple[int, str, PeerGroup]] = []
    widened: dict[int, set[str]] = {}
    for group in groups:
        organisation_id = group.organisation_id
        if organisation_id not in widened:
            extra = parse_search_words(group.organisation.search_words)
            widened[organisation_id] = query_stems(query, extra)
        text = group_text(group)
        group_stems = {stem(word) for word in words_in(text)}
        shared = [s for s in widened[organisation_id] if _shares(s, group_stems)]
        exact = bool(typed) and typed in text.casefold()
        if exact or shared:
            scored.append((-(len(shared) + (10 if exact else 0)), group.name, group))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [group for _, _, group in scored]
