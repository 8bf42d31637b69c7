"""UK postcodes and street addresses: UK, US, European and military forms, address
blocks over several lines, and streets named after a phrase saying someone lives
there."""

from __future__ import annotations

import re
from collections.abc import Iterator

import alongside.safety.screening.scan as scan
from alongside.safety.screening.personal_details.kinds import Detail, overlaps

# --- postcodes -----------------------------------------------------------------------
_POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|(?:[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?))"
    r" ?[0-9][ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)

# --- street addresses ----------------------------------------------------------------
STRONG_SUFFIXES = (
    r"street|st|road|rd|avenue|ave|lane|ln|drive|close|crescent|terrace|boulevard"
    r"|blvd|gardens|gdns|mews|parkway|pkwy|highway|hwy|court|ct|place|square|sq|grove"
    r"|way|walk|row|parade|cres|dr|pl|ter|terr|cl|wynd|brae|vennel"
)
_WEAK_SUFFIXES = (
    r"hill|park|view|rise|green|circle|cir|trail|trl|loop|plaza|crossing|pike|ridge"
    r"|heights|meadows?|estate|wharf|quay|embankment|causeway|alley|bypass|expressway"
    r"|expy|freeway|fwy|junction|turnpike|vale|villas|cove|creek|glen|harbou?r|haven"
    r"|landing|manor|mill|mount|orchard|path|pines|point|shores?|springs?|summit"
    r"|track|valley|village|vista|wells?|fields|chase|approach|grange|croft|end|side"
    # The rest of the USPS standard street suffixes (Publication 28, appendix C1).
    r"|alley|annex|arcade|bayou|beach|bend|bluffs?|bottom|branch|bridge|brook|brooks|burgs?"
    r"|camp|canyon|cape|centers?|cliffs?|club|common|commons|corners?|courses?|courts|coves"
    r"|creek|crest|curve|dale|dam|divide|drives|estates|extensions?|falls?|ferry|flats?"
    r"|fords?|forest|forges?|forks?|fort|gateway|glens|greens|groves|harbors|hills|hollow"
    r"|inlet|islands?|isle|junctions|keys?|knolls?|lakes?|land|lights?|locks?|lodge|mall"
    r"|manors|meadow|mews|mills|mission|motorway|mountains?|neck|oval|overpass|parks"
    r"|parkways|passage|pines|plains?|ports?|prairie|radial|ramp|rapids?|rest|roads|route"
    r"|run|shoal|shoals|skyway|spur|spurs|squares|stations?|stravenue|stream|streets|throughway"
    r"|trace|trafficway|trailer|tunnel|underpass|unions?|valleys|via|viaduct|views|villages?"
    r"|ville|vistas|walks|ways|wells"
)
_STREET = re.compile(
    r"(?P<unit>(?:\b(?:flat|apartment|apt|unit|suite|ste|room|floor|house)\.?\s*#?"
    r"\d{1,4}[a-z]?\s*,?\s*)?)"
    r"(?<![\w.£$€\-])(?P<number>\d{1,5}[a-z]?(?:\s?[-/]\s?\d{1,5}[a-z]?)?)\s*,?\s+"
    r"(?P<name>(?:[A-Za-z][A-Za-z'’.\-]*\s+){1,4}?)"
    r"(?P<suffix>(?:" + STRONG_SUFFIXES + r"|" + _WEAK_SUFFIXES + r"))\b\.?"
    r"(?P<tail>(?:,?\s*(?:apt|apartment|suite|ste|unit|flat|#)\.?\s*#?\d{1,5}[a-z]?)?)",
    re.IGNORECASE,
)
# Where a street may start: a flat or unit word, or a number not inside a word or a
# price ("£12").
_UNIT_WORD = re.compile(
    r"\b(?:flat|apartment|apt|unit|suite|ste|room|floor|house)", re.IGNORECASE
)
_NUMBER_START = re.compile(r"\d(?<![\w.£$€\-]\d)")
_STRONG_SUFFIX_SET = frozenset(STRONG_SUFFIXES.split("|"))
_STREET_NAME_STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "my",
        "your",
        "our",
        "their",
        "his",
        "her",
        "its",
        "of",
        "in",
        "on",
        "at",
        "to",
        "down",
        "up",
        "for",
        "and",
        "or",
        "with",
        "from",
        "by",
        "into",
        "onto",
        "over",
        "under",
        "across",
        "along",
        "through",
        "around",
        "near",
        "past",
        "than",
        "then",
        "days",
        "day",
        "times",
        "time",
        "years",
        "year",
        "hours",
        "hour",
        "minutes",
        "minute",
        "weeks",
        "week",
        "months",
        "month",
        "miles",
        "mile",
        "km",
        "kilometres",
        "metres",
        "meters",
        "feet",
        "steps",
        "laps",
        "people",
        "kids",
        "children",
        "friends",
        "pills",
        "tablets",
        "i",
        "you",
        "we",
        "they",
        "he",
        "she",
        "it",
        "is",
        "was",
        "were",
        "be",
        "been",
        "am",
        "are",
        "more",
        "less",
        "about",
        "after",
        "before",
        "every",
        "each",
        "this",
        "that",
        "these",
        "those",
        "some",
        "many",
        "few",
        "last",
        "next",
        "first",
        "second",
        "third",
        "other",
        "same",
        "very",
        "really",
        "just",
        "only",
        "also",
        "still",
        "all",
    ]
)
_SECONDARY_UNIT = re.compile(
    r"\b(?:Apt\.?|Apartment|Suite|Ste\.?|Flat)\s*#?\s*\d{1,5}[A-Za-z]?\b", re.IGNORECASE
)
_MILITARY = re.compile(
    r"\b(?:(?:PSC|Unit|USNS|USS|USNV|USCGC)\s+[\w ]{1,24}(?:,\s*Box\s+\d{1,5})?\s*\n?\s*)?"
    r"(?:APO|FPO|DPO)\s+A[AEP]\s+\d{5}\b"
)
_PO_BOX = re.compile(r"\bP\.?\s?O\.?\s+Box\s+\d{1,6}\b", re.IGNORECASE)
_EUROPEAN_STREET = re.compile(
    r"(?:\b[A-ZÄÖÜ][\w'’\-]*(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm"
    r"|laan|straat|gracht|plein|vej|gade|gatan|vägen|veien|katu|tie)\s+\d{1,4}[a-z]?\b"
    r"|\b\d{1,5}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|allée"
    r"|impasse|place|quai|cours)\s+(?:[\w'’\-]+\s+){0,4}[\w'’\-]+"
    r"|\b(?:via|viale|piazza|corso|calle|avenida|avda\.?|paseo|plaza|carrer|rua|travessa"
    r"|largo|praça|ulica|ul\.)\s+(?:[\w'’.\-]+\s+){0,4}?\d{1,5}[a-z]?\b)",
)


