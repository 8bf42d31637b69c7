"""Method detail that tells itself: specifics that need no other word of harm.

``method`` holds a means only beside a specific and a word of harm. Some specifics are
plain on their own: a supply of medicine saved up or counted out, a height or a named
place judged for a plan, a lethal dose asked about, setting oneself alight, driving
into water, getting onto a railway line, where to buy blades, how to cut, and a chosen
point for a ligature. Each is held here when it is in the writer's own voice or a
question, never in a report, a quotation, the writer's past or words to someone else.

When such detail (or any method detail) is in the writer's own voice now, it is also a
plan: ``is_own_plan`` says so, and the person on duty is alerted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import alongside.safety.screening.scan as scan
from alongside.safety.screening.context import Context
from alongside.safety.screening.risk import (
    URGENCY_IMMEDIATE,
    RiskAssessment,
    RiskFinding,
)
from alongside.safety.screening.stance import Stance, stance_of

# Medicines people name, beyond the common ones ``method`` knows.
_MEDICINES = (
    r"(?:paracetamol|co-?codamol|codeine|tramadol|ibuprofen|aspirin|sertraline|citalopram"
    r"|fluoxetine|amitriptyline|mirtazapine|quetiapine|olanzapine|lithium|diazepam"
    r"|zopiclone|propranolol|venlafaxine|pregabalin|gabapentin|promethazine|nytol"
    r"|insulin|morphine|oxycodone|antidepressants|painkillers|sleeping\s+(?:pills|tablets)"
    r"|(?:heart|blood\s+pressure|iron)\s+(?:pills|tablets)|pills|tablets|meds|medication)"
)
# Ten or more ("a dozen" is found from "dozen", so no match starts at every "a").
_MANY = (
    r"(?:\d{2,}|dozen|hundred|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|eleven|twelve|fifteen)(?:[\s-]\w+)?"
)
_INTENDING = (
    r"(?:i'll|ill|going\s+to|gonna|want\s+to|wanna|planning\s+to"
    r"|thinking\s+(?:about|of)|tempted\s+to|could\s+just|might\s+just|urge\s+to)"
)
# A bridge by its name ("the Clifton Suspension Bridge"), not a bridge described.
_NAMED_PLACE = (
    r"(?:beachy\s+head|golden\s+gate|(?!(?:a|an|the|this|that|my|our|their|his|her|some"
    r"|any|local|nearest|railway|foot|road|rail|toll|same|big|small|little|old|new|giant"
    r"|huge|massive|high|tall|long|stone|wooden|iron|metal|nearby|busy|main|next|first"
    r"|other)\s)[a-z]+\s+(?:suspension\s+)?bridge)"
)
_TOLD = re.compile(
    # One word boundary before every kind, so ``scan`` tries the pattern only where
    # one of its first words is.
    r"\b(?:"
    # A supply saved up, hidden or counted towards "enough".
    r"(?:stockpil\w*|hoard\w*|stash\w*)\s+(?:all\s+)?(?:up\s+)?(?:of\s+)?(?:my\s+|the\s+"
    r"|his\s+|her\s+|some\s+)?(?:\w+'s\s+)?" + _MEDICINES + r"\b"
    r"|" + _MANY + r"\s+(?:of\s+)?(?:my\s+|the\s+)?(?:\w+\s+)?" + _MEDICINES + r"\s+"
    r"(?:saved|stashed|hidden|stockpiled|put\s+(?:away|aside)|set\s+aside|counted\s+out)\b"
    r"|more\s+" + _MEDICINES + r"\s+(?:to\s+have|and\s+i'?ll\s+have|until\s+i\s+have"
    r"|till\s+i\s+have)\s+enough\b"
    # A height or a place judged high enough.
    r"|(?:car\s+park|multi[\s-]?storey|bridge|building|tower|block\s+of\s+flats|flats"
    r"|library|hospital|roof|rooftop|cliffs?|balcony|floors|storeys|viaduct|quarry"
    r"|top\s+floor)\b[^.!?\n]{0,50}\b(?<!not\s)(?<!n't\s)(?:high|tall)\s+enough\b"
    # Jumping from a place by its name.
    r"|(?:jump\w*|throw\s+myself)\s+(?:off|from)\s+(?:the\s+)?" + _NAMED_PLACE + r"\b"
    # Setting oneself alight; driving into water or a wall.
    r"|set\s+(?:fire|light)\s+to\s+myself\b|set\s+myself\s+(?:on\s+fire|alight|ablaze)\b"
    r"|(?:douse|drench)\s+myself\b|burn\s+myself\s+(?:alive|to\s+death)\b"
    r"|" + _INTENDING + r"\s+(?:just\s+)?(?:drive|crash|steer|swerve)\s+(?:my\s+car\s+"
    r"|the\s+car\s+)?(?:into|off|in\s+front\s+of)\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:river|sea"
    r"|canal|reservoir|lake|wall|tree|lorry|bridge|cliff|oncoming\s+\w+|quarry)\b"
    # Getting onto a railway line.
    r"|" + _INTENDING + r"\s+(?:\w+\s+){0,2}?(?:be|get|go|walk|climb|lie|stand|step)\s+"
    r"(?:down\s+)?(?:on|onto|on\s+to)\s+the\s+(?:tracks|railway(?:\s+line)?|rails|line)\b"
    # Where to buy blades; how to cut.
    r"|where\s+(?:can|could|do|would|to|should)\s+(?:i\s+|you\s+|u\s+|someone\s+|people\s+)?"
    r"(?:buy|get|find|order|get\s+hold\s+of)\s+(?:some\s+|new\s+|more\s+)?(?:razor\s+)?"
    r"(?:blades|scalpels?|(?:a\s+)?(?:stanley|craft)\s+knife|box\s+cutters?)\b"
    r"|cut\w*\s+(?:my\s+)?(?:wrists?|veins?|arms?)\s+(?:\w+\s+){0,2}?(?:properly|lengthways"
    r"|vertically|down\s+the\s+(?:vein|arm))\b|(?:down|along)\s+the\s+veins?\s+not\s+across\b"
    # A chosen point for a ligature.
    r"|(?:rope|noose|ligature|belt|cord)\b[^.!?\n]{0,80}\b(?:know|picked|chosen|found)\s+"
    r"(?:the\s+|which\s+|a\s+)(?:tree|branch|beam|hook|pipe|banister|bannister)\b"
    # A lethal amount asked about.
    r"|(?:lethal|fatal|deadly)\s+(?:dose|amount|quantity)\b"
    r"|how\s+many\s+(?:mg|milligrams|grams)\s+(?:of\s+\w+\s+)?(?:is|would|does|will|to)\b"
    r")"
)
# A named place of danger with a jump or an edge after it (read only when the text
# names a bridge, Beachy Head or the Golden Gate: a name cannot be looked up by its
# first word).
_NAMED_PLACE_AND_EDGE = re.compile(
    r"\b"
    + _NAMED_PLACE
    + r"\b(?=[^.!?\n]{0,80}\b(?:jump\w*|edge|drop|over\s+the\s+side))"
)
_NAMES_A_PLACE = ("bridge", "beachy", "golden gate")
# A word every kind above needs: a post with none of them is not read further (most
# posts, quickly, since looking for a word is far quicker than the whole pattern).
_NEEDS_ONE_OF = (
    "enough", "stockpil", "hoard", "stash", "saved", "hidden", "counted", "aside",
    "away", "jump", "throw", "myself", "drive", "crash", "steer", "swerve", "track",
    "rail", "line", "blade", "scalpel", "knife", "cutter", "cut", "vein", "rope",
    "noose", "ligature", "belt", "cord", "lethal", "fatal", "deadly", "how many",
)  # fmt: skip
# The writer's own stance: method detail is held in these, and not in a report, a
# quotation, the writer's past or words to someone else.
_HELD_STANCES = {Stance.SELF_NOW, Stance.QUESTION, Stance.NEUTRAL}
# A question with a method in it is the writer's own plan when it names an end.
_ENDING = re.compile(
    r"\b(?:end\s+(?:it|my\s+life|things)|kill\s+(?:me|myself)|to\s+die|not\s+wake\s+up"
    r"|be\s+enough|lethal|fatal)\b"
)

# Harm the writer tells as done ("I burned…", "I took…"): a story, not a plan.
_TOLD_IN_PAST = re.compile(
    r"\bi\s+(?:\w+\s+)?(?:burned|burnt|held|pressed|cut|slit|took|swallowed|overdosed"
    r"|jumped|hung|used|did|tried)\b"
)


# Means of self-harm (cutting, burning): detail of them is held, but alone it tells
# of self-harm, not of a plan to end one's life (``risk`` handles self-harm now).
_SELF_HARM_MEANS = re.compile(
    r"\b(?:cut\w*|blades?|razors?|scissors|sharpeners?|burn\w*|blister\w*|lighter|iron"
    r"|cigarettes?|deep|blood|bleed\w*|scratch\w*)\b"
)
_LETHAL_MEANS = re.compile(
    r"\b(?:overdos\w*|rope|noose|belt|ligature|cord|hang\w*|bridge|trains?|tracks"
    r"|railway|jump\w*|floors?|roof|car\s+park|cliffs?|fire|alight|river|sea|drown\w*"
    r"|wrists?|veins?|dose|lethal|" + _MEDICINES[3:-1] + r")\b"
)


def find_told_method(
    context: Context, taken: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Spans of method detail that tells itself, in the writer's own voice, apart
    from those that overlap ``taken`` (already found)."""
    found: list[tuple[int, int]] = []
    text = context.text
    if not any(word in text for word in _NEEDS_ONE_OF):
        return found
    matches = list(scan.finditer(_TOLD, text))
    if any(name in text for name in _NAMES_A_PLACE):
        matches += _NAMED_PLACE_AND_EDGE.finditer(text)
    for match in sorted(matches, key=lambda match: match.start()):
        start, end = match.start(), match.end()
        if any(begin < end and start < finish for begin, finish in taken):
            continue
        if context.is_quoted_lyric(start, end) or context.is_negated(start, window=3):
            continue
        if stance_of(context, start, end) not in _HELD_STANCES:
            continue
        found.append((start, end))
    return found


