"""Screening read in voices our other sentences lack: UK peer-support replies in
texting style, NHS staff after a shift, carers, bereaved people, recovery told in the
past, lyrics and films, dark humour, games and sport, supporters asking about safety,
signposting, news and figures, and everyday uses of the weak-sign wording ("I'm so done
with this essay", "byeee see you thursday"). Those must stay quiet; first-person intent,
plans and goodbyes in the same voices must alert. Every sentence is written here."""

from __future__ import annotations

import pytest

from alongside.safety.screening import HoldReason, screen

MUST_STAY_QUIET = [
    "aw hun that sounds rough, sending love x",
    "ngl i had a week like that in march, it does pass x",
    "tbh you're doing better than you think, proud of you",
    "sorry you're going through it mate, here if you want to chat",
    "omg same, my mum does exactly that, drives me up the wall",
    "thinking of you today x hope the appointment goes ok",
    "you're not a burden to us, honestly, we love hearing from you",
    "glad you posted, it takes guts to say all that x",
    "hope you manage some sleep tonight, be gentle with yourself",
    "lol the group chat has been chaos today",
    "that's such good news!! well done you x",
    "no worries at all, catch up at the thursday meet?",
    "tbf the bus was late again so i gave up and walked",
    "ngl i'm knackered but it was a lovely day out",
    "i get it, the waiting list is a nightmare, hang in there",
    "The ward was brutal today, three discharges and no porters.",
    "Lost a patient today. She was ninety-one and her family were with her. Still sad.",
    "Night shifts are killing me, I need a proper day off.",
    "Anyone else coming off a run of four nights? I'm dead on my feet.",
    "We had a cardiac arrest on the ward and it shook me a bit, debrief tomorrow.",
    "Our team lost two patients this week and nobody had time to stop and breathe.",
    "Rota's out and I'm on every bank holiday again, brilliant.",
    "I cried in the sluice after the shift, then had a brew and felt better.",
    (
        "Had a patient tell me he wanted to die today, we got the liaison team "
        "in and he's safe."
    ),
    "Doing the suicide prevention training next week, anyone done it?",
    "The resus was grim but the team were amazing.",
    "Staff room kettle has died, this is the real crisis.",
    "Caring for mum full time is exhausting but she had a good day today.",
    "Dad didn't recognise me this morning, it breaks my heart every time.",
    "I'm so tired of chasing the council about his care package.",
    "Respite week starts Monday and I feel guilty for being so relieved.",
    "My son had a meltdown in Tesco and I just sat in the car after and cried.",
    (
        "Carers allowance forms are a nightmare, idk what to do about the bank "
        "details bit."
    ),
    "Being a carer can feel lonely, this group really helps.",
    "It's two years today since we lost Dad. Raising a glass to him tonight.",
    "My brother died by suicide in 2019 and I still think about him every day.",
    "Mum's funeral is on Friday, I've written a eulogy and I'm dreading reading it.",
    "Grief comes in waves, today was a big one.",
    "I miss my husband so much, the house is so quiet without him.",
    "We scattered her ashes on the hill she loved, it felt right.",
    "Losing my sister to suicide changed everything for our family.",
    "I keep wanting to ring Nan and then remembering she's gone.",
    "His death was so sudden, none of us got to say goodbye.",
    "Three years ago I was in hospital after an overdose. Now I run a peer group.",
    "Back then I wanted to die every single day. I don't feel like that any more.",
    (
        "When I was at my lowest I wrote goodbye letters, but I got help and "
        "I'm still here."
    ),
    "I used to self-harm as a teenager, I'm twelve years clean now.",
    "I was suicidal in my twenties and therapy honestly saved my life.",
    "Looking back, I was in such a dark place in 2020. Things are so much better now.",
    (
        "My recovery started the day I told my GP I'd been planning to end it. "
        "That was five years ago."
    ),
    "Currently blasting 'Mad World' on repeat, such a tune.",
    '"Is this the real life? Is this just fantasy?" karaoke night was wild.',
    (
        "That bit in the film where he says 'I'm going to make him an offer he "
        "can't refuse' gets me every time."
    ),
    "Watched Dead Poets Society again, still cried at the ending.",
    "The song goes 'I want to break free' and honestly that's me and my overdraft.",
    "Hamlet's 'to be or not to be' speech was on the exam today.",
    "If I have to do one more spreadsheet I'll scream lol",
    "Another team-building day, kill me now haha",
    "This heat is going to be the death of me.",
    "My phone died halfway through the call, typical.",
    "I could murder a bacon sandwich right now.",
    "Mondays should be illegal tbh",
    "I died so many times on that boss fight, it's ridiculous.",
    "We got killed in the second half, 4-0, embarrassing.",
    "Got one-shot by a sniper again, this game hates me.",
    "Our striker is dead weight this season.",
    "We got slaughtered at the pub quiz last night.",
    "Took me fifty attempts but I finally beat the last level.",
    "I keep dying on the same jump, send help lol",
    "We're bottom of the league, season's over for us.",
    "Are you safe tonight?",
    "Have you thought about ending your life?",
    "Are you having thoughts of suicide? It's ok to say if you are.",
    "Do you feel like you might hurt yourself tonight?",
    "If you're thinking about killing yourself, please tell someone you trust.",
    "Is there someone who can stay with you tonight?",
    "I hear you, and I'm glad you told us. Have you got a plan to keep safe?",
    "It sounds like you're in a dark place right now, we're here.",
    "I've felt like I had nothing left too, and it did get better for me.",
    "Please don't give up, you matter so much to this group.",
    "Why do you feel like ending it? Talk to us.",
    "You can call Samaritans free, any time, day or night.",
    "Shout is a text line if talking feels too much.",
    "If you feel unsafe, go to A&E or ring 999.",
    "Your GP can refer you to the crisis team if things get worse.",
    "The crisis line number is in the group resources tab.",
    "Suicide is the biggest killer of men under fifty in the UK.",
    "New figures show suicide rates among nurses have risen.",
    "There's a campaign this month about talking openly about suicide.",
    "I read an article about how ending your life is never the answer, worth a read.",
    "The report says one in five people have had suicidal thoughts at some point.",
    "World Suicide Prevention Day is on the 10th, our trust is running a stall.",
    "A documentary about men's mental health and suicide is on BBC tonight.",
    "I have nothing left in the fridge, takeaway it is.",
    "I'm so done with this essay.",
    "I'm just so done with the builders, they never turn up.",
    "idk what to do about the boiler, it's making that noise again.",
    "idk what to do for mum's birthday, any ideas?",
    "Cried my eyes out at the film last night.",
    "I cried my eyes out at the end of the series.",
    "byeee see you thursday",
    "right i'm off to bed, byeee x",
    "I've ruined my trainers in the mud.",
    "I've ruined the cake, it sank in the middle.",
    "The dog is in a bad place with his hips, vet on Monday.",
    (
        "We're alone in the world on this one, nobody else in the office cares "
        "about the recycling."
    ),
    "I have nothing left to give this week at work, roll on Friday.",
    "I'm so done, finally finished my dissertation!!",
    "I can't stop crying at those adverts with the puppies.",
    "I keep crying at the Bake Off final.",
    "I've got nothing left in my bank account till payday.",
    "I'm just so done with the snow.",
    "Honestly I'm done, that's my last shift before holiday!",
    "I'm in a dark place with this jigsaw, 1000 pieces of sky.",
    "My team is in a really bad place in the table.",
    "idk what to do, should I get the red or blue one?",
    "ngl i'm so done with revision",
    "We ruined everything with the renovation, the kitchen's a mess lol",
    "Feeling a bit low today but the walk helped.",
    "Bit of a rough day, but I've got my tea and my cat.",
    "Been crying all the time at films since the baby, hormones are wild.",
    "I'm so tired, the baby was up five times.",
    "I hate my hair today.",
    "My car died on the motorway, waiting for the AA.",
    "Nobody cares about the fantasy football league but me.",
    "I gave up sugar for Lent and I'm struggling lol",
    "I've had enough of this rain.",
    "That's it, I'm done with Facebook, deleting the app.",
    "The plant I bought last week is already dead.",
    "Goodbye summer, hello cosy jumpers.",
    "Last post from me before the holiday, see you all in two weeks!",
    "Sorry everyone for going quiet, I've been moving house.",
    "Thank you all for being there this year, you've been brilliant.",
    "I'm ready to go, just waiting for my lift.",
    "I've got everything I need for the camping trip.",
    "I've made up my mind, I'm going to apply for the job.",
    "I left a note on the fridge for my flatmate.",
    "I'm giving my old clothes away to the charity shop.",
    "I'm writing my will now the baby's here, feels very grown up.",
    "I'm going to do it, I'm signing up for the half marathon!",
    "Tonight's the night, the final is on!",
    "I want out of this contract, the phone company is a joke.",
    "I'm drowning in paperwork this week.",
    "This commute is killing me.",
    "I feel trapped in this job but I've got interviews lined up.",
    "No hope of getting a GP appointment before Christmas.",
    "The film was about a man who wants to end his life, really moving.",
    "My friend is struggling but she's got support and she's safe.",
    "I was so scared before my driving test but I passed!",
    "you can call Samaritans on 116 123, they're lovely",
    "ring 111 and press 2 for the mental health line x",
    "I'm so tired and honestly so done with this essay.",
    "idk what to do, I'm so scared of the dentist tomorrow lol",
    "cried my eyes out at the wedding, I'm such a mess haha",
    (
        "I'm just so done. Third rejection letter this month, back to the job "
        "sites tomorrow."
    ),
    "I have nothing left, spent it all at the weekend lol",
    "I'm alone in the world on this, nobody else likes marmite.",
    "byeee!! loved seeing you all x",
    "Night all, byeee",
    "i'm in a bad place with money this month, anyone know a good budgeting app?",
    "I've ruined my life savings on this van, worth it though.",
    (
        "We lost a patient on nights and the whole team is gutted. I'm going "
        "to do the debrief."
    ),
    "Crying in the car after a shift is a rite of passage on this ward tbh",
    "I've been through hell with his care this year but he's settled now.",
    "Feel like I'm running on empty, need a holiday.",
    "My nan always said 'I'll die happy if I see you married', bless her.",
    "Are you thinking about suicide right now? I'm here and I'm listening.",
    "Has anyone here ever felt like ending it? How did you get through?",
    "When I was 19 I tried to kill myself. I'm 34 now with two kids and a life I love.",
    "I almost died in the crash last year, physio is going well now.",
    "Suicidal thoughts are more common than people think, you're not alone x",
    "My mate's band just released a song called 'Goodbye Cruel World', go listen!",
    "That episode where she overdoses was so hard to watch.",
    "The game's so hard I want to throw my controller out the window.",
    "We died on our feet in the last ten minutes, lads were gutted.",
    "Rip my phone screen, dropped it again.",
    "I'm dead, this meme is too funny",
    "I'm done for the day, see you all tomorrow.",
    "I'm so scared for my daughter's exam results, idk what to do with myself.",
    # A second round, after the first fixes.
    (
        "ngl the last time i felt this low i ended up in a&e, so i've rung my "
        "cpn today and we've got a plan x"
    ),
    "honestly same, some days i'm just so done with people, then i remember you lot x",
    "you've ruined my life with that spoiler lol",
    "i'm crying so much at your news, so happy for you!!",
    "tbh idk what to do with myself on days off, any hobby ideas?",
    "hugs hun, it's ok to not be ok x",
    "Did anyone else find the night after a death on the ward the hardest?",
    "First shift back after my sister's funeral. The team have been so kind.",
    "When a patient dies on my shift I light a candle at home after.",
    (
        "I had a patient who'd tried to hang himself last year, and seeing him "
        "well today made my week."
    ),
    "I'm a mental health nurse, we talk about suicide risk every single shift.",
    "Working in A&E you see overdoses every night, it stays with you.",
    (
        "Mum keeps saying she wants to die and I never know what to say back. "
        "Her GP knows."
    ),
    "My husband has dementia and said he'd be better off dead, it broke me.",
    (
        "My partner tried to end his life in the spring. I'm his carer now and "
        "I'm exhausted."
    ),
    "Today would have been his 40th. Miss you every day, little brother.",
    "Since Mum died I talk to her photo every morning.",
    "Six months since she took her own life and people have stopped asking how I am.",
    (
        "I found him. I still can't get that picture out of my head. "
        "Counselling starts next week."
    ),
    "I'm two years free from self-harm today, proud of myself.",
    "I survived my attempt and I'm glad I did.",
    (
        "The worst night of my life was when I stood on that bridge. Now I "
        "walk over it to work and feel grateful."
    ),
    "At 17 I took an overdose. Today I graduated as a mental health nurse.",
    (
        "There's a line in that Radiohead song, 'I'm a creep, I'm a weirdo', "
        "that sums up my teens."
    ),
    "My karaoke song is 'I will survive' every single time.",
    "In the film she says 'I'm ready to go' and just walks out the door, chills.",
    "My gran would have said 'you'll be the death of me' at that.",
    "if the printer jams one more time i'm walking into the sea lol",
    "my flatmate ate my leftovers, he's a dead man",
    "I'm going to murder my brother when he gets home, he's used all the hot water.",
    "Fell off the ledge in Zelda for the hundredth time, I'm done.",
    "Respawned, died again, rage quit. Classic Sunday.",
    "We killed it at the gig last night!",
    "Our keeper's knees are shot, he's on his last legs.",
    "Do you have a plan for tonight if the thoughts get loud?",
    "Have you got the tablets somewhere safe, or could someone hold them for you?",
    "Is there anyone you can ring if you feel like ending things?",
    "You said you feel like giving up, can you tell us more?",
    "I know how it feels to want to disappear. You're not alone here.",
    "Please stay, we'd miss you so much.",
    "Papyrus HOPELINE247 is there for under 35s.",
    "If you're in Scotland, Breathing Space is open in the evenings.",
    "The ONS figures for suicide came out this week and men are still three in four.",
    "Our trust lost two staff to suicide last year and they've finally set up support.",
    "A podcast on suicide bereavement helped me loads.",
    "I'm done with the washing, finally!",
    "idk what to do with all these courgettes from the allotment",
    "I have nothing left to wear, laundry day tomorrow.",
    "I've nothing left in me after that spin class.",
    "byeee lovelies, have a good weekend",
    "Cried my eyes out at the nativity, they were so cute.",
    "My sourdough starter is dead again.",
    "That storm was brutal, the fence is gone.",
    "Can't stop crying laughing at the dog videos.",
    "Went to a dark place in the escape room, it was terrifying lol",
    "I'm a disaster in the kitchen, burnt the toast again.",
    "I'm ready to give up on the diet, chocolate wins.",
    "I'm done, finished, over it, the move is finally done!",
    "Goodbye old car, 200,000 miles, you did well.",
    "The plan for tonight is pizza and a film.",
    # A third round, after the second fixes.
    (
        "Long week. I'm so tired and I'm just so done with the commute, roll "
        "on the weekend."
    ),
    "honestly i'm exhausted and idk what to do about the kids' half term, any tips?",
    (
        "Cried my eyes out at the vet, poor Biscuit has to have a tooth out. "
        "He'll be fine."
    ),
    (
        "I feel so alone in this, the school won't listen about my son's "
        "needs. Meeting on Tuesday."
    ),
    "Night shift done, I have nothing left in the tank, bed time. byeee",
    "I'm in a dark place with my finances but I've booked a chat with Citizens Advice.",
    (
        "ngl i'm a bit of a mess today, hormones, chocolate, sofa. back to "
        "normal tomorrow x"
    ),
    "You said last week you felt like a burden. You're not, and I'm glad you're here.",
    "When you wrote that you wanted to die, I was so worried. How are you today?",
    "I'm worried about you after what you said last night, are you ok?",
    "If anyone here is thinking about suicide tonight, please reach out, we're around.",
    (
        "It's ok to talk about suicide here, asking doesn't put the idea in "
        "someone's head."
    ),
    "Our facilitator asked if anyone felt unsafe, and it was a really kind way to ask.",
    (
        "I've been on the ward where people come in after overdoses, the staff "
        "were wonderful."
    ),
    (
        "Doctor said Dad's heart is failing and he hasn't got long. We're "
        "taking it a day at a time."
    ),
    "Mum's on end of life care now, the hospice are amazing.",
    "I'm dreading Christmas without him, the first one is always the worst they say.",
    (
        "Last year I planned my own funeral in my head every night. This year "
        "I'm planning a holiday."
    ),
    "I was in such a bad place after the birth, the perinatal team got me through it.",
    "Looking back, the night I wrote the note was the night things turned around.",
    "That Linkin Park song got me through school, RIP Chester.",
    (
        "My mate keeps quoting 'I'll be back' every time he leaves the room, "
        "it never gets old."
    ),
    "we were dying laughing at the quiz, the question about cheese got us",
    "Honestly this paperwork will be the end of me lol",
    "my back is killing me after that shift",
    "The hospital car park is a death trap, someone nearly reversed into me.",
    "We got absolutely battered in the cup, season's basically over.",
    "Died on the last checkpoint, so annoying.",
    "Our goalie took one for the team, broken nose, legend.",
    "Samaritans volunteer here, if anyone wants to know what a call is like, ask away.",
    "If you're worried someone might be suicidal, asking them directly is ok.",
    "Statistically, talking about suicide reduces risk, it doesn't raise it.",
    "The coroner's report into his death came out this week.",
    "I've given up caffeine, day three, send help.",
    "I'm sorry everyone for all the moaning this week, thanks for listening.",
    "Thank you all for everything this year, see you in January!",
    "Signing off for the weekend, back on Monday x",
    "This is my last shift on this ward, moving to theatres next month!",
    "I've said goodbye to my old job and I'm ready for the new one.",
    "I've made my mind up, I'm leaving him and moving back to my mum's.",
    "It's important to talk about suicide at work.",
    "Thinking about joining them, they seem a nice club.",
    "Since Dad died I want to be with my mum more.",
    "This is my last lecture before the exams.",
    # A fourth round, after the third fixes.
    (
        "Three deaths on the ward this week and I'm running on empty. Off for "
        "four days now though."
    ),
    "I'm so tired of being strong for everyone, but the carers' group tonight helped.",
    "He asked me if I'd ever thought about suicide and I said no, honestly.",
    "Have you got anyone you can ring if it gets bad tonight?",
    "Has she told you she's planning to end her life? If so call 999.",
    "What would help you feel safer this evening?",
    "Would you feel able to tell your GP how low you've been?",
    "I lost my son to suicide five years ago. Today I ran a marathon for Papyrus.",
    "Dad took his own life when I was 12. I'm 40 now and still miss him.",
    "My best mate died by suicide and I keep thinking I should have seen it.",
    "Every year on her anniversary I go to the beach where we scattered her.",
    "There was a time I was ready to give up, but that was years ago and I'm grateful.",
    "I was sectioned in 2018 after trying to end my life. Now I'm a peer worker.",
    "The lyric 'I'm tired of being what you want me to be' hits hard.",
    "That scene where he stands on the roof in the film gave me chills.",
    "We died on our arse at the comedy club, nobody laughed.",
    "The boss fight killed me fifteen times lol",
    "My fantasy team is dead and buried for this season.",
    "If I have to hear that ringtone once more I'll lose it lol",
    "I'm so done with nights, moving to days next month!",
    "idk what to do about dinner, beans on toast again?",
    "I've got nothing left to say on the matter, the council can sort it.",
    "byeee all, off to the coast for the weekend",
    "I can't stop crying at the John Lewis advert.",
    "I'm alone in the world with this opinion but I love sprouts.",
    "The article said men are three times as likely to die by suicide.",
    "The vigil for suicide prevention day was lovely, lots of candles.",
    "A new helpline for farmers in crisis launched today.",
    "Samaritans are on 116 123 if anyone needs them tonight.",
    "I'm ready to go home, this shift has been so long.",
    "It would be easier if I didn't wake up the baby every time I come in.",
    (
        "We went to the beach where we scattered his ashes and walked into the "
        "sea up to our knees."
    ),
    # A fifth round: two weak signs, each about something everyday.
    "So tired. idk what to do about the leaking roof, the landlord won't answer.",
    "Crying my eyes out at Strictly and I'm just so done with this week lol",
    (
        "I'm alone in the world at work, everyone else is on holiday, and I've "
        "ruined the printer."
    ),
    "Absolutely knackered, nothing left in the fridge, and the kids want pizza. byeee",
    "I've ruined the roast and I can't stop crying laughing about it.",
    "I'm in a bad place with my back, physio on Friday, so tired of the pain.",
    "Honestly hun I've been in that dark place too and you will come out of it x",
    (
        "ngl i cried myself to sleep after my nan's funeral, it's normal to "
        "grieve like that"
    ),
    "you're not alone in the world, we're all here for you",
    (
        "I used to say 'I'm so done' every night in my first year of nursing, "
        "now I love it."
    ),
    "idk what to do with my hands when I'm anxious so I've started knitting.",
    "No one cares about my sourdough updates but here's another one.",
    "We lost our cat last week and I keep crying when I see her bowl.",
    "I gave up on the essay at 2am and went to bed, best decision.",
    "Grief is the price of love, my mum used to say.",
]