# Street-type words that come before the name in many languages ("Via Roma 12",
# "Calle Mayor, 5", "Rua das Flores 45", "ul. Długa 3").
_LEADING_TYPES = (
    r"via|viale|vicolo|piazza|piazzale|corso|largo|strada|calle|avenida|avda\.?|av\.|paseo"
    r"|plaza|camino|carrer|carretera|ronda|travesía|rua|travessa|praça|estrada|alameda"
    r"|rue|avenue|boulevard|bd|chemin|allée|impasse|quai|cours|route|ulica|ul\.|aleja|al\."
    r"|plac|utca|út|strasse|straße|ulitsa|prospekt|jalan|jl\.|calea|bulevardul|str\.|bulevar"
    r"|rr\.|rruga|odos|sokak|caddesi|cd\."
)
# Street-type words that end a name, in English and other languages, when the number
# comes after the name ("Baker Street 221", "Hauptstraße 5", "Kerkstraat 12").
_TRAILING_TYPES = (
    r"street|st\.|road|rd\.|avenue|ave\.|lane|drive|close|crescent|terrace|gardens|way"
    r"|place|square|strasse|straße|str\.|weg|gasse|allee|platz|ring|damm|laan|straat"
    r"|gracht|plein|steeg|kade|vej|gade|gatan|vägen|veien|gata|katu|tie|utca|ulica"
    r"|sokak|caddesi"
)
_NUMBER_AFTER = re.compile(
    r"(?:\b(?:"
    + _LEADING_TYPES
    + r")\s+(?:(?:d[aeiou]s?|de|del|della|di|do|la|le|les|los"
    r"|las|du|des|der|den|van|von|el|al|of|the)\s+|[A-ZÀ-Ýa-zß][\w'’.\-]*,?\s+){0,4}?"
    r"|(?<![\w-])(?:[A-ZÀ-Ý][\w'’\-]*+\.?\s+){0,3}[A-ZÀ-Ý]?[\w'’\-]*?(?:"
    + _TRAILING_TYPES
    + r")\s*)"
    r",?\s*(?:n[oº°r]\.?\s*|#\s*|number\s+)?\d{1,5}[a-zA-Z]?(?:\s?[-/]\s?\d{1,5}[a-zA-Z]?)?"
    r"(?![\w.,]\d|\d)",
    re.IGNORECASE,
)
# Every match of ``_NUMBER_AFTER`` has, before its number, a leading street-type word
# or a trailing one right before the number: digits with neither cannot end one.
_TYPE_BEFORE_NUMBER = re.compile(
    r"\b(?:"
    + _LEADING_TYPES
    + r")\s|(?:"
    + _TRAILING_TYPES
    + r")\s*,?\s*(?:n[oº°r]\.?\s*|#\s*|number\s+)?(?=\d)",
    re.IGNORECASE,
)
# The same words read in a lower-cased text: a case-blind search of a long list of
# words is several times slower than an exact one.
_TYPE_BEFORE_NUMBER_LOWER = re.compile(_TYPE_BEFORE_NUMBER.pattern)
# A street named without a number, after a phrase that says someone lives or is
# staying there ("we live on Orchard Close", "my nan's house is on Mill Lane").
_NAMED_STREET = re.compile(
    r"\b(?i:(?:live|lives|living|lived|stay|stays|staying|moved|moving|house|flat|home"
    r"|place|address|parents|mum'?s|dad'?s|nan'?s|road|street|corner)(?:\s+\w+){0,2}?"
    r"\s+(?:on|at|in|off|to|of|near|along)(?:\s+the)?)\s+"
    r"(?P<street>(?:[A-Z][\w'’\-]*\s+){1,3}(?i:street|st|road|rd|avenue|ave|lane|drive"
    r"|close|crescent|terrace|gardens|mews|grove|place|square|way|boulevard|court|row"
    r"|parade|walk|rise|hill|view)\b\.?)"
)
# The first line of an address block: a building number and a street name on a line
# of their own, with a flat, suite or unit on the next line.
_ADDRESS_BLOCK_LINE = re.compile(
    r"(?m)^[ \t>]*(?P<street>\d{1,5}[A-Za-z]?[ \t]+[A-Z][\w'’.\-]*"
    r"(?:[ \t]+[A-Za-z][\w'’.\-]*){0,3}(?:[ \t]+\d{1,5}[A-Za-z]?)?)[ \t]*,?[ \t]*\n"
    r"(?=[ \t>]*(?i:suite|ste|apt|apartment|unit|flat|floor|room)\.?[ \t]*#?[ \t]*\d)"
)
# Phrases that introduce an address: what follows, up to the end of the clause, is
# treated as an address when it holds a number within a few words.
_ADDRESS_CUE = re.compile(
    r"\b(?:(?:i|we|she|he|they|you)\s+(?:now\s+|still\s+|currently\s+)?(?:live|lives|living"
    r"|reside|resides|stay|stays|staying)\s+(?:at|on)|(?:my|our|his|her|their|the|your|home"
    r"|postal|mailing|billing|shipping|delivery|street|office|new|full|correct)\s+address"
    r"\s*(?:is|was|:|-)?|address\s*:|located\s+at|situated\s+at|based\s+at|moved\s+(?:in\s+)?to"
    r"|(?:send|sent|ship|shipped|deliver|delivered|post|posted|mail|mailed|forward|bring|come)"
    r"\s+(?:it|them|this|that|the\s+\w+|everything|everything|round|over)?\s*to"
    r"|(?:visit|find|meet)\s+(?:me|us)\s+at|lives?\s+(?:at|on)|living\s+at|registered\s+at"
    r"|(?:house|flat|home|apartment|place)\s+(?:is\s+)?(?:at|on))\s+"
    r"(?=[^.!?\n]{0,40}\d)(?P<address>(?:\d|(?-i:[A-Z])|(?:flat|apt|apartment|unit|house"
    r"|number|no\.?)\s)[^.!?\n;]{2,89}?)(?=\s*(?:[.!?\n;]|$|\s(?:and|but|if"
    r"|so|because|since|when|which|where|before|after|for|to)\s))",
    re.IGNORECASE,
)

