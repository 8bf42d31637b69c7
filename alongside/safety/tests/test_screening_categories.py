# ruff: noqa: E501 (the sentences are data, kept whole on one line each)
"""Screening by kind of language, on sentences written afresh for these tests (none is
in the challenge set or copied from any data set). Each list is one kind of writing
the issue names: recovery stories, supporting someone, news, idioms and hyperbole,
everyday mentions of medicines and death, implied goodbyes and plans, method detail of
each kind, worry for a friend, abuse and what is not abuse, and content warnings.

Sentences the screener still gets wrong are kept, marked as known misses, so the gap
stays visible and the mark fails loudly once a change fixes it.
"""

import pytest

from alongside.safety.screening import screen

_KNOWN_MISS = pytest.mark.xfail(
    strict=True, reason="a known miss: no rule reads this kind of sentence yet"
)

# Recovery told without a date, supporting someone, news, lyrics, idioms and hyperbole,
# everyday medicines and deaths, and a supporter's question or plea: no alert.
NO_ALERT = [
    "Back then I wanted to die every day, but therapy slowly gave me my life back.",
    "I used to plan how I'd kill myself; these days I plan holidays instead.",
    "When I was at my lowest I took an overdose, and I'm grateful I survived.",
    "I tried to end my life at nineteen and I'm now thirty-two and glad to be here.",
    "There were nights I wanted to die, and I got through every one of them.",
    "I was suicidal through most of university, and what helped was finally telling my GP.",
    "My suicide attempt is part of my story, not the end of it.",
    "I survived my attempt and I now volunteer for a helpline.",
    "I'm in a much better place now than when I wanted to kill myself.",
    "It's been three years since I last self-harmed or thought about ending my life.",
    "I remember feeling like everyone would be better off without me; I don't feel that now.",
    "Recovery from wanting to die isn't a straight line, but I'm on it.",
    "I once stood on a bridge wanting to jump, and a stranger talked me down.",
    "For a long stretch of my twenties I was convinced I'd be better off dead.",
    "Looking back, the version of me who wanted to disappear just needed help.",
    "Two winters ago I planned my death down to the last detail; this winter I'm planning my sister's wedding.",
    "I overdosed when I was sixteen and spent a week in hospital, and I'm twenty-five now and doing okay.",
    "After my attempt I had a lot of support from the crisis team and it made all the difference.",
    "I used to cut every night, but I haven't self-harmed in over a year.",
    "The part of me that wanted to die still visits sometimes, but I know how to sit with it now.",
    "I wrote a goodbye note once, and I'm so glad nobody ever had to read it.",
    "I thought about killing myself constantly at my last job, and leaving it saved me.",
    "I never thought I'd say this, but I'm glad I didn't die that night.",
    "Getting sober stopped me wanting to end it all.",
    "My medication finally works and the suicidal thoughts have faded.",
    "I'm a suicide attempt survivor and I speak at schools now.",
    "Ten years ago I wanted to die; today I'm a nurse.",
    "I haven't felt suicidal since I started the new medication.",
    "I was in a really dark place last year and thought about ending it, but I'm doing much better now.",
    "When I was depressed I used to wish I wouldn't wake up.",
    "Being suicidal in my teens taught me how to ask for help.",
    "I've been suicidal before, so I know how heavy it feels, and it lifted for me.",
    "I attempted in 2015 and I'm really proud of how far I've come.",
    "I'm two years free from self-harm this month.",
    "My therapist helped me stop wanting to die.",
    "I still have bad days, but I no longer want to end my life.",
    "The urge to kill myself used to be constant; now it's rare and I know what to do.",
    "After I tried to take my life, my family and I got closer.",
    "At my worst I planned to end it, and getting a diagnosis changed everything.",
    "I'm living proof that wanting to die can pass.",
    "It took a long time, but I stopped feeling like a burden.",
    "I know what it's like to want to die, and I'm here if you want to talk.",
    "Anyone who feels suicidal tonight, please message the crisis line.",
    "Have you been having thoughts about ending your life?",
    "If you ever think about killing yourself, tell someone straight away.",
    "You're not a burden, you're a person having a really hard time.",
    "My phone's on 2% and about to die.",
    "That workout nearly killed me.",
    "I'm literally dying for a cup of tea.",
    "Those shoes are to die for.",
    "I swear this heat will be the end of me.",
    "When I was where you are now, I wanted to die every single day, and I promise it changed.",
    "Honestly, reaching out when you feel suicidal is the bravest thing.",
    "If the urge to end it comes back tonight, ring 999 or go to A&E.",
    "Your life matters, even on days when you want to give up.",
    "Sometimes when people say they want to die, they mean they want the pain to stop. Is that how it is for you?",
    "I'm glad you told us you've been thinking about suicide.",
    "It's really common to feel like a burden when you're depressed, but it isn't true.",
    "Thinking of you, please don't hurt yourself tonight.",
    "Everyone in this group has felt hopeless at some point, you're not alone.",
    "Did anyone else watch the programme about men's suicide last night?",
    "The new law on online content covers posts that encourage suicide.",
    "I'm doing my dissertation on self-harm in young people.",
    "The hotline had a record number of calls after the celebrity's death.",
    '"I want to die in your arms" is such a beautiful line in that song.',
    "That Nirvana album gets me through every time.",
    "The chorus goes \"I'm so tired I could die\" and I can't stop singing it.",
    "I'm going to die if this queue gets any longer.",
    "Dead on my feet after a double shift.",
    "My team got killed in the final, gutted.",
    "If my mum sees this mess she'll kill me.",
    "My sister nearly killed me when I broke her phone.",
    "This cold is killing me, can't stop sneezing.",
    "I'm so embarrassed I want to crawl into a hole and die.",
    "If you ever feel like ending your life, please message me any time.",
    "Are you having thoughts of killing yourself right now?",
    "I've been where you are and wanted to die too, and it does get easier.",
    "You don't have to go through suicidal thoughts on your own.",
    "Please stay safe tonight and call the Samaritans if it gets too much.",
    "It sounds like you want the pain to end, not your life.",
    "Have you told anyone you feel suicidal?",
    "I'm so glad you reached out instead of hurting yourself.",
    "When I felt like dying, talking to someone helped me, maybe it could help you too.",
    "Nobody here would be better off without you.",
    "Feeling like a burden is the illness talking, you matter to us.",
    "Do you have a plan to hurt yourself tonight? You can tell me.",
    "If you're thinking about suicide, you can call 116 123 any time, day or night.",
    "Is there someone who can stay with you tonight while you feel like this?",
    "I hear you, wanting to die is exhausting, and you don't have to carry it alone.",
    "When you say you want to disappear, do you mean you're thinking of ending your life?",
    "It's okay to tell us if you're feeling suicidal, nobody here will judge you.",
    "Sending love, I hope the urge to hurt yourself passes soon.",
    "You said you've got pills saved, could you give them to someone to look after?",
    "Please don't kill yourself, we want you here.",
    "I know how it feels to want to end it all, and I'm still here, so I believe you can be too.",
    "Would it help to make a safety plan together for tonight?",
    "Suicide is the biggest killer of men under fifty in the UK.",
    "The article said suicide rates rose during the lockdowns.",
    "I watched a documentary about suicide prevention on trains last night.",
    "Our charity is running a campaign to talk openly about suicide.",
    "A report found that one in five young people has self-harmed.",
    "The podcast interviewed a man who survived jumping from a bridge.",
    "World Suicide Prevention Day is on the tenth of September.",
    "The coroner's report on the overdose was in the local paper.",
    "A new study says asking someone directly about suicide does not put the idea in their head.",
    "The figures show most people who die by suicide were not in contact with services.",
    "The government has published a new suicide prevention strategy.",
    "Suicide rates among young women have gone up again, according to the new figures.",
    "I saw a poster at the station saying talking about suicide saves lives.",
    "The film deals with suicide quite sensitively, I thought.",
    "Our group leader shared an article on how to talk to someone who feels suicidal.",
    "There was a news story about a teenager who killed himself after being bullied online.",
    "The charity says men are three times as likely to die by suicide.",
    "My feet are absolutely killing me after that walk.",
    "I nearly died laughing at the cat video.",
    "If I have to sit through another meeting I'll literally die.",
    "My mum will murder me if I forget her birthday again.",
    "This heat is going to be the death of me.",
    "I could kill for a cup of tea right now.",
    "My phone died halfway through the call.",
    "I'm dying to see the new film.",
    "That comedian absolutely killed it last night.",
    "I'd rather die than wear those shoes.",
    "I want to die of embarrassment every time I remember that email.",
    "I'm dead tired after the night shift.",
    "Kill me now, it's only Tuesday.",
    "Ugh, this spreadsheet wants me dead.",
    "I'm going to kill my brother when he gets home, he ate my leftovers.",
    "My knees are dying after that run.",
    "This traffic is killing me slowly.",
    "I could just die, I said the wrong name in the meeting.",
    "Honestly, I'd kill for a day off.",
    "If the printer jams one more time I swear I'll throw myself out the window.",
    "I'm so done with this week, roll on Friday.",
    "My boss is going to be the death of me.",
    "This song slaps, I'm dead.",
    "We were dying of laughter by the end of the film.",
    "I forgot to take my pills this morning.",
    "I need to pick up my pills from the chemist.",
    "My new pills make me really sleepy.",
    "I bought a rope for the climbing wall.",
    "I'm dying to go on holiday.",
    "The plant I bought is dead already.",
    "My laptop died and I lost my essay.",
    "I finally finished that book about death and grief.",
    "Our dog died last year and I still miss him.",
    "I'm scared of dying on the operating table tomorrow.",
    "Why do you want to end your life? I'm listening.",
    "Please don't go through with it, stay with us.",
    "What's making you feel like you want to die?",
    "Please don't do it, you matter so much.",
    "Promise me you won't go through with it tonight.",
    # Recovery told as where the writer is now, or as help found.
    "After my second overdose I finally got the right treatment, and I'm settled now.",
    "I spent a whole year wanting to die; I'm pretty stable now.",
    # The past told with verbs of what happened ("left me", "drove me").
    "Losing my job left me wanting to disappear, but I'm healing slowly.",
    "That winter drove me to want to end it all, and I'm doing well now.",
    # Lived experience told to someone, with the feeling gone.
    "I've been in your shoes. I wanted to end it too, and the feeling passed.",
    "I've been there myself, I felt suicidal for months and it did pass.",
    # A campaign or event that belongs to the writer's school, work or union.
    "Our school is holding a suicide prevention assembly next week.",
    "My union is fundraising for a suicide awareness charity this month.",
    # Starving oneself told as an eating difficulty, not as a way to die.
    "I've been starving myself since Christmas because I hate my body.",
    # Everyday uses of the words the newer rules read.
    "The holiday was fun while it lasted.",
    "How much will it take to fix the car?",
    "I will find peace in the garden this weekend.",
    "We'll see if the team can make it through the week.",
    "Ask your GP how many tablets you can take in a day.",
    "The survival course taught us how to survive a night in the woods.",
]

