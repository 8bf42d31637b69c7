"""Method or graphic self-harm detail: the means, together with specifics.

Talking about self-harm or suicide is welcome; detail that could teach or prompt
someone else is not (Samaritans' guidance for online spaces). A post is held for review
when, within the same sentence or the next, it names a means (medicines, ligatures,
blades, heights, trains, poisons…) together with a specific (a quantity or dose, an
instruction or "how to", a specific height or place, or graphic injury detail) in a
context of harming oneself. "I'm on 100mg of sertraline" (treatment, no harm context)
and "I cut myself last night" (no specifics) are not held; the second gets a
content-warning suggestion instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import alongside.safety.screening.scan as scan
from alongside.safety.screening.context import Context

_DRUGS = (
    r"(?:paracetamol|acetaminophen|tylenol|ibuprofen|aspirin|co-?codamol|codeine|tramadol"
    r"|morphine|sertraline|citalopram|fluoxetine|amitriptyline|mirtazapine|quetiapine"
    r"|olanzapine|lithium|diazepam|valium|zopiclone|antidepressants|sleeping\s+pills|meds)"
)
# Quantities written in words ("thirty", "forty-five", "a hundred", "a couple of dozen").
_NUMBER_WORD = (
    r"(?:(?:a\s+)?(?:couple\s+of\s+)?dozen|(?:a|one|two|three|four|five)\s+hundred|twenty"
    r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|ten|nine|eight|seven|six|five|four)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
)
# Ten or more, in words.
_MANY = (
    r"(?:(?:a\s+)?(?:couple\s+of\s+)?dozen|(?:a|one|two|three|four|five)\s+hundred|twenty"
    r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|ten)(?:[\s-](?:one|two|three|four|five"
    r"|six|seven|eight|nine))?"
)
_FLOOR_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
    r"|twelfth|fifteenth|twentieth|top)"
)
_MEANS = re.compile(
    r"\b(?:pills?|tablets?|capsules?|paracetamol|acetaminophen|tylenol|ibuprofen|aspirin|"
    r"co-?codamol|codeine|tramadol|morphine|oxy\w*|fentanyl|opioids?|sertraline|citalopram|"
    r"fluoxetine|amitriptyline|mirtazapine|quetiapine|olanzapine|lithium|diazepam|valium|"
    r"zopiclone|insulin|antidepressants?|sleeping\s+(?:pills|tablets)|meds|medication|"
    r"overdos\w*|od|rope|noose|ligature|belt|cord|cable|hang\w*|hung|blades?|razors?|"
    r"knife|knives|sharpener|scissors|glass|cut(?:s|ting)?|slit\w*|slash\w*|bleach|poison\w*|"
    r"antifreeze|weedkiller|pesticide|charcoal|carbon\s+monoxide|exhaust|helium|gas|guns?|"
    r"shotgun|rifle|bullets?|bridge|cliff|roof|rooftop|balcony|building|car\s+park|train|"
    r"tracks|railway|motorway|drown\w*|jump\w*|wrists?|veins?|arter(?:y|ies)|throat|neck"
    # More medicines, places, ligatures, blades, burning and railways.
    r"|painkillers|co-?codamol|amitriptyline|stash|cliffs|multi-?storey|tower\s+block"
    r"|quarry|footbridge|viaduct|flyover|floor|scarf|dressing\s+gown\s+cord|banister"
    r"|bannister|scalpels?|box\s+cutters?|stanley\s+knife|craft\s+knife|lighter|iron"
    r"|cigarettes?|boiling\s+water|kettle|hob|straighteners|matches|burn\w*|level\s+crossing"
    r"|platform|station|express|freight|trains|timetable|wardrobe\s+rail|curtain\s+rail"
    r"|door\s*handle|hook|pipe|spoon|hot\s+metal|heated\s+\w+)\b"
)
_SPECIFIC = re.compile(
    # Every kind but one starts at a word boundary: grouped, the boundary is checked
    # once at each place rather than once per kind (several times quicker).
    r"(?:"
    # quantities and doses
    r"\b\d+\s*(?:x\s*)?(?:mg|g|grams?|ml|mcg|pills?|tablets?|caps(?:ules)?|packs?|packets?|"
    r"boxes|bottles?|blisters?|strips?|of\s+(?:them|those|my|the))\b"
    r"|\b\d+\s+(?:of\s+)?(?:my\s+|the\s+|his\s+|her\s+)?(?:\w+\s+)?" + _DRUGS + r"\b"
    r"|\b(?:a|the|two|three|whole|full|entire|couple\s+of|few|dozen)\s+(?:whole\s+|full\s+)?(?:box|bottle"
    r"|packet|pack|strip|blister|handful|dozen|lot)(?:es|s)?\s+of\b|\bhandful\s+of\b"
    r"|\bhow\s+(?:many|much)\b|\benough\s+(?:to|pills|tablets|of)\b"
    r"|\b(?:lethal|fatal|deadly|toxic|overdose)\s+(?:dose|amount|quantity|level)\b"
    # instructions
    r"|\bhow\s+(?:to|do\s+(?:you|i|people)|long\s+(?:does|would|will)|deep|high|far|fast)\b"
    r"|\b(?:the\s+)?(?:best|easiest|quickest|fastest|most\s+painless|painless|surest|"
    r"least\s+painful|most\s+effective|right)\s+(?:way|method|place|spot|dose|amount)\b"
    r"|\bstep\s+(?:one|1|by\s+step)\b|\b(?:you|u)\s+(?:need|have|should|must)\s+to\b"
    r"|\bmake\s+sure\s+(?:you|u|it)\b|\b(?:works?|worked)\s+(?:best|better|faster|quicker)\b"
    r"|\binstructions?\b|\btutorial\b"
    # quantities in words, taking them all, and a stockpile
    r"|\b"
    + _NUMBER_WORD
    + r"\s+(?:of\s+)?(?:my\s+|the\s+|his\s+|her\s+|them\b|those\b)?"
    r"(?:\w+'s\s+)?(?:\w+\s+){0,2}?(?:pills?|tablets?|capsules?|painkillers|co-?codamol"
    r"|" + _DRUGS[3:-1] + r")\b"
    r"|\b(?:take|swallow|down)\s+(?:them|it|the\s+lot)\s+all\b|\b(?:take|taking|took|swallow\w*)\s+all"
    r"\s+(?:\w+\s+)?(?:of\s+)?(?:them|my|the)\b|\ball\s+at\s+once\b|\bthe\s+whole\s+lot\b"
    r"|\bstockpil\w*|\bstash\w*|\bhoard\w*|\b(?:sav(?:ed|ing|e)\s+(?:up|them)|saved-up"
    r"|collect(?:ing|ed)|secret\s+supply|supply\s+of|build(?:ing)?\s+up|keep\s+(?:a\s+few"
    r"\s+)?back|enough\s+(?:saved|to\s+(?:end|kill|die|overdose)))\b"
    r"|\b(?:what|which)\s+(?:amount|dose|quantity)\b|\bstop\s+my\s+heart\b"
    r"|\b(?:i'?ve\s+got|i\s+have|got)\s+(?:over\s+|about\s+|around\s+)?(?:"
    + _MANY
    + r"|\d{2,})\b(?!\s*(?:years?|days?|weeks?|months?|hours?|minutes?|%|quid|pounds|mg))"
    # heights and places tied to a plan
    r"|\b" + _FLOOR_WORD + r"\s+floor\b|\b" + _NUMBER_WORD + r"\s+(?:foot|feet|metres?"
    r"|meters?|storeys?|stories|floors?)\b|\b(?:high|tall|steep)\s+enough\b|\b\w+\s+drop\b"
    r"|\bno\s+(?:barrier|railings?|fence|nets?)\b|\bwhere\s+i(?:'m|\s+am)?\s+(?:going\s+to"
    r"|gonna|will|'ll|plan\s+to)\s+(?:jump|go|do\s+it)\b|\b(?:jump|go)\s+(?:from|off)\s+"
    r"(?:there|the\s+(?:top|roof|edge))\b|\btop\s+of\s+the\b"
    # ligatures with a chosen place
    r"|\b(?:banister|bannister|beam|hook|door\s*handle|loft|wardrobe\s+rail|curtain\s+rail"
    r"|door\s*frame|branch|shed|garage|ceiling)\b|\b(?:strong|sturdy)\s+enough\b"
    r"|\bhold\s+my\s+weight\b|\btied\b"
    # where to get blades, and taking them out of razors and sharpeners
    r"|\bwhere\s+(?:can|do|could|to|would)\s+(?:i|you|u|people|someone)\s+(?:buy|get|find"
    r"|order)\b|\b(?:buy|bought|order|ordered|get|got)\b[^.?!\n]{0,30}\b(?:online|from\s+the"
    r"\s+(?:\w+\s+)?shop)\b|\bwhich\s+shops?\b|\bshops?\s+sells?\b|\btake\s+apart\b"
    r"|\b(?:snap|break|get|take)\s+(?:the\s+)?blades?\s+out\b|\bblades?\s+out\s+of\b"
    r"|\bbought\s+(?:a\s+)?(?:\w+\s+)?(?:pack|box)\s+of\b"
    r"|\b(?:exact|right|perfect|best)\s+(?:spot|place|point)\b"
    # burning, told in detail
    r"|\bblister\w*|\bover\s+and\s+over\b|\buntil\s+(?:it|the\s+skin|my\s+skin)\b"
    r"|\bdeep\s+enough\b|\bpressed\b|\bheat(?:ed)?\s+(?:a|the|up)\b"
    r"|\bwith\s+(?:a\s+|the\s+|my\s+)?(?:cigarettes?|lighters?|irons?|straighteners"
    r"|matches|lit\s+match|kettle)\b|\bin\s+one\s+go\b|\bbe\s+enough\b"
    r"|\bwhich\s+(?:pipe|beam|hook|rail|door|banister|bannister|bridge|building|floor)\b"
    r"|\b(?:about|nearly|almost|over|around)\s+(?:"
    + _MANY
    + r"|\d{2,})\b(?!\s*(?:years?|days?"
    r"|weeks?|months?|hours?|minutes?|%|quid|pounds|mg|miles))"
    r"|\bwait\w*\s+for\s+(?:a|the)\s+(?:\w+\s+)?(?:train|express)\b"
    r"|\bpour(?:ed|ing)?\b|\bbubbl\w*|\bfrom\s+(?:a|the|my)\s+(?:pencil\s+)?sharpener\b)"
    # burning told against the body, ligatures long enough, trains that do not stop,
    # a supply crushed or plentiful
    r"|(?:held|hold|holding|pressed|press|put|used|use|using)\s+(?:a|the|my)\s+(?:heated\s+|hot\s+)?"
    r"(?:lighter|iron|cigarette|flame|match|spoon|knife|metal|coin|\w+)(?:\s+\w+)?\s+(?:to|on|against"
    r"|into)\s+my\s+(?:skin|arms?|thighs?|legs?|wrists?|stomach|hands?|chest|belly|hips?)"
    r"|(?:\b(?:long|sturdy)\s+enough\b|\b(?:doesn'?t|don'?t|won'?t)\s+stop\s+(?:here|at)\b"
    r"|\bplatform\s+edge\b|\bedge\s+of\s+the\s+platform\b|\bcomes?\s+(?:past|by)\b"
    r"|\bcrush(?:ed|ing)?\b|\bthere'?s\s+(?:loads|lots|plenty)\b"
    # railway plans
    r"|\btimetables?\b|\btrain\s+times\b|\bwhen\s+the\s+(?:\w+\s+)?(?:train|express)\s+"
    r"(?:passes|comes|goes)\b|\bcomes?\s+through\b|\bevery\s+hour\b|\b(?:unmanned|level)"
    r"\s+crossing\b|\bin\s+front\s+of\s+(?:it|one|the\s+(?:train|express))\b|\bonto\s+the\s+"
    r"tracks\b|\blie\s+(?:down\s+)?on\s+the\s+(?:tracks|line)\b|\bstand\s+on\s+the\s+line\b"
    # heights and places made specific
    r"|\b\d+(?:st|nd|rd|th)?\s+(?:floor|storey|story)\b|\b\d+\s*(?:ft|feet|foot|metres|meters"
    r"|m|stories|storeys|floors)\s+(?:high|up|tall|drop|down)?\b"
    r"|\b(?:top|edge)\s+(?:floor\s+)?of\s+the\s+\w+\b"
    # graphic injury detail
    r"|\b(?:deep|deeper|deepest|to\s+the\s+bone|fat\s*layer|fatty\s+tissue|tendons?|"
    r"vertical(?:ly)?|down\s+the\s+(?:road|street|arm)|gaping|bleeding\s+(?:out|heavily)|"
    r"bled\s+out|blood\s+(?:everywhere|pouring|gushing|dripping|spurting|all\s+over)|pool\s+of"
    r"\s+blood|stitches|stiches|sutures|butterfly\s+strips|skin\s+(?:split|opened|open)|"
    r"white\s+(?:tissue|layer)|beans|styro)\b)"
)
_HARM_CONTEXT = re.compile(
    r"\b(?:overdos\w*|od'?d?|kill\w*|die|dying|dead|death|suicid\w*|end\s+(?:it|my\s+life|"
    r"things)|self[\s\-]?harm\w*|harm(?:ing)?\s+my\s*self|hurt(?:ing)?\s+my\s*self|cut(?:ting)?\s+"
    r"(?:my\s*self|my\s+(?:arms?|wrists?|legs?|thighs?|stomach|skin))|take\s+(?:them\s+all|all\s+of"
    r"\s+(?:them|my)|the\s+(?:lot|whole))|swallow\w*|lethal|fatal|hang(?:ing)?\s+my\s*self|"
    r"cut(?:ting)?\s+(?:\w+\s+){0,2}(?:deep|deeper|deepest)|fat\s*layer|to\s+the\s+bone|"
    r"stitches|took\s+(?:\w+\s+)?\d{2,}\s+(?:\w+\s+)?(?:pills|tablets|paracetamol|"
    r"meds)|(?:kill|hang|cut|hurt|harm|poison|drown|shoot)\w*\s+(?:your|my|him|her|them|one)"
    r"\s*sel(?:f|ves)|jump(?:ing)?|slit\w*|bleed\w*|bled|blood|relapse\w*|wounds?|scars?|not\s+wake\s+up"
    r"|(?:took|take|taking|swallow\w*|down(?:ed)?)\s+(?:a\s+|like\s+|about\s+|around\s+|over\s+)?(?:"
    + _MANY
    + r"|\d{2,})\b"
    r"(?!\s*(?:mg|ml|minutes?|mins?|hours?|days?|years?|weeks?))"
    r"|(?:held|hold|holding|pressed|press|put)\s+(?:a|the|my)\s+(?:lighter|iron|cigarette"
    r"|flame|match|hot\s+\w+)\s+(?:to|on|against)\s+my|hang(?:ing)?\s+(?:from|off)"
    r"|noose|ligature|stop\s+my\s+heart|take\s+them\s+all|all\s+at\s+once|the\s+whole\s+lot"
    r"|burn(?:ed|t|ing)?\s+(?:my\s*self|my\s+(?:arms?|skin|thighs?|wrists?|legs?|stomach))"
    r"|(?:to|so\s+i\s+can|for|then\s+i|i|use\s+to)\s+cut(?:ting)?\b(?!\s+(?:back|down|out"
    r"|off|up|the|my\s+(?:hair|nails|food|finger)|corners))"
    r"|(?:step|jump|lie|throw\s+myself|walk)(?:\s+out)?\s+(?:down\s+)?(?:in\s+front\s+of|onto|on)\s+"
    r"(?:the|a|one)|stand\s+on\s+the\s+line"
    # Taking a whole supply, or keeping one back: a stockpile is a plan in itself.
    r"|(?:take|taking|took|swallow\w*)\s+(?:(?:them|it|the\s+lot)\s+all|all\s+(?:of\s+)?"
    r"(?:my|them|the|it))|sav(?:ed|ing)\s+(?:(?:them|it)\s+)?up\b|sav(?:ed|ing)\s+(?:all\s+)?"
    r"(?:my|the)\s+(?:\w+\s+)?(?:pills|tablets|meds|medication|prescriptions?|"
    + _DRUGS[3:-1]
    + r")"
    r"|counted\s+out\s+(?:" + _MANY + r"|\d{2,})|(?:is|are|be)\s+enough(?=\s*\?)"
    # Burning told with the body and the means.
    r"|(?:pour|poured|pouring)\s+(?:\w+\s+){0,2}(?:on|over)\s+my\s+(?:arms?|legs?|skin|hands?"
    r"|wrists?|thighs?|stomach|self)"
    # A ligature tied to a chosen point, or a point chosen for one.
    r"|tied?\s+(?:a|the|my)\s+(?:belt|rope|scarf|cord|cable|tie|dressing\s+gown\s+cord)\s+"
    r"(?:to|round|around|onto)\s+(?:the|a|my)\s+(?:door|banister|bannister|beam|hook|rail"
    r"|pipe|loft|hatch|wardrobe|curtain|shower|ceiling|stairs?)"
    r"|(?:will|would|could|can)\s+hold\s+my\s+weight|strong\s+enough\s+(?:for|to\s+hold)\s+"
    r"(?:the|a|my)\s+(?:rope|belt|cord|scarf|weight)|strong\s+enough\s+to\s+hold\s+me"
    r"|where\s+i'?(?:d|ll|\s+would|\s+will|'m\s+going\s+to)\s+(?:tie|hang|do)\s+(?:it|myself)"
    r"|(?:know|decided|picked|chosen)\s+(?:exactly\s+)?(?:which|where)\s+(?:\w+\s+){0,4}?"
    r"(?:to\s+use|i'?ll\s+use|to\s+tie|to\s+go)"
    # Blades taken out of razors or sharpeners.
    r"|(?:blades?|razors?)\s+out\s+of"
    # Waiting by a railway line, or working up to it.
    r"|(?:by|on|onto|near|down\s+to|at)\s+the\s+(?:tracks|railway\s+line|line)\b[^.!?\n]{0,40}"
    r"\bwait\w*|work\s+up\s+the\s+(?:nerve|courage)"
    # Medicines with drink, set ready, hidden, or counted against what "it would take".
    r"|bottle\s+of\s+(?:vodka|wine|whisky|whiskey|gin|rum)|(?:ready|set\s+aside|lined\s+up)\s+"
    r"for\s+(?:tonight|later|the\s+(?:night|weekend))|hid(?:den|e)?\s+(?:a|the|my)\s+(?:cord"
    r"|rope|belt|ligature|blades?|razors?|pills|tablets|stash)|how\s+many\s+(?:\w+\s+){0,4}?"
    r"(?:it\s+would|would\s+it|does\s+it|it\s+will|to)\s+take|(?:use\s+it|go|cut|press)\s+deeper"
    r"|(?:railings?|barriers?|fences?)\s+(?:is|are)\s+(?:lowest|low|lower|broken|missing|gone)"
    r"|(?:held|hold|holding|pressed|press|put|used|use|using)\s+(?:a|the|my)\s+(?:heated\s+|hot\s+)?"
    r"(?:lighter|iron|cigarette|flame|match|spoon|knife|metal|coin|\w+)(?:\s+\w+)?\s+(?:to|on|against"
    r"|into)\s+my\s+(?:skin|arms?|thighs?|legs?|wrists?|stomach|hands?|chest|belly|hips?)"
    r"|(?:cord|rope|belt|scarf|cable)\s+(?:is|was|'s)\s+(?:long|strong)\s+enough"
    r"|(?:blades?|razors?|pills|tablets|cord|rope)\s+(?:\w+\s+)?hidden|hid(?:ing|den|e)?\s+(?:them|it)\b"
    r"|platform\s+edge|edge\s+of\s+the\s+platform|(?:different|separate|several)\s+(?:shops"
    r"|chemists|pharmacies)|so\s+(?:they|nobody|no\s+one)\s+(?:wouldn'?t|won'?t|doesn'?t)\s+"
    r"(?:ask|notice|know)|for\s+when\s+i'?m\s+ready)\b"
)


# How far either side of a means its specific and its context of harm are looked
# for, at most: a sentence and its neighbours, unless they run on much longer.
WINDOW_REACH = 400


@dataclass(frozen=True, slots=True)
class MethodFinding:
    label: str
    start: int
    end: int
    confidence: float


# Taking all of one's medicine as a routine dose: "I'll take all my tablets today as
# prescribed", "…with breakfast as usual". Taking them all is then no method.
_TAKE_ALL = re.compile(r"^(?:take|taking|took|swallow\w*)\s+all\b")
_ROUTINE_DOSE = re.compile(
    r"\b(?:with\s+(?:my\s+|a\s+)?(?:breakfast|food|meals?|dinner|lunch|tea|supper)"
    r"|as\s+(?:usual|prescribed|normal|directed|always)|every\s+(?:day|morning|night"
    r"|evening)|each\s+(?:day|morning|night)|(?:the\s+)?(?:full\s+)?course"
    r"|antibiotics)\b"
)


def find_method_detail(context: Context) -> list[MethodFinding]:
    """Sentences that pair a means with a specific in a context of self-harm."""
    text = context.text
    findings: list[MethodFinding] = []
    read: dict[tuple[int, int], re.Match[str] | None] = {}
    for means in scan.finditer(_MEANS, text):
        if findings and means.start() < findings[-1].end:
            continue
        if context.is_quoted_lyric(means.start(), means.end()):
            continue
        window_start, window_end = context.sentence(
            means.start(), means.end(), neighbours=1
        )
        # A post without full stops is one long sentence: read only near the means.
        window_start = max(window_start, means.start() - WINDOW_REACH)
        window_end = min(window_end, means.end() + WINDOW_REACH)
        # Neighbouring means often share a window: read each window once.
        if (window_start, window_end) not in read:
            window = text[window_start:window_end]
            # The context of harm first: it is quicker to look for, and often absent.
            harmful = _HARM_CONTEXT.search(window) is not None
            read[window_start, window_end] = (
                _SPECIFIC.search(window) if harmful else None
            )
        specific = read[window_start, window_end]
        if specific is None:
            continue
        if _TAKE_ALL.match(specific.group(0)) and _ROUTINE_DOSE.search(
            text, window_start, window_end
        ):
            continue
        if context.is_negated(means.start(), window=3):
            continue
        start = min(means.start(), window_start + specific.start())
        end = max(means.end(), window_start + specific.end())
        findings.append(MethodFinding("method_detail", start, end, 0.8))
    return findings