_DIGITS = re.compile(r"\d{1,5}")
_CALLING_VERBS = frozenset({"ring", "call", "phone", "dial", "text"})


def _number_after_matches(text: str) -> Iterator[re.Match[str]]:
    """``_NUMBER_AFTER`` read only near digits: every match ends in a number, and the
    pattern is slow to try at every word of a long post without one."""
    windows: list[list[int]] = []
    lowered = text.lower()
    # A few letters change length in lower case: then the case-blind words are read.
    same_length = len(lowered) == len(text)
    for digits in scan.finditer(_DIGITS, text):
        start, end = max(0, digits.start() - 120), min(len(text), digits.end() + 8)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    for start, end in windows:
        if (
            _TYPE_BEFORE_NUMBER_LOWER.search(lowered, start, end)
            if same_length
            else _TYPE_BEFORE_NUMBER.search(text, start, end)
        ):
            yield from _NUMBER_AFTER.finditer(text, start, end)


def find_addresses(text: str) -> Iterator[Detail]:
    # First, so the flat or suite line below does not take the street's number.
    for match in scan.finditer(_ADDRESS_BLOCK_LINE, text):
        yield Detail("street_address", match.start("street"), match.end("street"), 0.8)
    # Tried only where a street may start: read everywhere, the case-blind pattern
    # is slow in a long post.
    places = [match.start() for match in scan.finditer(_UNIT_WORD, text)]
    places += [match.start() for match in _NUMBER_START.finditer(text)]
    for match in scan.finditer_at(_STREET, text, places):
        name_words = match.group("name").split()
        if any(
            word.lower().strip(".'’") in _STREET_NAME_STOPWORDS for word in name_words
        ):
            continue
        suffix = match.group("suffix")
        capitalised = (
            all(word[0].isupper() for word in name_words) and suffix[0].isupper()
        )
        if suffix.lower() not in _STRONG_SUFFIX_SET and not capitalised:
            continue
        start = match.start("unit") if match.group("unit") else match.start("number")
        yield Detail("street_address", start, match.end(), 0.85 if capitalised else 0.7)
    for match in _number_after_matches(text):
        name = text[match.start() : match.end()].split()
        # "Ring 999": a call to make, not the German street word.
        if name and name[0].lower() in _CALLING_VERBS:
            continue
        if len(name) >= 2 and not any(
            word.lower().strip(".,'’") in _STREET_NAME_STOPWORDS for word in name[:-1]
        ):
            yield Detail("street_address", match.start(), match.end(), 0.7)
    for pattern in (_PO_BOX, _EUROPEAN_STREET, _MILITARY, _SECONDARY_UNIT):
        for match in scan.finditer(pattern, text):
            yield Detail("street_address", match.start(), match.end(), 0.75)
    for match in scan.finditer(_POSTCODE, text):
        value = match.group(0)
        # Lower-case letters and digits run together are too often something else.
        if value.islower() and " " not in value:
            continue
        yield Detail("postcode", match.start(), match.end(), 0.9)
    for match in scan.finditer(_NAMED_STREET, text):
        yield Detail("street_address", match.start("street"), match.end("street"), 0.7)
    # Last, so a street, a PO box or a postcode after the cue is named as such.
    for match in scan.finditer(_ADDRESS_CUE, text):
        yield Detail(
            "street_address", match.start("address"), match.end("address"), 0.7
        )