# The writer now (also a recent attempt told beside an old memory), an implied
# goodbye or a plan without the word suicide: an alert.
ALERT = [
    "I can't keep going, I just want everything to stop permanently.",
    "I've had enough and I'm ready to go.",
    "Everyone would be better off if I just disappeared for good.",
    "I keep searching online for ways to die.",
    "I really don't want to wake up tomorrow.",
    "I'm done with life, I'm so tired of fighting.",
    "I'm a burden to everyone and I can't take this pain any more.",
    "Living feels pointless and I want out.",
    pytest.param(
        "I don't see a future for myself and I don't want one.", marks=_KNOWN_MISS
    ),
    "I think tonight is the night I stop being a problem for everyone.",
    "i cant do this anymore i want to die",
    "honestly just want to not exist",
    "nobody would care if i was gone tbh",
    "I'm so close to ending it.",
    "I want to go to sleep and not wake up.",
    "Life isn't worth living any more.",
    "I just want the pain to stop, I'd be better off dead.",
    "I've been thinking about ending my life a lot this week.",
    "I wish I'd never been born.",
    "I'm not going to be here much longer.",
    "I want to kms",
    "what's even the point of living, I want out",
    "When I was at school I was bullied, and last night I tried to kill myself.",
    "I've been suicidal before and now it's back and I want to die.",
    "I want to die before Christmas.",
    "Thank you all for everything, I'm sorry it has to end like this.",
    "I've written letters to my kids and put them in the drawer.",
    "By the time anyone reads this I'll be gone.",
    pytest.param(
        "I've found my cat a new home and cleaned the flat so nobody has to.",
        marks=_KNOWN_MISS,
    ),
    "I've cancelled everything for next week, I won't need any of it.",
    "Tomorrow I'm driving to the coast and I'm not coming back.",
    pytest.param(
        "I've looked up the tide times at the cliffs for tomorrow.", marks=_KNOWN_MISS
    ),
    "I've put everything in order so no one has to sort out my stuff after.",
    # Wishing not to wake, or sorry to have woken.
    "I pray I fall asleep tonight and never wake up.",
    "Most mornings I wake up wishing I hadn't.",
    "I keep waking up disappointed that I did.",
    # A goodbye that apologises for what is coming, and a plan to go to a high place.
    "Sorry for what happens next, I love you all.",
    "The plan is to go up to the top floor of the car park on Friday.",
    # Other words for ending one's life, and the means already against the body.
    "I'm going to end myself tonight.",
    "Every evening I sit with the gun against my head.",
    "I held the blade to my wrist for an hour last night.",
    # Doubting one will survive, or not wanting to live, said in passing.
    "I honestly won't survive another week of this.",
    "We'll see if I can make it through the night.",
    "Losing her makes me not want to live.",
    "I honestly don't see why I should stay alive.",
    "I don't plan on living past my next birthday.",
    # A date set, an overdose already taken, peace promised soon, a last talk.
    "I've got my date set for next month.",
    "I've just swallowed thirty of my tablets.",
    "Soon I'll finally find peace, this weekend.",
    "One last good conversation with someone is all I want before I go.",
    # The writer's own questions about dying: how, how much, why not.
    "How many sleeping tablets would it take?",
    "Why is suicide not the answer for someone like me?",
    "What's the most painless way to go?",
    "Is four storeys high enough?",
    "I just wish I had the nerve to jump.",
    "Hopefully I die in my sleep tonight.",
    "Maybe it's for the best that I don't live much longer.",
    # Misspelled words for suicide.
    "I feel suicdal and I don't know what to do.",
    "I keep thinking about sucide every night.",
]

