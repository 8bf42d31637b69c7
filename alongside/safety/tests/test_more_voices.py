"""Screening read in voices our other sentences still lacked: students and young
people (exams, slang, "unalive", "kms" laughed off after a mishap), armed forces
veterans, new parents and pregnancy loss, LGBTQ+ people, chronic pain and illness,
addiction recovery and twelve-step talk, faith ("ready to go home", "God will take me
when He's ready"), older people ("I've had a good innings"), people in secure
services, gamblers, people whose first language is not English, and supporters who
quote the post they answer ("when you said you wanted to die, I felt that"). Those
must stay quiet; first-person intent, plans and goodbyes in the same voices must
alert. Every sentence is written here."""

from __future__ import annotations

import pytest

from alongside.safety.screening import HoldReason, screen

MUST_STAY_QUIET = [
    # Students and young people: exams, slang, a joking "kms".
    "revision timetable done, now i just have to actually follow it lol",
    "mocks start monday and i'm lowkey panicking ngl",
    "got a 4 in maths, i needed a 5 but i can resit in november",
    "forgot my chemistry coursework on the bus, kms 💀",
    "the wifi cut out mid-upload, kms lol",
    "my teacher said 'unalive' isn't a real word and the whole class lost it",
    "people on tiktok say unalive because the app hides the word suicide, it's weird",
    "ngl this group chat is the only thing getting me through year 11",
    "no cap my ucas statement is giving me a breakdown, can someone read it",
    "dead 💀 my mum just liked my friend's selfie",
    "i'm so cooked for this physics exam",
    "this essay is lowkey killing me, 3000 words by friday",
    "went to the uni wellbeing drop-in today, they were actually really nice",
    "first year is lonely at first but i joined the climbing society and it helped",
    "results day tomorrow, can't sleep, anyone else?",
    "my flatmate keeps eating my pesto, i'm going to lose it",
    "failed my driving theory by one point, rebooking for next week",
    "if i see one more past paper i'm going to scream",
    "i'm so done with group projects, nobody replies in the chat",
    "it's giving end of the world energy in the library today, everyone's stressed",
    # Armed forces veterans.
    (
        "Did two tours in Helmand. Civvy street has been harder than I expected, "
        "but the breakfast club at the legion helps."
    ),
    "Lost three mates out there. Remembrance Sunday is always heavy for me.",
    "Op Courage got me a proper assessment for PTSD, worth a call if you're ex-forces.",
    "The fireworks on bonfire night still put me on edge, so I stay in with the dog.",
    "My old section sergeant took his own life in 2019. I still think about him.",
    "Nightmares are less often since I started the trauma therapy.",
    "Anyone else find it hard to talk to their family about what they saw?",
    (
        "Combat Stress have a helpline for veterans and families, the number is on "
        "their site."
    ),
    (
        "I was a medic, I've seen more death than most. Some days I'm fine, some "
        "days I'm not."
    ),
    "My regiment had a reunion last weekend, good to see the lads.",
    # New parents and pregnancy loss.
    "We lost our baby at 11 weeks. I keep thinking about what might have been.",
    "Our little girl was stillborn in March. Her name was Rosie.",
    "The baby hasn't slept more than two hours in a row and I'm dead on my feet.",
    "Nobody warns you how lonely the newborn weeks are. Thankful for this group.",
    (
        "The health visitor asked me about intrusive thoughts and I told her "
        "honestly, she was lovely."
    ),
    "Third miscarriage this year. We're taking a break from trying.",
    "Feeding is killing me, she's cluster feeding every night.",
    (
        "I cried at the scan when they said there was no heartbeat. Sands have been "
        "amazing."
    ),
    "The perinatal mental health team are seeing me every two weeks, it's helping.",
    "Baby loss awareness week, we lit a candle for our son at 7pm.",
    "I'm so tired I put the milk in the cupboard and the cereal in the fridge.",
    "Anyone else get the baby blues on day four? I cried at an advert for nappies.",
    # LGBTQ+ people.
    "Came out to my nan today and she just said 'about time', I'm crying.",
    "My parents still deadname me but my sister corrected them at dinner.",
    "Pride this weekend! Who's going to the Manchester one?",
    "Waiting for the gender clinic is so long, five years for a first appointment.",
    (
        "Trans people are so much more likely to be suicidal, the stats are awful "
        "and it's because of how we're treated."
    ),
    "Switchboard is good if you need LGBTQ+ people to talk to.",
    "First time wearing a binder to work, nobody said a word, best day.",
    "Being queer in a small village was lonely, moving to the city changed everything.",
    "My ex outed me at school years ago, I'm in a much better place now.",
    "Someone shouted a slur at us on the bus, shaken but ok, home now.",
    # Chronic pain and illness.
    "Flare day. Heat pad, sofa, and a rewatch of Gilmore Girls.",
    "My fibro is so bad today I couldn't open the milk.",
    "The pain clinic have upped my gabapentin, fingers crossed.",
    "Living with Crohn's means planning every trip around toilets, it's exhausting.",
    "Spoons are at zero today, cancelled plans again, feel guilty.",
    "My consultant said the MS is progressing but slowly, so that's something.",
    "I'm so tired of explaining to people that I look fine but I'm not.",
    "Chemo round four done. Two more to go.",
    "The dialysis days wipe me out but I'm still here, still grumpy lol.",
    "Does anyone have tips for getting PIP? The form is brutal.",
    "My back pain is unbearable today, waiting for the GP to ring back.",
    "Long covid has taken two years from me but I walked to the shop today.",
    # Addiction recovery and twelve-step talk.
    "90 days sober today. Thank you to my sponsor and this group.",
    "Step four is brutal, writing my inventory has brought up so much.",
    "Went to a meeting tonight, shared for the first time, hands shaking.",
    "One day at a time, that's all I've got and that's enough.",
    (
        "Relapsed on Saturday after eight months. Back to day one but I went to a "
        "meeting Sunday."
    ),
    "My higher power isn't God exactly, it's the group.",
    "I used to drink a bottle of vodka a day. Now it's oat lattes.",
    "I'm an alcoholic and I've been sober since 2017.",
    "Cravings were bad at the wedding but I rang my sponsor from the toilets.",
    (
        "Someone at the meeting said 'I had to hit rock bottom before I looked up' "
        "and it stuck with me."
    ),
    "The naloxone training at the hub was really useful, everyone should do it.",
    "Making amends to my brother next week, nervous.",
    # Faith.
    (
        "Nan's ready to go home to the Lord, she said so herself, and the hospice "
        "have her comfortable."
    ),
    (
        "God will take me when He's ready, that's what my dad used to say, and he "
        "lived to 94."
    ),
    "I'm not going anywhere, God will take me when He's ready and not before.",
    "I'm ready to go home, church ran over and I'm starving.",
    "Prayed for everyone in this group at Mass this morning.",
    "Ramadan is hard with the meds schedule but my imam said health comes first.",
    "My faith got me through the worst year of my life.",
    "Our vicar did a lovely sermon on grief, it made me cry in a good way.",
    "I know my husband is at peace with the Lord now.",
    "Anyone else find the Psalms help on hard nights?",
    # Older people.
    "Mum always said 'when my time comes, I'm ready to meet my maker', she was ninety.",
    (
        "I've had a good innings, eighty-seven next month, and I'm still doing the "
        "crossword."
    ),
    "Since my Albert died the house is so quiet. The lunch club on Tuesdays helps.",
    "My knees are shot but I still get to the allotment.",
    "At my age half my friends are in the churchyard, it's a strange thing.",
    "The grandchildren set up this tablet for me, hello everyone!",
    (
        "I've sorted my will and my funeral plan, just being sensible at 80, the "
        "kids know."
    ),
    "Getting old isn't for wimps, as my mother used to say.",
    # People in secure services.
    (
        "My doctor says my heart's tired, like the rest of me, but I'm enjoying the "
        "spring."
    ),
    "Got my section 17 leave granted, first walk to the shop in eight months.",
    "Ward round tomorrow, hoping they drop me to the rehab ward.",
    "The staff on my ward are mostly sound, one nurse brought in cake for my birthday.",
    "Tribunal is next month, my solicitor thinks I've got a good chance.",
    "On obs every fifteen minutes since the incident, it's annoying but I get why.",
    "Been in the secure unit three years, studying for my English GCSE now.",
    "Lights out at eleven here, so I write in this group before bed.",
    # Gamblers.
    "My care coordinator is moving on and I'm gutted, she was the best.",
    (
        "Self-excluded from every betting site today through GamStop, feels like a "
        "weight off."
    ),
    "Lost my whole wage on the slots in 2021. Two years free now.",
    "GamCare helped me set up a blocking app, would recommend.",
    (
        "The adverts during the football are relentless, it's hard when you're in "
        "recovery."
    ),
    "My partner holds my bank card now, it's humbling but it works.",
    "I'm done with betting, deleted every app tonight.",
    "Gamblers Anonymous on Thursday nights has been a lifeline.",
    # People whose first language is not English.
    "I owe thousands but I've got a debt plan with StepChange now.",
    (
        "I am from Poland, my english not so good, but I want say thank you for "
        "this group."
    ),
    "My husband is die last year, I miss him very much.",
    "I am very tired today because work is many hours.",
    "Sorry my english. I feel alone in this country, no family here.",
    "Today is my son birthday, he is six, we make cake.",
    "I don't understand the letter from the council, somebody can help me?",
    "My mother in Romania is sick, I cannot go to her, I am worried.",
    "Thank you for answer me yesterday, I feel more better.",
    "In my country we not talk about mental health, here is different.",
    # Supporters quoting the post they answer.
    "I lose my job last month but I find new one now.",
    (
        "When you said you wanted to die, I felt that. I've been there and I'm "
        "still here. Are you safe tonight?"
    ),
    "You wrote 'I can't do this anymore' and I just want you to know we're listening.",
    "You said you feel like a burden. You aren't. We'd miss you.",
    "'Nobody would notice if I was gone' - I would notice. Please message me.",
    "When you said you'd written a note, I got worried. Have you told anyone today?",
    "Your post about wanting to end it really hit me. Can you ring Samaritans tonight?",
    (
        "I read your post where you said you'd stockpiled tablets. Could you give "
        "them to the pharmacy?"
    ),
    (
        "You mentioned kms earlier, were you joking or are you struggling? Either "
        "is ok to say."
    ),
    (
        "Replying to your post about not wanting to wake up - that feeling is so "
        "heavy, thank you for sharing it."
    ),
    # More of each voice.
    "Hey, you said goodbye in your last message and it scared me a bit. Are you ok?",
    "The Hunger Games ending killed me, I was sobbing.",
    "Grandad's 90th party was dead good, everyone came.",
    "Year 13 is basically a ten month long panic attack.",
    "This hospital bed is so uncomfortable I'd rather sleep on the floor.",
    (
        "I've had enough of the painkillers making me foggy, talking to the GP "
        "about changing them."
    ),
    "Our baby's first bath, he screamed the place down.",
    "Veterans' breakfast club was packed this morning, good crack.",
    (
        "My sponsor says 'your disease wants you dead, but it'll settle for you "
        "drunk' and it's true."
    ),
    "The chaplain at the hospital sat with me for an hour, she was wonderful.",
    "Still in bits over the baby, but we planted a tree for her.",
    "At 16 I was convinced I'd never make it to 20. I'm 31 now.",
    "Asked my GP about HRT and she actually listened.",
    "The gambling ads on the bus stop make me so angry.",
    "My pain is a 7 today, usually it's a 5.",
    "Had my first drink-free Christmas and it was actually nice.",
    "One year clean from heroin next week, never thought I'd say that.",
    "Our lad starts his Army basic training on Monday, proud and terrified.",
    "Pregnant after loss is terrifying, every twinge sets me off.",
    "Can someone explain what 'unalive' means? My daughter keeps saying it.",
    "kms is just what the kids say when they drop their chips, don't panic.",
    "I'm so dead, my mum found my vape.",
    "exam season is literally killing me, three in one day",
    "Going home to Jesus is how Gran talked about death, she wasn't scared of it.",
    "The rosary was the last thing Mum held, she died peacefully.",
    (
        "Grandad said 'I've had a good innings' at his 95th and then ate two slices "
        "of cake."
    ),
    "On the ward we get a chaplain visit on Sundays, it's nice to talk.",
    "My nephew is trans and I want to support him better, any book recommendations?",
    "Had a good week with the pain, walked the dog twice.",
    "The bookies was my second home for ten years. Now it's the gym.",
    "Baby's finally asleep. Me and the cat are having a celebratory biscuit.",
    (
        "When you posted that you were on the bridge last night, my heart stopped. "
        "Glad you're safe now."
    ),
    "You said 'I just want it all to stop' - I hear you. What would help tonight?",
    "My English is bad sorry. I am very sad because my cat is die.",
    "i'm literally dying, the teacher read my essay out loud to the class",
    "my mum said if i fail again she'll kill me, so no pressure",
    "ngl the deadline for this coursework is actually killing me, 2am and still going",
    "Served 22 years, now I drive a taxi and I'm happy enough.",
    (
        "The anniversary of the ambush is next week, I've told my wife so she knows "
        "I'll be quiet."
    ),
    "My daughter's first Christmas, she ate the wrapping paper.",
    "We named our angel baby Leo and we say goodnight to his star.",
    "Top surgery date came through!! Crying happy tears.",
    "The hospice nurse said Dad might not last the week, we're all with him.",
    "My pain consultant wants me to try a TENS machine, anyone used one?",
    "Five years sober and I still go to a meeting every Friday.",
    "At Friday prayers the imam asked us to pray for those who are struggling.",
    "I'm 91 and my son still worries when I climb the step ladder.",
    (
        "The activity coordinator on the ward got us doing pottery, mine looks like "
        "a potato."
    ),
    (
        "Put a fiver on the Grand National for old times' sake? Nope, not anymore, "
        "I'm two years free."
    ),
    "Me English not good but I like this group very much.",
    (
        "When you said you'd rather be dead than go back to him, I understood. "
        "You're safe with us."
    ),
    # A second round, written after the first fixes.
    "lost my airpods on the train kms 😂",
    "sent my teacher a message meant for my bf, kms lmao",
    "unalive is such a weird word, just say suicide, it's ok to say it",
    "We've just done our wills since buying the house, very grown up of us.",
    "My dad's 84 and he's just sorted his power of attorney, sensible man.",
    "'I'm worthless' - you are NOT, you're one of the kindest people here.",
    (
        "You said in your last post that you'd planned it for Friday. Please tell "
        "us you're safe."
    ),
    "if my sergeant sees my boots like this he'll kill me",
    "When mum finds out I dented the car she is going to murder me.",
    "If the bus doesn't come I'm going to be late again.",
    (
        "The 12 steps talk about a power greater than ourselves, I'm still working "
        "out what mine is."
    ),
    "Mum, 88, says 'the Lord will call me when He wants me' and carries on gardening.",
    "My grandad always said he'd had a good innings, he died at 99 in his sleep.",
    "I've been saving my pocket money to buy a switch.",
    "Been stockpiling tins for the winter, the cupboard is full.",
    "Driving into the sea front car park, the views are gorgeous tonight.",
    "Going to the tracks to watch the steam train pass, the kids love it.",
    "My sponsor's saying is 'one day at a time', I've got it on a fridge magnet.",
    "I wrote a letter to my MP about the gender clinic waiting list.",
    "I'm going to take my meds and get some sleep, night all x",
    "I want finish my english course this year, then find better job.",
    "My baby's first word was 'no', we're doomed lol.",
    "Veterans' gardening group has saved my sanity this spring.",
    "Our rainbow baby is one today, we're so lucky.",
    "Secure ward bake-off, my Victoria sponge came second.",
    "Blocked all the bookies on my phone, a month free today.",
    "Chronic pain means I cancel a lot, thanks for still inviting me.",
    (
        "When you said you'd stopped eating, I remembered my own eating disorder. "
        "Please talk to your GP."
    ),
    "I'm so done with this chemo brain, I put my keys in the fridge.",
    "The Imam visited Dad in hospital and prayed with us, it meant a lot.",
    # A third round, written after the second fixes.
    "see ya later lads, good session tonight",
    "Bye all, speak soon, thanks for listening tonight x",
    "Goodbye everyone, see you in the next group on Thursday.",
    "We should talk more about self-harm in schools, the silence doesn't help anyone.",
    "It's really important that men open up about suicidal feelings, my dad never did.",
    "Parents' evening, two hours of small talk, kill me now.",
    "kms i just called my teacher mum 😭",
    "It'd be easier if I wasn't here on Saturdays, the shop is chaos.",
    "My husband would cope better if I wasn't around during the school holidays lol",
    "'I hate myself' - hun, you're doing so well, don't be hard on yourself.",
    "When you said you'd given your cat away, it worried me. How are you?",
    (
        "Grandma says she's ready to meet her maker but first she wants to see the "
        "new baby."
    ),
    "Lord, give me patience with this toddler.",
    "My faith tells me God will call me home in His own time.",
    "I've had a good long life and I'm grateful for every day of it.",
    "Just been to a GA meeting, 40 days bet-free.",
    "The pain is bad today but I've got my hot water bottle and my audiobook.",
    "I'm so done with this flare, three weeks now, rheumatologist on Monday.",
    "Our little one would have been two today. We let off balloons.",
    "The padre used to say 'every man has his time'. He was a good man.",
    "secure unit has a new gym, I'm actually enjoying the bike",
    "I want to thank everyone, my English is better now because of you.",
    "I'm a trans woman and I've never felt more myself, transition saved my life.",
    "If the bus doesn't come I'll walk, it's only a mile.",
    "I wrote a letter to my future self in therapy, it was really moving.",
]