# A building or flat number written just before or after a street found elsewhere
# ("Kerkstraat, 12", "12, Rue …", "Main Street 5, apt 3") belongs to the address.
_NUMBER_BEFORE = re.compile(
    r"(?<![\w.,])(?:(?:apt|apartment|flat|unit|suite|no|nr|n[º°])\.?\s*#?\s*)?"
    r"\d{1,5}[a-zA-Z]?\s*[,/\-]?\s*$",
    re.IGNORECASE,
)
_NUMBER_AFTER_STREET = re.compile(
    r"^\s*[,/\-]?\s*(?:(?:apt|apartment|flat|unit|suite|no|nr|n[º°])\.?\s*#?\s*)?"
    r"\d{1,5}[a-zA-Z]?(?![\w.,]\d|\d)",
    re.IGNORECASE,
)


# The rest of a multi-part address after its street: town, region, postcode or zip
# code and country, on the same line after commas or on the next few short lines.
_ADDRESS_PART = re.compile(
    r"[ \t]*(?:,|\n[ \t>]*(?:\n[ \t>]*)?)[ \t]*(?:[A-ZÀ-ÝČŠŽŁ][\w'’.\-]*(?:[ \t]+[A-ZÀ-ÝČŠŽŁa-z][\w'’.\-]*){0,3}"
    r"(?:[ \t]+\d{3,6}(?:[- ]\d{3,4})?)?|\d{3,6}(?:[- ]\d{3,4})?(?:[ \t]+[A-ZÀ-Ý][\w'’.\-]*){0,3})"
    r"(?=[ \t]*(?:[,\n.]|$))"
)
_MAX_ADDRESS_PARTS = 4


def _with_following_parts(text: str, end: int) -> int:
    for _ in range(_MAX_ADDRESS_PARTS):
        part = _ADDRESS_PART.match(text, end)
        if part is None or part.end() - end > 60:
            break
        end = part.end()
    return end


def with_neighbouring_numbers(text: str, detail: Detail, found: list[Detail]) -> Detail:
    if detail.kind != "street_address":
        return detail
    start, end = detail.start, detail.end
    before = _NUMBER_BEFORE.search(text, max(0, start - 16), start)
    if before and not overlaps(found, before.start(), start):
        start = before.start()
    after = _NUMBER_AFTER_STREET.match(text[end : end + 20])
    if after and not overlaps(found, end, end + after.end()):
        end += after.end()
    parts_end = _with_following_parts(text, end)
    # A UK postcode stays its own detail, so each can be removed on its own.
    postcode = _POSTCODE.search(text, end, parts_end)
    if postcode:
        parts_end = end
    if parts_end > end and not overlaps(found, end, parts_end):
        end = parts_end
    return Detail(detail.kind, start, end, detail.confidence)
