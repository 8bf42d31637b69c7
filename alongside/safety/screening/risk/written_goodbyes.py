"""Goodbyes written down, in words the older patterns lack: "I've written my goodbye",
"writing my goodbye letters", and a note left for people with an apology or a
goodbye in it ("I'm writing a note for my flatmates tonight, sorry guys"). A note
about an errand ("a note for my flatmates about the bins") stays everyday
(``errands``).

Each pattern is ``(label, pattern, confidence, negation-inherent)``, read like those
in ``intent``. Written in our own words, not from any data set.
"""

from __future__ import annotations

WRITTEN_GOODBYES: tuple[tuple[str, str, float, bool], ...] = (
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
)