MUST_ALERT = [
    # Students and young people.
    "i failed everything and i genuinely want to unalive myself, not joking",
    "kms. i mean it this time. i've got my mum's pills",
    "results came and i'm going to kill myself tonight, i can't face my dad",
    "i don't want to be alive for results day",
    "everyone would be better off if i just disappeared before the exams",
    "i keep thinking about jumping from the uni library roof",
    "not even joking anymore, i want to die. every day at uni is the same",
    "i'm writing a note for my flatmates tonight, sorry guys",
    # Veterans.
    "I've still got my service knife and I've been thinking about using it on myself.",
    "Lost too many mates to this, and now I think it's my turn. I've made my peace.",
    "Since I left the army there's no point. I'm going to end it this weekend.",
    (
        "I keep thinking the lads who didn't come home got the better deal. I don't "
        "want to be here."
    ),
    # New parents and pregnancy loss.
    (
        "Since we lost the baby I just want to be with her. I'm going to take all "
        "my tablets."
    ),
    "My baby would be better off without me, I keep planning how to do it.",
    "I can't stop thinking about driving into the river with just me in the car.",
    "I've lost three babies and I don't want to live anymore.",
    # LGBTQ+ people.
    "My parents kicked me out for being gay and I'm going to kill myself tonight.",
    "If I can't transition I'd rather be dead, and I've been looking up how.",
    "Being trans in this family is hell and I've decided to end my life on Friday.",
    # Chronic pain and illness.
    "The pain never stops and I've been saving my oramorph to take all at once.",
    "I can't live with this pain anymore. I want to die.",
    "If the new treatment doesn't work I'm going to end it, I've decided.",
    "I've got enough tramadol saved up to not wake up.",
    # Addiction recovery.
    "Relapsed again. I'm going to use everything I've got tonight and not wake up.",
    "Day one again and I just want to die.",
    "Going to drink myself to death this weekend, I'm done.",
    # Faith.
    "I'm ready to go home to God tonight, I've got the pills lined up.",
    "I've prayed and prayed and I think God wants me to end my life.",
    "I'm going to meet my maker tonight, I've made my peace with it.",
    # Older people.
    (
        "I've had a good innings and I've decided I'm going to end it before I lose "
        "my mind too."
    ),
    "Since my wife died I've been saving my heart tablets. I don't want to carry on.",
    "I'm 82 and a burden to my children. I'd be better off dead.",
    # Secure services.
    "I've been hiding a ligature in my room and I'm going to use it tonight.",
    "If the tribunal says no I'm going to kill myself.",
    "Staff think I'm fine but I'm planning to hang myself when obs drop.",
    # Gamblers.
    (
        "Lost the house deposit on the slots. My family will be better off with the "
        "life insurance."
    ),
    "I've gambled everything away and I'm going to jump off the bridge tonight.",
    "I owe £40k and I can't see a way out except ending it.",
    # Simple grammar.
    "I want die. I have no one in this country.",
    "Tonight I will kill myself, I am sorry for everybody.",
    "I am not want to live anymore, everything is too hard.",
    "I buy many tablets today for finish my life.",
    # Supporters who go on to speak of their own intent.
    "When you said you wanted to die, I felt that. I want to die too, tonight.",
    "I know you said 'hold on', but I can't. I've written my goodbye.",
    # Goodbyes and plans in these voices.
    (
        "Thanks to this group for everything. This is my last message, I won't be "
        "here tomorrow."
    ),
    "Goodbye lads. It's been an honour. I won't be around after tonight.",
    "Tell my sponsor I'm sorry. I'm not coming back from this one.",
    "I've given my dog to my neighbour and paid off my debts. Goodbye everyone.",
    "It was nice knowing you all. I'm going home to God tonight.",
    "i've deleted all my socials and written letters to my friends. bye.",
    "kms tonight fr. i've got the rope.",
    "I'm going to unalive myself after my last exam.",
    "Ready to go home now. I've said my goodbyes and I've got everything I need.",
    "Not doing this anymore. Tonight's the night, sorry to my kids.",
    (
        "I've been stockpiling my pregabalin for weeks. I'll take it when my "
        "husband's at work."
    ),
    "I really don't want to be alive anymore, the pain is too much.",
    "When I get out on leave I'm going to the tracks.",
    "Placed my last bet. If it loses I'm ending my life.",
    "I have a plan to kill myself and the date is set.",
    "God please take me tonight, I can't do another day.",
    (
        "I've had my life, I'm ready to die now and I've stopped taking my tablets "
        "on purpose."
    ),
    "i'm so done. gonna unalive myself fr this time",
    (
        "When you said you were stockpiling, I felt seen, because I've got mine "
        "saved up too."
    ),
    "I keep telling my sponsor I'm fine but I've bought the rope.",
    # A second round, written after the first fixes.
    "kms for real this time. i can't deal with my parents anymore.",
    "i've been hiding razors in my bra and i'm going to use them tonight",
    "Saved up all my gabapentin, I'm taking it all at the weekend.",
    "If the scan is bad I'm going to end my life.",
    "If my wife doesn't come back I'm going to kill myself.",
    "God, take me now. I can't keep living with this pain.",
    "I've written my goodbye letters to my mum and my girlfriend.",
    "My kids will be better off with the death in service money.",
    "I want end my life, nobody here to help me.",
    "I am going to finish myself tonight.",
    "I'm going to drive the car into the reservoir after work.",
    "After group tonight I'm walking down to the railway line.",
    (
        "'Nobody would miss me' - I know exactly how you feel, nobody would miss me "
        "either, I'm going to end it."
    ),
    "You said you'd saved up tablets. So have I. I'm going to take them tonight.",
    "It would be easier for my partner if I just wasn't here anymore.",
    "I pray every night that God takes me in my sleep.",
    "Forgot my keys again. Honestly I want to die.",
    "Lost everything on the roulette wheel tonight. I've got the rope in the car.",
    "I'm a veteran and I've got my rifle cleaned and ready for tonight.",
    "Since the stillbirth I keep planning how I'd do it.",
    # A third round, written after the second fixes.
    "see you all on the other side, I'm done.",
    "bye everyone, thanks for everything, I won't be back.",
    "I know people say it's important to talk about suicide, but I really want to die.",
    "We need to talk about suicide because I'm planning mine.",
    "kms, i've got the pills ready",
    "Everyone at work would be better off if I wasn't here at all.",
    "Lord please just let me die tonight.",
    "I've saved up my insulin, I'm going to take it all tomorrow.",
    "Since my son died I've been planning how I'd do it.",
    "'I want to die' - that's all I can think tonight.",
    "I told the nurse 'I'm going to hang myself' and she didn't believe me.",
    "If the benefits get stopped I'm going to end my life.",
    "I'm hiding my tablets from the staff so I can take them all at once.",
    "I'm going to drive off the cliff at Beachy Head tonight.",
    "my mum will be better off without me, i'm writing her a letter to say sorry",
]


@pytest.mark.parametrize("sentence", MUST_STAY_QUIET)
def test_everyday_talk_in_new_voices_stays_quiet(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.card != "crisis"
    assert HoldReason.ABUSE not in result.hold_reasons
    assert HoldReason.METHOD not in result.hold_reasons


@pytest.mark.parametrize("sentence", MUST_ALERT)
def test_intent_plans_and_goodbyes_in_new_voices_alert(sentence: str) -> None:
    assert screen(sentence).needs_on_duty_alert
