"""Words of a goodbye or of means gathered, said about an errand or a task at home:
"I left a note for my mum about dinner", "I've left a letter for the kids, it's
about the school pick-up", "I have everything I need to do it, the paint came today".

A note for family is how many goodbyes are left, so it is read as everyday only when
the same sentence names the errand it is about and says nothing of blame, sorrow or
love ("a note for my mum so she knows it wasn't her fault" still alerts, and so does
"I've left a note for my family" with nothing more). Means gathered for an unnamed
act are read as everyday only when the sentence, or the one straight after it, names
an ordinary thing for a task (paint, tools, parts, ingredients) and nothing that
could harm. An act left unnamed ("I'm planning how I'll do it") is a task when the
sentence, or one beside it, names a task that needs doing ("the kitchen needs
gutting", "my tax return is due") with nothing that could harm and no time said
straight after the act ("…do it tonight" keeps its weight). Written in our own words,
not from any data set.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context

# A note or a letter left, written or sent (the goodbye and plan patterns).
_NOTE = re.compile(r"\b(?:notes?|letters?)\b")
# Means gathered for an act left unnamed (the resolve factor).
_MEANS_GATHERED = re.compile(
    r"\b(?:everything|all|all\s+the\s+(?:stuff|things))\s+(?:that\s+)?i\s+need\s+to"
    r"\s+(?:do\s+it|go\s+through\s+with\s+it)\b"
)
# What an everyday note is about: a meal, the shopping, the school run, a chore.
_ERRAND = re.compile(
    r"\b(?:dinner|tea\s+(?:is|'s|in)|lunch|breakfast|supper|packed\s+lunch|leftovers"
    r"|(?:the|in\s+the)\s+(?:oven|fridge|freezer|microwave|slow\s+cooker)|shopping"
    r"|groceries|milk|bread|eggs|bins?|recycling|washing|laundry|dishwasher|hoover\w*"
    r"|chores|school\s+(?:run|pick[\s-]?up|trip|uniform|bag|dinners?)|pick[\s-]?up"
    r"|drop[\s-]?off|homework|pe\s+kit|parents'?\s+evening|football|swimming|practice"
    r"|(?:piano|guitar|dance|driving)\s+lessons?|the\s+(?:dog|cat|hamster|fish|plants)"
    r"|feed(?:ing)?\s+the|walk(?:ing)?\s+the\s+dog|the\s+car|keys?|parcel|delivery"
    r"|the\s+post|appointment|dentist|the\s+gp|the\s+doctor'?s|prescription\s+(?:pick"
    r"|collect)|the\s+boiler|heating|pocket\s+money"
    r"|dinner\s+money|babysitter|childminder|plumber|electrician|(?:back|home|in)\s+"
    r"(?:late|by|at|before|after|around|soon)|working\s+late|running\s+late|be\s+back"
    r"\s+(?:by|at|before|after|around|soon|later|for))\b"
)
# Blame, sorrow, love or a reason: a note for family that says these is a goodbye.
_FAREWELL = re.compile(
    r"\b(?:sorry|fault|forgive\w*|blame\w*|love\w*|goodbye|bye|why|miss\w*|gone"
    r"|any\s?more|better\s+off|burden|everything|explain\w*|pieces|last|final|forever"
    r"|for\s+good|find\s+me|found|understand|decision|peace"
    r"|my\s+(?:will|things|stuff|funeral)|passwords?|accounts?|insurance|bank|savings"
    r"|sort\w*\s+(?:out|everything|things)|(?:have|need)\s+to\s+(?:deal|sort|worry|cope))\b"
)
# An ordinary thing for a task, named with means gathered.
_TASK_THING = re.compile(
    r"\b(?:paints?|brush(?:es)?|rollers?|primer|varnish|wallpaper|filler|plaster"
    r"|tiles?|grout|sealant|tools?|tool\s?kit|drill|screws|nails|bolts|parts|spares"
    r"|spare\s+parts|ingredients|flour|sugar|butter|yeast|recipe|icing|materials"
    r"|supplies|wood|timber|planks|fabric|yarn|wool|thread|pattern|sewing\s+machine"
    r"|glue|canvas|clay|seeds|compost|soil|bulbs|kit|gear|equipment|software"
    r"|laptop|batteries|boxes|tent|permit|licen[cs]e|forms?|paperwork"
    r"|(?:the|my|this|our)\s+(?:job|project|course|module|assignment|essay|course\s?work"
    r"|dissertation|exam|recipe|cake|bake|garden|allotment|shed|fence|bathroom"
    r"|kitchen|bedroom|loft|decorating|renovation|move|repair|service|mot))\b"
)
# Anything that could harm, anywhere near: never everyday.
_HARM = re.compile(
    r"\b(?:di(?:e|es|ed|ing)|dead|death|kill\w*|suicid\w*|alive|overdos\w*|pills"
    r"|tablets|paracetamol|meds|medication|rope|noose|cord|belt|blades?|razors?"
    r"|knife|knives|gun|bridge|ledge|roof|tracks|hose|charcoal|bleach|poison\w*"
    r"|wrists?|my\s+(?:life|body)|goodbye|note|letters?|tonight|end\s+it)\b"
)
# Things that could be a means, beside means gathered: a ladder may be for painting,
# but "everything I need to do it" and a ladder is never read as everyday.
_MEANS_NEAR = re.compile(
    r"\b(?:helium|nitrogen|gas|exhaust|tubing|pipe|petrol|fuel|lighter|bag|tape"
    r"|cables?|ties|straps?|chain|ladder|stool|hook|beam|hammer)\b"
)


# An act left unnamed ("I'm planning how I'll do it", "I'm going to do it").
_DO_IT = re.compile(r"\b(?:do|go\s+through\s+with)\s+it\s*$")
# A task named as needing doing: "the kitchen needs gutting", "the tax return is due",
# "the garden won't weed itself".
_DONE = (
    r"(?:done|sorted|fixed|finished|painted|cleaned|cleared|replaced|redone|emptied"
    r"|mown|weeded|tidied|built|booked|filed|submitted|handed\s+in|written|marked)"
)
_NEEDS_DOING = re.compile(
    r"\b(?:the|my|our|this|that|his|her|their)\s+(?:\w+\s+){0,2}?(?:(?:needs?|wants?)"
    r"\s+(?:\w+ing|(?:to\s+be\s+)?"
    + _DONE
    + r")|(?:has|have|must)\s+(?:to\s+)?be\s+"
    + _DONE
    + r"|is\s+due|'s\s+due|are\s+due|won'?t\s+\w+\s+(?:itself|themselves))\b"
)
# A time said straight after the act keeps its weight: "…how I'll do it tonight".
_TIME = re.compile(
    r"\b(?:tonight|today|tomorrow|now|soon|this\s+(?:evening|weekend|week|morning"
    r"|afternoon)|when|before|after|once)\b"
)


def _names_a_task(context: Context, start: int, end: int) -> bool:
    """Whether the act left unnamed at ``start:end`` is a task named in its sentence or
    a neighbour ("I'm planning how I'll do it, the kitchen needs gutting"), with nothing
    that could harm, and no time said straight after the act."""
    window_start, window_end = context.sentence(start, end, neighbours=1)
    after = context.text[end:window_end]
    before = context.text[window_start:start]
    task = _NEEDS_DOING.search(after) or _TASK_THING.search(after)
    if task is not None and _TIME.search(after, 0, task.start()):
        return False
    if task is None:
        task = _NEEDS_DOING.search(before) or _TASK_THING.search(before)
    return (
        task is not None
        and not _HARM.search(before + " " + after)
        and not _MEANS_NEAR.search(before + " " + after)
    )


def is_errand(context: Context, start: int, end: int) -> bool:
    """Whether the note, or the means gathered, at ``start:end`` are for an errand or
    a task at home named beside them, with nothing of harm or farewell near."""
    matched = context.text[start:end]
    sentence_start, sentence_end = context.sentence(start, end)
    if _NOTE.search(matched):
        after = context.text[end:sentence_end]
        sentence = context.text[sentence_start:sentence_end]
        return bool(
            _ERRAND.search(after)
            and not _FAREWELL.search(sentence)
            and not _HARM.search(sentence.replace(matched, " "))
        )
    if _MEANS_GATHERED.search(matched):
        # The thing may be named in the same sentence or the one straight after:
        # "I've got everything I need to do it. The tiles came this morning."
        _, window_end = context.sentence(start, end, neighbours=1)
        after = context.text[end:window_end]
        before = context.text[sentence_start:start]
        return bool(
            _TASK_THING.search(after)
            and not _HARM.search(after)
            and not _MEANS_NEAR.search(after)
            and not _HARM.search(before)
        )
    if _DO_IT.search(matched):
        return _names_a_task(context, start, end)
    return False
