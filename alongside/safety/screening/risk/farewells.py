"""Goodbyes in words the older patterns lack, said or written down.

Said: "see you all on the other side", and a goodbye or thanks for everything with "I
won't be back" after it ("bye everyone, thanks for everything, I won't be back"). "I
won't be back" alone may be someone leaving the group, and is not read here. A
goodbye, however short, beside a means at hand, in either order, in its sentence or
the next ("bye all, the pills are lined up", "the rope is ready. Bye everyone."), but
not an errand ("the tablets from the chemist").

Written down: "I've written my goodbye", "writing my goodbye letters", and a note left
for people with an apology or a goodbye in it ("I'm writing a note for my flatmates
tonight, sorry guys"). A note about an errand ("a note for my flatmates about the
bins") stays everyday (``errands``).

Each pattern is ``(label, pattern, confidence, negation-inherent)``, read like those
in ``intent``. Written in our own words, not from any data set.
"""

from __future__ import annotations

# A short goodbye to the readers.
_SHORT_GOODBYE = r"\b(?:good)?bye\s+(?:everyone|everybody|all|guys)\b"
# A means at hand, not one on an errand or offered to others ("the tablets from the
# chemist", "the razors are in the cabinet if you need one").
_AT_HAND = (
    r"\b(?:the|all\s+(?:the|my))\s+(?:pills|tablets|rope|noose|blades?|razors?)\b"
    r"(?!\s+(?:from|at|for)\b)(?![^.!?\n]{0,60}\b(?:(?:if|when)\s+(?:you|anyone|someone)"
    r"\s+(?:needs?|wants?)|chemist|pharmacy|prescription)\b)"
)
# The same sentence or the next: at most one end of a sentence between the two.
_WINDOW = r"[^.!?\n]{0,60}?(?:[.!?]+\s*[^.!?\n]{0,60}?)?"

FAREWELL_PATTERNS: tuple[tuple[str, str, float, bool], ...] = (
    # Written down, read first as before.
    (
        "goodbye",
        r"\b(?:wr(?:ote|iting|itten|ite)|left|leaving|recorded|recording)\s+(?:my|a|the"
        r"|all\s+my)\s+(?:goodbyes?|goodbye\s+(?:letters?|notes?|messages?|videos?)"
        r"|last\s+(?:letters?|words))\b"
        r"|\b(?:wr(?:ote|iting|itten|ite)|left|leaving)\s+(?:(?:a|my|the|some)\s+)?"
        r"(?:little\s+)?(?:notes?|letters?)\s+(?:to|for)\s+(?:my|the|our|a|everyone)\s*(?:\w+)?"
        r"(?=[^.!?\n]{0,60}\b(?:sorry|goodbye|bye|forgive\w*|love\s+(?:you|them|her|him)"
        r"|miss\s+me)\b)",
        0.85,
        False,
    ),
    (
        "goodbye",
        r"\bsee\s+(?:you|u|ya|y'?all)\s+(?:all\s+|guys\s+|lot\s+)?(?:on|in)\s+the\s+other"
        r"\s+side\b"
        r"|\b(?:bye|goodbye|farewell|thanks\s+for\s+everything|thank\s+you\s+for\s+everything"
        r"|love\s+you\s+all)\b[^.!?\n]{0,60}?\bwon'?t\s+be\s+(?:coming\s+)?back\b",
        0.85,
        False,
    ),
    (
        "goodbye",
        _SHORT_GOODBYE
        + _WINDOW
        + _AT_HAND
        + r"|"
        + _AT_HAND
        + _WINDOW
        + _SHORT_GOODBYE,
        0.85,
        False,
    ),
)
