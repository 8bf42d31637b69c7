"""Gentle two-word names that a person is known by inside one group.

Each group gets a fresh one by default, so nobody can be linked across groups.
"""

import secrets

ADJECTIVES = [
    "Amber",
    "Autumn",
    "Bright",
    "Calm",
    "Clear",
    "Coral",
    "Dawn",
    "Gentle",
    "Golden",
    "Green",
    "Hazel",
    "Hidden",
    "Kind",
    "Light",
    "Meadow",
    "Misty",
    "Morning",
    "Patient",
    "Quiet",
    "Rain",
    "River",
    "Rowan",
    "Silver",
    "Soft",
    "Spring",
    "Steady",
    "Still",
    "Summer",
    "Sunny",
    "Tidal",
    "Warm",
    "Wild",
    "Willow",
    "Winter",
    "Woodland",
    "Evening",
]
NOUNS = [
    "Alder",
    "Badger",
    "Birch",
    "Bramble",
    "Brook",
    "Cedar",
    "Clover",
    "Cloud",
    "Comet",
    "Crane",
    "Daisy",
    "Fern",
    "Finch",
    "Harbour",
    "Heron",
    "Hill",
    "Ivy",
    "Kestrel",
    "Lark",
    "Lantern",
    "Maple",
    "Moss",
    "Oak",
    "Otter",
    "Pebble",
    "Pine",
    "Plover",
    "Poppy",
    "Robin",
    "Sparrow",
    "Swift",
    "Thistle",
    "Thrush",
    "Valley",
    "Wren",
    "Yarrow",
]


def new_pseudonym(taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A name not in `taken`; a number is added in the rare case all tries collide."""
    for _ in range(20):
        name = f"{secrets.choice(ADJECTIVES)} {secrets.choice(NOUNS)}"
        if name.casefold() not in taken:
            return name
    number = secrets.randbelow(900) + 100
    return f"{secrets.choice(ADJECTIVES)} {secrets.choice(NOUNS)} {number}"
