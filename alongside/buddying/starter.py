"""The starting words of a support agreement, in our own words. The two people
change any of them before they agree."""

from __future__ import annotations

STARTER = {
    "hopes": "What we hope to work towards together, in our own words.",
    "meeting": (
        "How we meet (writing here, phone, video or in person), where, and how "
        "often: for example, once a week for about an hour."
    ),
    "contact": (
        "Between meetings we write here. Replies come within two working days, "
        "and never in the evening, at night or at weekends."
    ),
    "boundaries": (
        "We do not connect on social media. No money or gifts change hands. We do "
        "not swap personal phone numbers."
    ),
    "who_else_knows": (
        "The organisation's coordinators know that we are working together. They do "
        "not read our messages. The supporter talks about their work in supervision "
        "without using your name."
    ),
    "missed_meeting": (
        "If a meeting is missed, the supporter sends one kind message to check in, "
        "then waits to hear back. Nobody is chased."
    ),
    "ending": (
        "Either of us can end early, or ask for a different match, at any time and "
        "without giving a reason. To complain, speak to a coordinator or the "
        "organisation's admin."
    ),
}
