"""Where a new group's agreement starts: questions to talk through, and example items.

Written in our own words, drawn from the reflective questions in the guidance on
peer support. Organisations can replace the examples with their own.
"""

from __future__ import annotations

from dataclasses import dataclass

STARTER_QUESTIONS = [
    "What would help each of us feel safe and at ease here?",
    "How can people come and go, drop in or take a break, without feeling awkward "
    "about it?",
    "If someone wants to tell us something without saying it to the whole group, how "
    "can they do that?",
    'What does "keeping things private" mean to us, and where are its limits?',
    "What does treating each other with respect look like in practice?",
    "How do we listen without judging, especially when we see things differently?",
    "If one of our agreements is not kept, what should happen? Who talks to whom, "
    "and how do we put things right?",
    "What brought each of us here, and what do we hope to find?",
]


@dataclass(frozen=True)
class ExampleItem:
    text: str
    why: str = ""


DEFAULT_EXAMPLES = [
    ExampleItem(
        "What is shared in the group stays in the group.",
        "We can only be open if we trust each other with what we say.",
    ),
    ExampleItem(
        "Nobody has to speak. Listening is taking part too.",
        "Some of us need time before we feel ready to share.",
    ),
    ExampleItem(
        "Come and go as you need. Nobody will ask why you missed a week.",
    ),
    ExampleItem(
        "We speak from our own experience and do not tell others what to do.",
    ),
    ExampleItem(
        "We do not describe methods of self-harm or suicide in detail.",
        "Details can hurt people who are struggling, even when that is not meant.",
    ),
    ExampleItem(
        "We can disagree and still be kind.",
    ),
    ExampleItem(
        "If something here upsets you, you can tell a facilitator privately.",
    ),
]

DEFAULT_BREACH_RESPONSE = (
    "First, a quiet private word from a facilitator, to understand what happened.\n"
    "If it goes on, a conversation together about how to put things right.\n"
    "If someone's safety is at risk, a short pause from posting while we talk.\n"
    "We look for a way back for everyone."
)