MUST_ALERT = [
    "i can't do this anymore, i'm going to end it tonight",
    "ngl i've been thinking about killing myself every day this week",
    "tbh i just want to die and i don't know who to tell",
    "i've got the tablets saved up and i'm going to take them all tonight x",
    "sorry everyone, this is goodbye. thank you for trying.",
    "i don't want to be alive anymore",
    (
        "I've written letters to my kids and I'm going to do it when they're "
        "at school tomorrow."
    ),
    "After my shift I'm going to drive to the bridge and jump.",
    (
        "Lost another patient today and honestly I want to kill myself, I "
        "can't keep doing this."
    ),
    (
        "I'm a nurse and I've been looking up how many of the meds on the ward "
        "it would take to die."
    ),
    "I'm so tired of caring for him, I want to go to sleep and never wake up.",
    (
        "I can't cope with mum any more, I keep thinking everyone would be "
        "better off if I was dead."
    ),
    (
        "Since Dad died I just want to be with him. I'm planning to end my "
        "life on his anniversary."
    ),
    "I miss her so much I want to die too.",
    "I relapsed last night and tried to hang myself.",
    (
        "I used to be in recovery but the suicidal thoughts are back and I "
        "have a plan this time."
    ),
    "I'm going to kill myself this weekend.",
    "I've decided to end my life. I've sorted my will and rehomed my cat.",
    "This is my last post. Please look after my dog.",
    "I'm suicidal and I don't feel safe tonight.",
    "i want to kill myself lol",
    "I'm going to overdose tonight.",
    "I have a rope in my car and I know where I'm going to do it.",
    "i'm going to take my own life, i'm so sorry to everyone",
    "No one would even notice if I was gone. I want to die.",
    "I've been stockpiling my meds for a month.",
    "I'm standing on the bridge right now.",
    "I honestly think tonight's the night I finally end it.",
    "Goodbye everyone, I love you all. I won't be here tomorrow.",
    "I'm going to end it all, I can't keep living like this.",
    "I want to die. I'm so done.",
    "I'm so done. I have nothing left. Nobody wants me around.",
    (
        "idk what to do any more, i'm in such a dark place and i want it all "
        "to stop forever"
    ),
    "i'm alone in the world and i don't want to be here any more",
    "I've ruined my life and I'm better off dead.",
    "Can't stop crying, I keep thinking about ending my life.",
    "thanks for everything, byeee. i'm going to do it tonight",
    "I think about suicide all the time at the moment.",
    "I'm going to cut myself tonight, I can't hold it off.",
    "I've taken all my pills. I'm sorry.",
    "I'm going to step in front of a train after work.",
    "I've said goodbye to my family and I'm ready to go.",
    "This is my last post. See you on the other side.",
    "thanks everyone, this is goodbye.",
    "Last post from me. I won't be back.",
    "someone kill me lol i can't do this anymore, i want to die",
    "I'm going to do it, I've got everything I need to do it.",
    # A second round, after the first fixes.
    (
        "ngl i'm so done. i've been planning how to end it and i think it's "
        "going to be this weekend"
    ),
    "after the ward tonight i'm going to take the morphine home and not wake up",
    "i've been caring for mum for ten years and i want to die, i can't do another day",
    "I just want to be with my son again. I'm going to take all my pills tonight.",
    "I was doing well but tonight I want to kill myself again.",
    "hi all, sorry, i think this is my last message. love you x",
    "I'm on the roof of the car park and I'm going to jump.",
    "i want to end my life. idk what to do.",
    "Nobody would miss me. I'm going to end it all this weekend.",
    "I'm not safe tonight, I keep thinking about killing myself.",
    "I'm at high risk of suicide tonight.",
    "I'm two years clean from self-harm but I want to self-harm tonight.",
    "I want to jump off the bridge for real, not in the game.",
    "I'm going to take all my pills tonight and not wake up.",
    # A third round, after the second fixes.
    "I'm so tired and I'm just so done. I have nothing left.",
    "idk what to do any more, i've ruined my life and i'm alone in the world",
    "I keep crying and I'm in such a dark place. I don't want to be here.",
    "I don't see the point any more. I'm going to end it tonight.",
    "thank you all for everything. this is my last post.",
    "I can't keep going. I've got the pills and I'm going to take them after my shift.",
    "Since he died I've been thinking about joining him, I've looked up how.",
    "i'm done. nobody wants me around. byeee",
    "I wish I hadn't woken up this morning.",
    "I'm going to drive into a wall on the way home.",
    "I want to talk about suicide.",
    "My nan died last year. I'm going to join her, I can't do this without her.",
    "This is my last day on earth.",
    "This is my last shift ever, I'm going to end it tonight.",
    # A fourth round, after the third fixes.
    "After the funeral I'm going to kill myself, I can't live without him.",
    (
        "The ward was brutal and I just want to die. I've got the keys to the "
        "drugs cupboard."
    ),
    (
        "i'm so done, i'm in such a dark place and i keep crying, i think "
        "tonight's the night"
    ),
    "sorry everyone, i can't do this anymore. thanks for everything. goodbye x",
    "I'm going to go to the beach where we scattered his ashes and walk into the sea.",
    "I keep thinking it would be easier if I didn't wake up tomorrow.",
    "I'm a carer and some nights I think about ending it for both of us.",
    "Nobody would notice if I disappeared. I want it to stop.",
    "She asked me if I was suicidal and I said no but I lied.",
    "He asked me if I'd ever thought about suicide and I said yes.",
    "Everyone would find it easier if I wasn't here.",
    # A fifth round, after the fourth fixes.
    "I'm so tired. idk what to do any more. I just want to die.",
    "i've ruined everything and i'm going to end it after work tomorrow",
    "Crying nonstop, I have nothing left, I've written my note.",
    "I'm just so done. I've got the rope.",
    "nobody wants me around and i'm going to kill myself",
    "I'm in a bad place with my mental health. I'm so tired.",
    "idk what to do about my life. so tired.",
    "I don't know what to do about the thoughts, I'm so tired.",
]


@pytest.mark.parametrize("sentence", MUST_STAY_QUIET)
def test_support_news_and_everyday_words_stay_quiet(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.card != "crisis"
    assert HoldReason.ABUSE not in result.hold_reasons
    assert HoldReason.METHOD not in result.hold_reasons


@pytest.mark.parametrize("sentence", MUST_ALERT)
def test_intent_plans_and_goodbyes_in_the_same_voices_alert(sentence: str) -> None:
    result = screen(sentence)

    assert result.needs_on_duty_alert
