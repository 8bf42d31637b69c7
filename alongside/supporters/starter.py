"""The starter training path: the themes peer-support training should cover, in our
own words. An organisation copies it and then changes what it needs to."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class StarterModule:
    name: str
    about: str
    hours: Decimal
    refresh_months: int = 0
    for_duty: bool = False
    for_facilitating: bool = False
    for_one_to_one: bool = False


STARTER_PATH: tuple[StarterModule, ...] = (
    StarterModule(
        "What peer support is",
        "Where peer support comes from, what makes it different from a service, "
        "and the values it rests on: common ground, safety, choice, connection and "
        "being yourself.",
        Decimal("3"),
        for_facilitating=True,
        for_one_to_one=True,
    ),
    StarterModule(
        "Listening and supportive relationships",
        "Listening so that someone feels heard, sharing your own story only when it "
        "helps them, and building trust that goes both ways.",
        Decimal("4"),
        for_facilitating=True,
        for_one_to_one=True,
    ),
    StarterModule(
        "Stress, distress and coping",
        "How stress and distress differ, and why some ways of coping help while "
        "others cause harm later.",
        Decimal("2"),
    ),
    StarterModule(
        "Feeling safe to speak, and the work of caring",
        "What makes it safe to be honest in a group or a team, and the hidden effort "
        "of managing your own feelings while you support someone.",
        Decimal("2"),
    ),
    StarterModule(
        "Groups and teams",
        "What makes a group of peers, how it is unlike a team at work, and how to "
        "hold a group's space without running it.",
        Decimal("2"),
        for_facilitating=True,
    ),
    StarterModule(
        "Support from others and bouncing back",
        "What support from people around us looks and feels like, and how people and "
        "communities recover together.",
        Decimal("2"),
    ),
    StarterModule(
        "Boundaries and what stays private",
        "Agreeing boundaries, what you keep to yourself, and the few times something "
        "must be shared, and who hears it.",
        Decimal("2"),
        refresh_months=24,
        for_facilitating=True,
        for_one_to_one=True,
    ),
    StarterModule(
        "Knowing your limits in a crisis",
        "Noticing when a situation is beyond you, asking for help early, and pointing "
        "someone to the service that can help them.",
        Decimal("3"),
        refresh_months=12,
        for_duty=True,
        for_one_to_one=True,
    ),
    StarterModule(
        "Calming a tense moment",
        "Helping a heated moment settle with words, space and time. Peer supporters "
        "are never asked to hold or restrain anyone.",
        Decimal("3"),
        refresh_months=12,
        for_duty=True,
    ),
    StarterModule(
        "Endings",
        "Planning together how a support relationship will end, and ending it well.",
        Decimal("1.5"),
        for_one_to_one=True,
    ),
    StarterModule(
        "Using Alongside safely",
        "The crisis route and being on duty, how posts are checked before others see "
        "them, reports, and asking for help for yourself.",
        Decimal("1.5"),
        refresh_months=12,
        for_duty=True,
        for_facilitating=True,
    ),
)
