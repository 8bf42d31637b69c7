"""The kinds read by screening after the round of sentences in new voices
(``test_more_voices``), each with near neighbours on both sides: "kms" laughed off
after a small mishap, a will made for prudence, words quoted back to the one who
wrote them, the reader's own goodbye or plan told back to them, someone who "will
kill me" once they find out, a negator inside a condition, means named (a medicine
saved up, a means hidden or to be used, driving into water, the tracks, not waking
after an act), faith, goodbyes written down, one's death said to pay, simple grammar,
and means shared with the reader; and whose words a reported quotation is. Every
sentence is written here."""

from __future__ import annotations

import pytest

from alongside.safety.screening import screen

QUIET = [
    # "kms" laughed off after a small mishap.
    "missed the bus again kms lol",
    "spilt coffee all over my notes kms 😭",
    # A will made for prudence.
    "We've sorted our wills now the baby's here, feels very grown up.",
    "Making a will for peace of mind, the solicitor was lovely.",
    # Words quoted back to the one who wrote them.
    '"I want to die" - you said that last night. Please ring someone, you matter.',
    "'Everyone hates me' - not true, we'd miss you here.",
    # The reader's own goodbye or plan, told back to them.
    "When you said you'd written a note, I got worried.",
    "You mentioned your last post was a goodbye, are you still with us?",
    # Someone who will be cross.
    "if my dad finds out i failed he'll kill me",
    "when my boss sees this he is going to kill me",
    # A negator in a condition, and negation kept elsewhere.
    "If I'm honest I don't want to die.",
    "I never said I wanted to die.",
    # Everyday neighbours of the means named.
    "I'm saving up for a holiday to take all at once.",
    "I bought a new knife and I'm going to use it tonight for the roast.",
    "We drove into the Lake District yesterday.",
    "I'm going to take a sleeping pill and not wake up until noon.",
    # Faith as trust.
    "God will take me when He's ready.",
    "Lord, please give me strength tomorrow.",
    # Letters and insurance, everyday.
    "I'm writing letters for my pen pals in France.",
    "My life insurance will pay off the mortgage if anything happens.",
    "I need finish my life story for the course.",
    "I've got mine saved up too for the holiday.",
    # Neighbours from the second round.
    "why do people say unalive instead of suicide?",
    "kms is a word the kids use",
    "I wrote a letter to my consultant about the pain clinic.",
    "Got new pills from the GP, going to take them tonight before bed.",
    "Been saving my holiday days, going to take them all in August.",
    "I've got my gun cleaned and ready for the shoot tomorrow.",
    "I saved enough for the deposit and I'm going to take it to the bank tomorrow.",
    # Quoted back by a supporter, or said by someone unnamed or someone else.
    '"I want to die" - are you ok? You can ring Samaritans.',
    'He goes "I want to die" and then laughs, it\'s his catchphrase.',
    'My nan said "I\'m ready to go" at the hospice and held my hand.',
    'You said "I want to die" last night, how are you today?',
    # Neighbours from the third round.
    "Goodbye all, see you in the next session.",
    "kms i just waved at someone who wasn't waving at me 😭",
    "I wrote a letter to my younger self, my counsellor's idea.",
    "Leaving this group now, thanks all, I won't be back, it's not for me.",
]

ALERT = [
    "kms lol",
    "kms fr, forgot my coursework and i can't take any more",
    "I've sorted my will so nobody has to deal with anything.",
    "I've sorted my will and my funeral plan, I'm ready now.",
    '"I want to die" - that\'s what I keep thinking.',
    "'I can't go on' - same, honestly.",
    "I've written a note for you all to find.",
    "By the time you read this I'll be gone.",
    "If it doesn't get better I'm going to kill myself.",
    "If I can't sleep tonight I'm going to end it.",
    "Stockpiling my codeine for when the time comes.",
    "I've been saving my sertraline.",
    "I've got a rope in the shed and I'm going to use it tonight.",
    "I keep picturing driving off the bridge on the way home.",
    "I'm going to the tracks after school.",
    "I'm going to take everything in the cupboard and not wake up.",
    "God please take me, I'm so tired.",
    "I pray God takes me in my sleep.",
    "I'm going to meet my maker tonight.",
    "I'm writing letters to my kids, sorry for everything.",
    "I've recorded my goodbye video.",
    "My family will be better off with the life insurance.",
    "I'm worth more dead than alive.",
    "I want finish my life.",
    "I have the same tablets saved up too.",
    "Not doing this anymore. Nobody would even notice.",
    # From the second round.
    "I want to unalive myself.",
    "I wrote letters to my kids.",
    "I've saved up tablets, I'm going to take them all.",
    "I've figured out how to do it.",
    "My wife will be fine with my life insurance.",
    # The writer's own words, quoted: answered by no one, or said by "I".
    "'I want to die' is all I can think about. Please help me.",
    "'I want to die' - please call me.",
    'I told my GP "I want to die" and she referred me to the crisis team.',
    "I texted my sister 'I'm going to kill myself tonight'.",
    '"I want to die," I said, and I meant it.',
    # From the third round.
    "We need to talk about suicide because I'm planning mine.",
    "see you all on the other side, I'm done.",
    "bye everyone, thanks for everything, I won't be back.",
]


SOMEONE_ELSES_WORDS = [
    "My friend texted me 'I'm going to kill myself tonight'.",
    '"I want to die," she said, and then she hung up.',
]


@pytest.mark.parametrize("sentence", SOMEONE_ELSES_WORDS)
def test_someone_elses_words_quoted_show_the_card_for_them(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.card == "concern"


@pytest.mark.parametrize("sentence", QUIET)
def test_the_everyday_neighbours_raise_no_alert(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.card != "crisis"


@pytest.mark.parametrize("sentence", ALERT)
def test_the_kinds_read_in_the_writers_own_voice_alert(sentence: str) -> None:
    assert screen(sentence).needs_on_duty_alert