# Burning, a ligature with a place, masked spellings, quantities in words and a
# stockpile, and a railway plan: held for method detail.
METHOD = [
    "I'm going to hold a lighter to my arm until it blisters tonight.",
    "I've been burning myself with the hair straighteners and I want the burns deeper.",
    "I heated a knife on the hob so I could burn my skin.",
    "I'll pour boiling water on my legs when everyone's gone to bed.",
    "I burned my wrist with cigarettes again and I'm going to do more.",
    "I've tied a belt to the door handle in my bedroom.",
    "I've worked out the wardrobe rail will hold my weight.",
    "There's a hook in the garage ceiling strong enough for the rope.",
    "I've got a scarf and I know which pipe in the bathroom to use.",
    "The banister upstairs is where I'd tie it.",
    "I have 40 p@racetamol saved up for it.",
    "thinking of taking all my t4blets at once, about sixty of them",
    "got a r4zor bl4de out of the pencil sharpener to use later",
    "I've got 3 boxes of p*lls and I'm taking them all tonight",
    "saving up my s.l.e.e.p.i.n.g tablets, nearly fifty now",
    "I've counted out forty of my sleeping pills.",
    pytest.param(
        "I've got two full boxes of co-codamol in my drawer for this.",
        marks=_KNOWN_MISS,
    ),
    "Would a couple of dozen antidepressants be enough?",
    "I've been saving my tramadol and have nearly seventy.",
    "I've got enough insulin to take it all in one go.",
    pytest.param(
        "I know what time the last fast train goes through the station.",
        marks=_KNOWN_MISS,
    ),
    "There's a level crossing near me with no barriers and I keep going there to work up the nerve.",
    pytest.param(
        "I looked up which trains don't stop at my station.", marks=_KNOWN_MISS
    ),
    "I've been standing by the tracks waiting for the express.",
    "Tonight I'll walk down to the railway line and wait for a train.",
    "I've got a full box of paracetamol and a bottle of vodka ready for tonight.",
    "I've looked up how many of my tablets it would take.",
    "I keep my blade under my mattress and I'll use it deeper tonight.",
    "I pressed the iron against my leg until it blistered.",
    "I know the exact spot on the bridge where the railing is lowest.",
    "I'm going to jump from the multi-storey car park on the seventh floor.",
    "I've bought a new pack of razors just for cutting tonight.",
    "I've hidden a cord in the loft where nobody goes.",
    "I hold the lighter flame against my thigh for as long as I can stand it.",
    "Last night I used a heated spoon on my arm and I'll do it again tonight.",
    "I've found a beam in the attic that's high enough to hang from.",
    "My dressing gown cord is long enough, I checked the bathroom door.",
    "I've got a packet of razor blades hidden in my sock drawer for tonight.",
    "The 22:40 doesn't stop here and I'm going to be on the platform edge.",
    "I'm going to step out in front of the freight train that comes past at midnight.",
    "I've got 2 packs of ibuprofen and I'm going to swallow the lot.",
    "I've been crushing up my sleeping tablets and hiding them, there's loads now.",
    "I bought 32 paracetamol from two different shops so they wouldn't ask.",
    "im gonna take like 30 of my antidepressants tonight",
    "I have a jar of pills I've been collecting for months for when I'm ready.",
]

