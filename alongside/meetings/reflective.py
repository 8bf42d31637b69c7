"""Questions to think through when choosing or reviewing a venue, in our own words.
Shown on the venues page; nothing is stored."""

REFLECTIVE_QUESTIONS = (
    "Would someone arriving alone for the first time find the door, and feel "
    "welcome once through it?",
    "Could anyone be seen going in, and would that matter to the people coming?",
    "If someone needed to step out for a while, where would they go, and could they "
    "come back in without a fuss?",
    "Can people talk without being overheard from the next room or the corridor?",
    "Who else is in the building at that time, and do they know a group meets there?",
    "How would someone leave quickly and quietly if they needed to?",
    "Is the way from the bus stop or the car park well lit and safe after dark?",
    "Does the room feel like a living room or a waiting room, and which would this "
    "group prefer?",
    "What would we do if someone became unwell, and who would we call?",
    "Have we asked the members what would make this place feel safer?",
)
