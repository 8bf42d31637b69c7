"""Kinds a review of the tenth round found silenced, and guards for them: a goodbye
full of "you" read as a supporter quoting back, and quoted words that hold a plan, a
time or a means; "kms" with a time; a goodbye that will "see you soon" beside a bare
"sorry" or "love you all"; absence from an occasion beside others being better off, a
burden or a means; a will made "just in case" beside a means; and a note for a nurse
that explains or apologises; a means in the writer's hands with a time or an act of
taking "them all", and a goodbye, however short, beside a means. Each has its everyday
neighbour that must stay quiet. Every sentence is written here."""

from __future__ import annotations

import pytest

from alongside.safety.screening import screen

MUST_ALERT = [
    # A goodbye full of "you"; quoted words with a plan, a time or a means.
    '"I\'m going to kill myself tonight" - thank you all for everything.',
    "\"Tonight's the night, I've got the rope ready.\" You were all so kind.",
    "'I'm ending it tomorrow' - love you all, see you on the other side.",
    # "kms" with a time.
    "missed the last bus lol kms tonight",
    "dropped my phone again haha kms tomorrow",
    # A return beside a bare "sorry" or "love you all".
    "Goodbye everyone, I'm sorry, see you soon.",
    "Goodbye everyone, I love you all, see you soon.",
    "Goodbye all, sorry, see you later.",
    # Absence from an occasion beside others being better off, a burden or a means.
    "My kids would be better off if I wasn't around at the weekend.",
    "I'm such a burden, it'd be easier if I wasn't here for the school run.",
    # Once read as quiet: others "better off" without the writer outweighs the
    # occasion and the nerves beside it.
    "Everyone would be better off if I wasn't here for the inspection, I'm so nervous.",
    # A will made "just in case" beside a means.
    "Sorted my will and my affairs just in case, the rope is in the shed.",
    "Sorted my will just in case, the tablets are ready.",
    # A note for someone met in daily life that explains or apologises.
    "I've written a note for my nurse explaining why I did it.",
    "I wrote a note to my GP saying sorry for everything.",
    # A means in the writer's hands with a time or an act, or a goodbye beside a means.
    "I have the pills and I'm taking them tonight.",
    "I've got the tablets and I'm swallowing them now.",
    "Bye all, I swallowed the whole box, see ya later.",
    "Bye everyone, see you soon, the pills are lined up.",
    "bye all, the rope is ready",
    # A goodbye and an act of taking "them all".
    "Goodbye everyone. I've taken them all.",
]

MUST_STAY_QUIET = [
    "'Nobody would notice if I was gone' - I would notice. Please message me.",
    "forgot my coursework on the bus, kms 💀",
    "goodbye everyone, see you soon",
    "bye all, see you later",
    "life would be easier if I wasn't here at the weekend",
    "Making a will for peace of mind, the solicitor was lovely.",
    "I wrote a note for my nurse about my new inhaler.",
    "I took them all to the park.",
    "bye everyone, time for bed",
    "bye all, off to collect the tablets from the chemist, see you thursday",
    "I bought a new knife and I'm going to use it tonight for the roast.",
]


@pytest.mark.parametrize("sentence", MUST_ALERT)
def test_risk_beside_an_everyday_kind_alerts(sentence: str) -> None:
    assert screen(sentence).needs_on_duty_alert


@pytest.mark.parametrize("sentence", MUST_STAY_QUIET)
def test_the_everyday_kind_stays_quiet(sentence: str) -> None:
    assert not screen(sentence).needs_on_duty_alert