# Everyday medicines, heights, burns and trains: not held.
NOT_METHOD = [
    "I take two paracetamol when my back flares up.",
    "My doctor doubled my sertraline to 100mg this month.",
    "We climbed to the top of the tower and the view was amazing.",
    "I burned the toast again this morning.",
    "The train was delayed by forty minutes.",
    "I use a heated spoon to get the lid off jars.",
    "The 22:40 train doesn't stop here, so I get the bus.",
    "I bought two packs of paracetamol for the family first aid box.",
    "My dressing gown cord broke so I bought a new one.",
    "I keep my razors in the bathroom cabinet.",
    "I forgot to take my pills this morning.",
    "I need to pick up my pills from the chemist.",
    "My new pills make me really sleepy.",
    "I bought a rope for the climbing wall.",
    "I'm dying to go on holiday.",
    "The plant I bought is dead already.",
    "My laptop died and I lost my essay.",
    "I finally finished that book about death and grief.",
    "Our dog died last year and I still miss him.",
    "I'm scared of dying on the operating table tomorrow.",
]

# Worry that a friend or relative is about to hurt themselves: the card on helping
# someone else, and no alert about the writer.
FRIEND = [
    "I'm really worried my best friend is going to hurt herself tonight.",
    "My brother texted me saying he wants to end it and now he won't answer.",
    "My girlfriend told me she has pills saved up and a plan.",
    "I think my flatmate is suicidal, what should I do?",
    "My son said goodbye to everyone on his group chat and I can't reach him.",
    "My mate keeps saying he won't be around much longer and it scares me.",
    "A girl in my class said she's going to kill herself after school.",
    "My dad has been giving away his things and saying he's a burden.",
    "my best mate just messaged saying goodbye and now his phone is off",
    "I'm scared my sister will try to kill herself again.",
    "My friend says she's going to take all her pills tonight.",
    "My partner told me he doesn't want to live any more.",
    "I found a note from my daughter saying sorry for everything and I can't find her.",
    "Worried about my friend, she keeps saying she wants to die.",
]

