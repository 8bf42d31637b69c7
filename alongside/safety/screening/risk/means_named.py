"""Plans told by their means, in words the older patterns lack: a medicine named and
saved up ("I've been saving my oramorph", "stockpiling my pregabalin"), saved "to take
all at once", a means hidden away ("hiding a ligature in my room"), a means named and
then "used on myself" or "used tonight", driving into water, going to the tracks, and
an act followed by not waking ("I'm going to use everything I've got tonight and not
wake up").

Each pattern is ``(label, pattern, confidence, negation-inherent)``, read like those
in ``intent``: a match counts only in the writer's own voice, now, and not when it is
about a task or a time of waking ("…and not wake up until noon"). Written in our own
words, not from any data set.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context

# Medicines that are kept at home and named by people who save them up.
_MEDICINE = (
    r"(?:oramorph|morphine|tramadol|codeine|co-?codamol|co-?dydramol|pregabalin"
    r"|gabapentin|insulin|sertraline|citalopram|fluoxetine|amitriptyline|mirtazapine"
    r"|diazepam|zopiclone|lithium|quetiapine|olanzapine|propranolol|oxycodone"
    r"|fentanyl|painkillers|sleeping\s+(?:pills|tablets)|antidepressants|meds"
    r"|medication|prescriptions?)"
)
# A means one could use on oneself.
_MEANS = (
    r"(?:ligatures?|noose|rope|belt|cord|blades?|razors?|knife|knives|gun|rifle|pistol"
    r"|pills|tablets|" + _MEDICINE + r")"
)
# Taking all of a medicine, said ahead: "I will take all the medicine".
_TAKE_ALL = (
    r"(?:going\s+to|gonna|will|'ll|want\s+to|about\s+to)\s+(?:just\s+)?take\s+(?:all"
    r"|every\s+one)\s+(?:of\s+)?(?:the|my|his|her|their)\s+(?:\w+\s+)?(?:medicines?|pills"
    r"|tablets|" + _MEDICINE + r")\b"
    # Taken back or somewhere is an errand: "…all her pills back to the chemist".
    r"(?!\s+(?:back|to|in|into|out|away|round|with\s+(?:me|us)|for\s+(?:her|him|them))\b)"
)
# The same, for other rules that ask whether a means is named.
MEANS = _MEANS

MEANS_PATTERNS: tuple[tuple[str, str, float, bool], ...] = (
    # A medicine named and saved up, or anything saved "to take all at once".
    (
        "plan",
        r"\b(?:saving|saved|stockpil\w*|hoard\w*|stash\w*|collecting|collected)\s+(?:up\s+)?"
        r"(?:all\s+)?(?:my\s+|the\s+|up\s+my\s+|enough\s+)?(?:\w+\s+)?"
        + _MEDICINE
        + r"\b"
        r"|\b(?:saving|saved|stockpil\w*|hoard\w*|keeping|kept|collecting)\s+(?:\w+\s+){1,3}?"
        r"to\s+take\s+(?:them\s+|it\s+)?all\s+(?:at\s+once|together|in\s+one\s+go)\b"
        # Put by, the verb after: "I've got his morphine put aside".
        r"|\b(?:my|his|her|their|the|mum'?s|dad'?s)\s+(?:\w+\s+)?"
        + _MEDICINE
        + r"\s+(?:put|set|kept|tucked|squirrell?ed|stashed|hidden)\s+(?:aside|away|back|by)\b"
        # Kept safe from someone: "…so he can't take too much", "…locked away".
        r"(?![^.!?\n]{0,40}\b(?:so\s+(?:he|she|they|mum|dad|the\s+kids|nobody|no\s+one)"
        r"\s+(?:can'?t|cannot|doesn'?t|won'?t|isn'?t)|safe\w*|locked|out\s+of\s+reach))"
        # Taking all that was saved: "take everything I've saved".
        r"|\btak(?:e|ing)\s+(?:everything|all|all\s+of\s+what)\s+(?:that\s+)?i'?(?:ve|\s+have)"
        r"\s+(?:been\s+)?(?:saved|saving|stockpiled|collected|kept|hoarded|put\s+(?:aside|by))\b",
        0.85,
        False,
    ),
    # Thinking of using a ligature item at hand: "thinking about using the bedsheet".
    (
        "plan",
        r"\b(?:thinking\s+(?:about|of)|want\s+to|going\s+to|gonna|planning\s+(?:to|on))"
        r"\s+(?:just\s+)?(?:using|use)\s+(?:the|my|a|his|her)\s+(?:bed\s?sheets?|sheets?"
        r"|shoe\s?laces?|ligature|dressing\s+gown\s+cord|cord|cable|flex)\b"
        r"(?!\s+(?:for|to|on|as|in)\b)",
        0.85,
        False,
    ),
    # A means hidden away: "hiding a ligature in my room", "a blade stashed".
    (
        "plan",
        r"\b(?:hiding|hid|hidden|stashed|stashing)\s+(?:away\s+)?(?:a|an|the|my|some)\s+"
        r"(?:\w+\s+)?(?:ligatures?|noose|rope|blades?|razors?|knife|cord)\b",
        0.85,
        False,
    ),
    # A means named, then used on oneself or used soon: "my service knife … using it
    # on myself", "a ligature … I'm going to use it tonight".
    (
        "plan",
        r"\b" + _MEANS + r"\b[^.!?\n]{0,60}?\b(?:going\s+to|gonna|will|'ll|want\s+to"
        r"|thinking\s+(?:about|of)|planning\s+(?:to|on)|i'?m|i\s+am)\s+(?:us(?:e|ing)"
        r"|tak(?:e|ing)|swallow(?:ing)?)\s+(?:it|them)"
        r"(?:\s+on\s+my\s*self\b|(?=\s+(?:tonight|today|now|soon|this\s+(?:evening"
        r"|weekend))\b(?![^.!?\n]{0,20}\b(?:for|on|in|at|with|to\s+(?:cut|make|cook"
        r"|fix|open|trim))\b)))",
        0.85,
        False,
    ),
    # Taking all of a medicine, with a time or all at once, in its sentence: "tonight I
    # will take all the medicine". Finishing a course ("take all the antibiotics") is
    # not it.
    (
        "plan",
        r"\b(?:tonight|today|now)\b[^.!?\n]{0,40}?\b"
        + _TAKE_ALL
        + r"|\b"
        + _TAKE_ALL
        + r"(?=[^.!?\n]{0,40}\b(?:tonight|today|now|at\s+once|together|in\s+one\s+go)\b)"
        # Taken as usual: "with breakfast", "as prescribed", "every day".
        r"(?![^.!?\n]{0,60}\b(?:with\s+(?:my\s+|a\s+)?(?:breakfast|food|meals?|water|dinner"
        r"|lunch|tea)|as\s+(?:usual|prescribed|normal|directed)|every\s+(?:day|morning"
        r"|night)|until|course)\b)",
        0.85,
        False,
    ),
    # An act of taking them all, at the end of its clause: "I've taken them all", "I
    # swallowed the whole box".
    (
        "plan",
        r"\b(?:took|taken|swallowed|downed)\s+(?:the\s+(?:whole|entire)\s+(?:box|packet"
        r"|pack|bottle|lot|strip|tub)|them\s+all|all\s+of\s+them)(?=\s*(?:[.,!;\n]|$))",
        0.85,
        False,
    ),
    # Means saved up, then to be taken: "you said you'd saved up tablets. So have I.
    # I'm going to take them tonight."
    (
        "plan",
        r"\b(?:saved|saving|stockpil\w*|hoard\w*|stash\w*|enough)\b"
        r"(?=[^\n]{0,40}?\b(?:pills|tablets|" + _MEDICINE + r")\b)[^\n]{0,80}?\b"
        r"(?:going\s+to|gonna|'ll|will|about\s+to|planning\s+to)\s+(?:take|swallow)\s+"
        r"(?:them|it)\b(?!\s+(?:back|to|in|out|off|with)\b)",
        0.85,
        False,
    ),
    # A means made ready for a time: "my rifle cleaned and ready for tonight".
    (
        "plan",
        r"\b(?:got|have|'ve\s+got)\s+(?:my|the|a)\s+(?:\w+\s+)?(?:rifle|gun|shotgun"
        r"|pistol|rope|noose|pills|tablets|blades?|razors?)\s+(?:\w+\s+){0,2}?(?:ready"
        r"|loaded|lined\s+up|laid\s+out)(?=\s+(?:for\s+)?(?:tonight|today|now|tomorrow"
        r"|this\s+(?:evening|weekend))\b)",
        0.85,
        False,
    ),
    # Planning how to do an act left unnamed, said at the end of a sentence:
    # "I keep planning how I'd do it." "…how I'll do it, the kitchen…" is a task.
    (
        "plan",
        r"\b(?:planning|planned|worked\s+out|working\s+out|figured\s+out|figuring\s+out)"
        r"\s+(?:exactly\s+)?(?:how|when|where)\s+(?:i'?d|i'?ll|i\s+would|i\s+will"
        r"|i'?m\s+going\s+to|to)\s+do\s+it\b(?=\s*(?:[.!?\n]|$))",
        0.8,
        False,
    ),
    # Driving into water or off a height.
    (
        "intent",
        r"\b(?:driv(?:e|ing)|crash(?:ing)?|steer(?:ing)?|swerv(?:e|ing)|roll(?:ing)?)\s+"
        r"(?:my\s+car\s+|the\s+car\s+)?(?:into|off)\s+(?:a|the)\s+(?:river|sea|canal|lake"
        r"|reservoir|quarry|harbour|cliff|cliffs|bridge|flyover)\b"
        r"(?!\s+(?:district|car\s+park|front|road|side|view|path|walk|centre|cafe))",
        0.75,
        False,
    ),
    # Going to the tracks or the top of a building.
    (
        "plan",
        r"\b(?:going|go|heading|walking|walk|driving|drive)\s+(?:down\s+|up\s+|out\s+)?"
        r"(?:to|on)\s+(?:the\s+)?(?:tracks|railway\s+line|train\s+line|top\s+of\s+the"
        r"\s+(?:car\s+park|multi[\s-]?storey|building|tower))\b",
        0.8,
        False,
    ),
    # An act, then not waking: "going to use everything I've got tonight and not wake
    # up". A time of waking after ("…till noon") is sleeping in.
    (
        "intent",
        r"\b(?:going\s+to|gonna|will|'ll|want\s+to|wanna|plan\s+to|planning\s+to|about\s+to)"
        r"\s+(?:[\w']+\s+){1,7}?and\s+(?:not|never)\s+wake(?:\s+up)?\b"
        r"(?!\s+(?:until|till|til|before|for|early|on\s+time|in\s+time|at\s+\d))",
        0.85,
        False,
    ),
)


# Put by, in the writer's hands: "I've got his morphine put aside".
_PUT_BY = re.compile(
    r"\b(?:put|set|kept|tucked|squirrell?ed|stashed|hidden)\s+(?:aside|away|back|by)\b"
)
_WRITER_HAS = re.compile(r"\b(?:i|i'?ve|i\s+have|i'?m|i\s+am)\b")


def is_kept_by_the_writer(context: Context, start: int, end: int) -> bool:
    """Whether a medicine put by at ``start:end`` is in the writer's hands ("I've got
    his morphine put aside"), whoever it was prescribed for."""
    return bool(_PUT_BY.search(context.text, start, end)) and bool(
        _WRITER_HAS.search(context.clause_before(start))
    )
