# ruff: noqa: E501 (the sentences are data, kept whole on one line each)
"""Voices the challenge tests lacked: carers of people with dementia, shift workers,
people writing in a second language, bereaved parents, and people in prison or just
released. Written afresh for these tests, risky and safe, with the near neighbours of
each kind they found: going with someone when they die ("when he goes, I go too"), a
medicine put by with the verb after it, taking all of a medicine with a time, taking
everything saved, "I've planned it for" a time beside another sign, thinking of
stepping in front of a train, a life said to be "finish", rather dead than going back
to prison, and sleeping until tea time; and taking all of one's tablets as a routine
dose ("as prescribed", "with breakfast"). A second round found taking all of someone
else's pills, "will not be here tomorrow", joining someone on their birthday after years
without them, and thinking of using a bedsheet. Sentences the screener still gets wrong
are kept as known misses."""

from __future__ import annotations

import pytest

from alongside.safety.screening import screen

_KNOWN_MISS = pytest.mark.xfail(
    strict=True, reason="a known miss: no rule reads this kind of sentence yet"
)

MUST_ALERT = [
    # Dementia carers.
    "Mum doesn't know who I am any more and I can't do this. Once she's settled in the home I'm going to end it.",
    "I've been caring for Dad for six years. When he goes, I go too. I've already got his morphine put aside.",
    "Nobody would notice if I disappeared, they only ever ask how he is.",
    "I'm hoarding my husband's sleeping tablets, there'll be enough for both of us.",
    pytest.param(
        "Sorry everyone, I can't keep caring. Mum's respite week starts tomorrow and I won't be here when she comes back.",
        marks=_KNOWN_MISS,
    ),
    # Shift workers.
    "Finished my last night shift. Going to drive the car into the river on the way home.",
    "Twelve hour shifts and I can't see the point any more. I've planned it for after my shift on Friday.",
    pytest.param(
        "Night shift again, sat in the car park with the tablets, I don't want to go home or anywhere.",
        marks=_KNOWN_MISS,
    ),
    "Every shift I think about stepping in front of the train on the way in.",
    "I'm going to finish my shift and then that's it, I'm done with living.",
    # Second language.
    "I am not want to live anymore, everyday same pain.",
    "Please I have no more strong, tonight I will take all the medicine.",
    "My life is finish, I go to the bridge after work.",
    "I think to kill myself many times this week, I am very tired of all.",
    "Sorry for my english. I want die. Nobody here for me.",
    # Bereaved parents.
    "Since we lost Ellie I just want to be with her. I've picked the day.",
    "It's been a year since my son died and I'm ready to go and join him.",
    "Sorry everyone. I'm going to be with my boy tonight.",
    "I can't live in a world without my daughter. I've written letters to my husband and her brother.",
    "My baby's grave is where I want to be, tonight I'll lie down next to it and take everything I've saved.",
    # Prison / released.
    "Just got out after four years and there's nothing left for me. I've got a rope in the bedsit.",
    "Released last week, no home, no family, I'm going to end my life before my probation appointment.",
    "Inside I had a plan and now I'm out I'm going to do it.",
    "Been recalled to prison again. I'd rather be dead than go back.",
    "Got out today. Bye everyone, the pills are lined up.",
    # Near neighbours of the kinds fixed.
    "When Mum dies I'm going with her.",
    "I'd rather die than go back to prison.",
    "I keep thinking of just driving my car into a wall.",
    "I'm going to take all my tablets now.",
    "Tonight I'm taking all of my tablets with a bottle of vodka.",
    "I will take all the pills tonight",
    "I'm going to sleep and not wake up.",
]