# Insults to a named person or to "you", and goading: held as abusive.
ABUSE = [
    "Jordan is a worthless waste of space.",
    "Priya, you absolute idiot, nobody asked you.",
    "Everyone knows Tom is a disgusting creep.",
    "Hey Alex, nobody likes you, you loser.",
    "Sam is a pathetic attention seeker.",
    "You're pathetic and everyone here laughs at you.",
    "You're such an attention-seeking freak.",
    "Shut up, you ugly moron.",
    "Nobody cares about you, you worthless idiot.",
    "Just do it already, you never will.",
    "Stop talking about it and actually go through with it.",
    "Nobody believes you, if you were serious you'd have done it by now.",
    "Go on then, do it, nobody's stopping you.",
    "You're a worthless idiot and nobody here wants you.",
    "Shut up you stupid bitch.",
    "Kill yourself, nobody would miss you.",
    "Chris is a lying little rat and everyone should block him.",
    "Dan, nobody wants you here, you creep.",
    "Maria is such a fake attention seeker.",
    "Honestly Kate is a vile, stupid woman.",
    "Leon is a complete waste of oxygen.",
    "Danny is a proper idiot and a liar.",
]

# A supportive question or plea, swearing at oneself or one's illness, and being
# called names told as what happened: never held as abusive.
NOT_ABUSE = [
    "Why do you want to end your life? I'm listening.",
    "Please don't go through with it, stay with us.",
    "What's making you feel like you want to die?",
    "Please don't do it, you matter so much.",
    "Promise me you won't go through with it tonight.",
    "my dumb ass forgot my meds again",
    "I'm such a pathetic loser, I hate myself",
    "my stupid ass brain won't shut up at night",
    "people at school called me a fag every single day",
    "my dad always said I was a retard and I believed him",
    "I'm a useless piece of shit and I know it",
    "fuck this stupid depression, it ruins everything",
    "that bitch of a depression is back again",
    "my broke ass can't even afford therapy",
    "You're worthless and you'll never be enough. That's what I tell myself every night.",
    "You're such a pathetic failure, my brain keeps saying.",
    "The kids at school used to call us retards and spastics.",
    "They treated me like a faggot for years because I wasn't sporty.",
    "My stepdad called me a stupid bitch every day.",
    "Everyone at work calls me a loser behind my back.",
    "My inner voice says I'm a disgusting waste of space.",
    "I hate myself, I'm a fucking idiot and a failure.",
    "Honestly fuck my life, I'm such a mess.",
    # A thing or an idea spoken of with a capital, not a person.
    "i tried again and Therapy is useless for me",
    "College is horrible this term and I'm behind on everything.",
    # "You" in the general sense, in a question with an infinitive.
    "Is it selfish to kill yourself when you have kids?",
    # A conversation told line by line, a letter to oneself, and self-talk.
    "Mum: you're useless, you'll never amount to anything\nMe: I know\nMum: then try harder",
    "To my younger self: you stupid idiot, you trusted everyone.",
    "I talk to myself like this every night: you're pathetic, you're a failure.",
    # Rejecting an idea, not a person.
    "Fuck off with this weather already.",
    # Someone else's threat told, a fear, and being labelled or told names.
    "Her brother is going to hurt her again, I just know it.",
    "I'm scared I'm going to find him dead one morning.",
    "At school they decided I was a paki because of my skin.",
    "All I ever got was being told to shut up, you're useless, you're a disgrace.",
    # A crude intensifier for a thing.
    "This stupid ass bus is late again.",
    "I forgot to take my pills this morning.",
    "I need to pick up my pills from the chemist.",
    "My new pills make me really sleepy.",
    "I bought a rope for the climbing wall.",
    "I'm dying to go on holiday.",
    "The plant I bought is dead already.",
    "My laptop died and I lost my essay.",
    "I finally finished that book about death and grief.",
    "Our dog died last year and I still miss him.",
    "I'm scared of dying on the operating table tomorrow.",
]