def _own_plan(context: Context, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first method detail in the writer's own voice now: a plan, not a story."""
    for start, end in spans:
        sentence = context.sentence_text(start, end)
        if _TOLD_IN_PAST.search(sentence) or (
            _SELF_HARM_MEANS.search(sentence) and not _LETHAL_MEANS.search(sentence)
        ):
            continue
        stance = stance_of(context, start, end)
        if stance == Stance.NEUTRAL:
            # No one named near the detail: its subject may come well before.
            stance = stance_of(context, context.sentence(start, end)[0], end)
        if "?" in sentence or stance == Stance.QUESTION:
            if _ENDING.search(sentence):
                return start, end
        elif stance == Stance.SELF_NOW:
            return start, end
    return None


def with_own_plan(
    risk: RiskAssessment, context: Context, spans: list[tuple[int, int]]
) -> RiskAssessment:
    """``risk``, at risk with the highest urgency when method detail is the writer's
    own plan (a supply saved, a place chosen, a dose asked about)."""
    if risk.is_at_risk or risk.is_concern_for_other:
        return risk
    plan = _own_plan(context, spans)
    if plan is None:
        return risk
    finding = RiskFinding("plan", plan[0], plan[1], 0.9)
    return replace(
        risk,
        findings=(*risk.findings, finding),
        is_at_risk=True,
        urgency=URGENCY_IMMEDIATE,
    )