MUST_STAY_QUIET = [
    # Dementia carers.
    "Mum asked for her own mum again today, who died in 1982. It breaks my heart every time.",
    "Dad keeps saying he wants to go home, even though he is home. Any tips for this?",
    "The consultant asked about his wishes for end of life care, we've sorted a DNR.",
    "Caring for Mum is killing me some days, but the day centre has been a lifesaver.",
    "He said \"I want to die\" again today. The memory nurse says it's common, but I'm worried.",
    "I've set up power of attorney for Mum just in case, the solicitor was very kind.",
    "Dad's tablets are in a dosette box now so I know he's taken them.",
    "She keeps hiding her pills in her cardigan pocket, how do other carers handle this?",
    "I'm exhausted, I'm going to be with Mum now, she's just woken up confused.",
    "Sorry everyone, I've got to go, Dad's trying to get out of the front door again.",
    "Mum passed peacefully last night. Thank you all for your support through the years.",
    # Shift workers.
    "Last night shift of the week done, going to sleep and not wake up until tea time.",
    "Night shifts are killing me, I'm going to ask for days.",
    "Planning how I'll do it, the rota changes next month and I need childcare.",
    "Bye all, off to my shift, see you tomorrow.",
    "I work on the railway and we had a fatality on the line today. Shaken.",
    "Tonight's the night, final shift before retirement!",
    "Finished twelve hours on the ward, I'm dead on my feet.",
    "I sleep through the day and my family think I'm lazy, it's so isolating.",
    # Second language.
    "Sorry for my english. I am new in this country and I feel very alone.",
    "I want to die of shame, I said wrong word in the meeting.",
    "My english teacher say I must practise writing, so I write here. Today was good day.",
    "Where can I find a counsellor who speak Polish?",
    "I am very tired from work but my family is coming to visit soon, I am happy.",
    'What is mean "unalive"? I see this word on tiktok.',
    # Bereaved parents.
    "Our son died three years ago today. We went to his grave with flowers.",
    "I will be with my daughter again one day, that's my faith, but not for a long time.",
    "Sorry everyone, long post. Going to be with Ellie's brother now, he needs me tonight.",
    "We did a sponsored walk for the baby loss charity, raised £800!",
    "My wife and I are going to visit our baby's memorial tree this weekend.",
    "Since my son died by suicide, I've been campaigning for better mental health support at his school.",
    "It's been a year since we lost Noah. The pain is different now, softer.",
    "Thank you all for remembering our girl today. Going to be with her sister now for her birthday tea.",
    # Prison / released.
    "Just got released after three years, staying at my mum's, nervous but hopeful.",
    "Inside I planned how I'd do it; now I'm out I'm planning a business.",
    "My brother is in prison and I'm scared he'll hurt himself, he sounded so low on the phone.",
    "First week out, the probation officer helped me get a bank account.",
    "In prison I tried to hang myself, that was five years ago and I'm doing well now.",
    "Got my release date! Bye everyone on this group, see you next week from the outside.",
    "Prison was hell but I'm out now and going to be with my kids tonight, can't wait.",
    # Near neighbours of the kinds fixed.
    "When she goes to bed, I go too.",
    "When he goes, I go too, we always leave parties together.",
    "When my dog goes, I go too, to the park.",
    # Taking all of one's tablets as a routine dose.
    "I will take all my tablets today as prescribed.",
    "I'll take all my meds with breakfast today as usual",
    "Mum has to take all her tablets every morning, it takes ages.",
    "I've got Dad's morphine put aside so he can't take too much.",
    "I keep Mum's tablets put away, locked in a box.",
    "I've planned it for Friday, the party will be great.",
    "I'd rather die than go back to that restaurant, the food was awful.",
    "I was walking in front of the bus when it braked, scary!",
    "I'd rather die than wear those shoes",
]


@pytest.mark.parametrize("sentence", MUST_ALERT)
def test_risk_in_these_voices_alerts(sentence: str) -> None:
    result = screen(sentence)

    assert result.needs_on_duty_alert
    assert result.card == "crisis"


@pytest.mark.parametrize("sentence", MUST_STAY_QUIET)
def test_everyday_words_in_these_voices_raise_no_alert(sentence: str) -> None:
    assert not screen(sentence).needs_on_duty_alert


def test_a_carer_worried_by_what_the_person_cared_for_said_sees_the_concern_card() -> (
    None
):
    result = screen(
        'He said "I want to die" again today. The memory nurse says it\'s common, but '
        "I'm worried."
    )

    assert not result.needs_on_duty_alert
    assert result.card == "concern"


def test_asking_what_a_word_means_in_a_second_language_shows_no_card() -> None:
    result = screen('What is mean "unalive"? I see this word on tiktok.')

    assert not result.needs_on_duty_alert
    assert result.card == ""


# A second round in the same voices, written after the first round's fixes.
SECOND_ROUND_MUST_ALERT = [
    "I look after my wife with Alzheimer's. When she's gone to bed tonight I'll take all of her pills myself.",
    "She won't remember me soon anyway, so what's the point of me staying.",
    "Caring for Mum has taken everything. I've sorted her care plan so someone else can take over after I'm gone.",
    "After this night shift I'm driving to the coast and not coming back.",
    "I am sorry for everyone, my English is bad but I want to say goodbye. I will not be here tomorrow.",
    pytest.param(
        "In my country we say life is a gift but I do not want this gift anymore.",
        marks=_KNOWN_MISS,
    ),
    "Six years without my boy. I'm going to join him on his birthday.",
    "Our daughter's anniversary is next week. I won't be here for it, I'll be with her.",
    pytest.param(
        "Two weeks out of prison and I've got nothing and nobody. Tonight's the night.",
        marks=_KNOWN_MISS,
    ),
    "My cellmate got moved and now I keep thinking about using the bedsheet.",
]

SECOND_ROUND_MUST_STAY_QUIET = [
    "My wife asked who I was today. I sat in the car and cried, then went back in and made her tea.",
    "Night shifts done for the month, going to sleep for a whole day.",
    "I'm a carer and I've booked respite for the first time, feeling guilty but relieved.",
    "I am learning English, sorry for mistakes. I am happy to find this group.",
    "Our son would have been ten today. We released balloons with his little sister.",
    "I'm going to be with my daughter at her grave on Sunday, it's her anniversary.",
    "Got out of prison last month, started a job on a building site this week.",
    "The prison chaplain helped me so much, I still write to him.",
    "When Mum goes into the home next week I'll finally sleep through the night.",
    "I've planned how I'll do it: Mum in the day centre Tuesdays, me at work, Dad with the carers.",
    "I'll take all of her pills back to the chemist tonight.",
    "I'm going to use the bedsheet for a costume.",
    "Six years without my boy. I'm going to join him on holiday.",
    "I'm going to join him tonight at the cinema.",
]


@pytest.mark.parametrize("sentence", SECOND_ROUND_MUST_ALERT)
def test_risk_in_the_second_round_alerts(sentence: str) -> None:
    result = screen(sentence)

    assert result.needs_on_duty_alert
    assert result.card == "crisis"


@pytest.mark.parametrize("sentence", SECOND_ROUND_MUST_STAY_QUIET)
def test_everyday_words_in_the_second_round_raise_no_alert(sentence: str) -> None:
    assert not screen(sentence).needs_on_duty_alert