EATING = [
    "I haven't eaten anything for three days and I keep weighing myself.",
    "I binged again and then made myself throw up.",
    "I feel disgusting every time I eat anything.",
    "I'm counting every calorie and I still feel fat.",
]
SUBSTANCES = [
    "I've been drinking a bottle of vodka a night.",
    "I relapsed on coke at the weekend.",
    "I can't get to sleep without a few cans.",
    pytest.param(
        "I took pills at a party and can't remember the night.", marks=_KNOWN_MISS
    ),
]
PARTNER_ABUSE = [
    "My ex still turns up outside my flat.",
    "My husband shoves me when he's angry.",
    "My partner checks my messages and controls my money.",
    "My ex-boyfriend threatened to post my photos.",
]


@pytest.mark.parametrize("text", NO_ALERT)
def test_no_alert(text: str) -> None:
    assert not screen(text).needs_on_duty_alert


@pytest.mark.parametrize("text", ALERT)
def test_alert(text: str) -> None:
    result = screen(text)
    assert result.needs_on_duty_alert
    assert result.card == "crisis"


@pytest.mark.parametrize("text", METHOD)
def test_method_detail_is_held(text: str) -> None:
    assert "method" in screen(text).hold_reasons


@pytest.mark.parametrize("text", NOT_METHOD)
def test_everyday_details_are_not_held(text: str) -> None:
    assert "method" not in screen(text).hold_reasons


@pytest.mark.parametrize("text", FRIEND)
def test_worry_for_someone_shows_how_to_help_them(text: str) -> None:
    result = screen(text)
    assert result.card == "concern"
    assert not result.needs_on_duty_alert


@pytest.mark.parametrize("text", ABUSE)
def test_abuse_aimed_at_someone_is_held(text: str) -> None:
    assert "abuse" in screen(text).hold_reasons


@pytest.mark.parametrize("text", NOT_ABUSE)
def test_support_and_own_pain_are_not_held_as_abuse(text: str) -> None:
    assert "abuse" not in screen(text).hold_reasons


@pytest.mark.parametrize("text", EATING)
def test_eating_difficulties_get_their_warning(text: str) -> None:
    assert screen(text).suggested_warning == "eating"


@pytest.mark.parametrize("text", SUBSTANCES)
def test_drink_and_drugs_get_their_warning(text: str) -> None:
    assert screen(text).suggested_warning == "substances"


@pytest.mark.parametrize("text", PARTNER_ABUSE)
def test_abuse_by_a_partner_gets_its_warning(text: str) -> None:
    assert screen(text).suggested_warning == "abuse"
