"""Recognisers for personal details that would break a group's confidentiality.

UK formats first: 07… and +44 mobiles and landlines however they are spaced, UK
postcodes, street addresses ("12 Acacia Avenue", "Flat 3, 40 High St"), NHS numbers
(ten digits with a Modulus 11 check digit), plus emails, social media handles ("@name",
"insta: name", "snap me at name") and links. Common US and European address and phone
shapes are recognised too, since people move and quote.

Each recogniser returns spans, so the author can be offered one-click removal.
Freephone and national service numbers (0800, 0808, 116…, 0300…) are reported as
``service_number`` and never held: sharing a helpline is signposting, not a breach.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from alongside.safety.screening.normalise import NormalisedText, Span

# Kinds that are held for review with a redaction offered.
HELD_KINDS = frozenset(
    {
        "phone",
        "email",
        "postcode",
        "street_address",
        "nhs_number",
        "social_handle",
        "profile_link",
    }
)
# Links are fine unless the organisation's policy says no links.
LINK_KINDS = frozenset({"link"})

REPLACEMENTS = {
    "phone": "[phone number removed]",
    "email": "[email removed]",
    "postcode": "[postcode removed]",
    "street_address": "[address removed]",
    "nhs_number": "[NHS number removed]",
    "social_handle": "[username removed]",
    "profile_link": "[profile link removed]",
    "link": "[link removed]",
}


@dataclass(frozen=True, slots=True)
class Detail:
    kind: str
    start: int
    end: int
    confidence: float


# --- emails --------------------------------------------------------------------------
_EMAIL = re.compile(
    r"(?<![\w.+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*"
    r"\.[A-Za-z]{2,}\b"
)
_MAIL_PROVIDERS = (
    r"(?:gmail|googlemail|hotmail|outlook|yahoo|icloud|live|btinternet|aol|proton"
    r"|protonmail|sky|virginmedia|nhs|mail|ymail|msn)"
)
_EMAIL_SPELLED_OUT = re.compile(
    r"(?<![\w.+\-])[A-Za-z0-9][\w.+\-]*\s*(?:\[at\]|\(at\)|\{at\}|\s+at\s+)\s*"
    + _MAIL_PROVIDERS
    + r"\s*(?:\[dot\]|\(dot\)|\{dot\}|\s+dot\s+|\.)\s*(?:com|co\s*(?:\.|\s+dot\s+)?\s*uk"
    r"|net|org)\b",
    re.IGNORECASE,
)

# --- links ---------------------------------------------------------------------------
_TLDS = r"(?:com|org|net|co\.uk|org\.uk|ac\.uk|gov\.uk|nhs\.uk|uk|io|me|ly|gg|info|app|tv|link|page)"
_LINK = re.compile(
    r"(?:\b(?:https?://|www\.)[^\s<>\"']+"
    r"|(?<![@\w.\-])[a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]+)*\." + _TLDS + r"\b"
    r"(?:/[^\s<>\"']*)?)",
    re.IGNORECASE,
)
_PROFILE_SITES = re.compile(
    r"(?:instagram\.com|instagr\.am|facebook\.com|fb\.com|fb\.me|tiktok\.com"
    r"|twitter\.com|(?<![\w.])x\.com|snapchat\.com|wa\.me|t\.me|discord\.gg"
    r"|discord\.com/users|linkedin\.com/in|threads\.net|bsky\.app|onlyfans\.com"
    r"|reddit\.com/u(?:ser)?/|youtube\.com/@)",
    re.IGNORECASE,
)

# --- social handles ------------------------------------------------------------------
_PLATFORMS = (
    r"(?:insta(?:gram)?|ig|snap(?:chat)?|sc|tik\s?tok|tt|twitter|discord|kik|telegram"
    r"|whats\s?app|facebook|fb|threads|bluesky|reddit|steam|xbox|psn|twitch|skype)"
)
_HANDLE_AT = re.compile(
    r"(?<![\w@.])@(?=[A-Za-z0-9_.]*[A-Za-z])[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"
)


def _handle_name(group: str) -> str:
    return (
        r"@?(?P<" + group + r">[A-Za-z0-9_][A-Za-z0-9_.#]{1,30}[A-Za-z0-9_])(?![\w#])"
    )


_HANDLE_CONTEXT = re.compile(
    r"(?:\b"
    + _PLATFORMS
    + r"\s*(?:name|handle|username|user|id)?\s*(?:[:=\-]|is|\bat\b)\s*"
    + _handle_name("name1")
    + r"|\b(?:add|follow|message|msg|dm|snap|hmu|hit\s+me\s+up|find|text|ping)"
    r"\s+me\s+(?:on\s+"
    + _PLATFORMS
    + r"\s*(?:[:\-]|\bat\b)?|at|@)\s*"
    + _handle_name("name2")
    + r"|\bmy\s+"
    + _PLATFORMS
    + r"\s+(?:is|=|:)\s*"
    + _handle_name("name3")
    + r")",
    re.IGNORECASE,
)
_NOT_A_NAME = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "the",
        "if",
        "so",
        "too",
        "as",
        "at",
        "on",
        "in",
        "to",
        "me",
        "my",
        "you",
        "your",
        "it",
        "its",
        "is",
        "was",
        "be",
        "are",
        "then",
        "than",
        "there",
        "here",
        "this",
        "that",
        "please",
        "pls",
        "plz",
        "anytime",
        "any",
        "time",
        "tonight",
        "later",
        "soon",
        "sometime",
        "whenever",
        "guys",
        "everyone",
        "anyone",
        "someone",
        "x",
        "xx",
        "xxx",
        "lol",
        "haha",
        "if",
        "ok",
        "okay",
        "yes",
        "no",
        "not",
        "now",
        "just",
        "maybe",
        "cos",
        "because",
        "but",
        "sure",
        "thanks",
        "thank",
        "first",
        "again",
        "all",
        "though",
        "instead",
        "aswell",
        "also",
    ]
)

# --- phone numbers and NHS numbers ---------------------------------------------------
_PHONE_CANDIDATE = re.compile(
    r"(?<![\w+/.\-])(?:\+|00)?\s?\(?\+?\d[\d \t().\-]{5,22}\d"
    r"(?:\s?(?:x|ext\.?|extension)\s?\d{1,5})?(?![\w/]|[.\-]\d)",
    re.IGNORECASE,
)
_SEVEN_DIGIT = re.compile(r"(?<![\w+/.\-])\d{3}[.\-]\d{4}(?![\w/]|[.\-]\d)")
_DATE_LIKE = re.compile(r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}$")
_SERVICE_PREFIXES = ("0800", "0808", "0300", "0330", "0333", "0343", "0344", "0345",
                     "0370", "0371", "0845", "0843", "0844", "0870", "0871", "116",
                     "111", "999", "112")  # fmt: skip
_NHS_CANDIDATE = re.compile(r"(?<![\w+])\d{3}[ \-]?\d{3}[ \-]?\d{4}(?!\w)")
_NHS_CONTEXT = re.compile(r"\bnhs\b|\bchi\b|health\s+service", re.IGNORECASE)

# --- postcodes -----------------------------------------------------------------------
_POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|(?:[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?))"
    r" ?[0-9][ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)

# --- street addresses ----------------------------------------------------------------
_STRONG_SUFFIXES = (
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
    r"(?P<suffix>(?:" + _STRONG_SUFFIXES + r"|" + _WEAK_SUFFIXES + r"))\b\.?"
    r"(?P<tail>(?:,?\s*(?:apt|apartment|suite|ste|unit|flat|#)\.?\s*#?\d{1,5}[a-z]?)?)",
    re.IGNORECASE,
)
_STRONG_SUFFIX_SET = frozenset(_STRONG_SUFFIXES.split("|"))
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
_NUMBER_AFTER = re.compile(
    r"(?:\b(?:"
    + _LEADING_TYPES
    + r")\s+(?:(?:d[aeiou]s?|de|del|della|di|do|la|le|les|los"
    r"|las|du|des|der|den|van|von|el|al|of|the)\s+|[A-ZÀ-Ýa-zß][\w'’.\-]*,?\s+){0,4}?"
    r"|(?<![\w-])(?:[A-ZÀ-Ý][\w'’\-]*+\.?\s+){0,3}[A-ZÀ-Ý]?[\w'’\-]*?(?:street|st\.|road|rd\."
    r"|avenue|ave\.|lane|drive|close|crescent|terrace|gardens|way|place|square|strasse"
    r"|straße|str\.|weg|gasse|allee|platz|ring|damm|laan|straat|gracht|plein|steeg|kade|vej"
    r"|gade|gatan|vägen|veien|gata|katu|tie|utca|ulica|sokak|caddesi)\s*)"
    r",?\s*(?:n[oº°r]\.?\s*|#\s*|number\s+)?\d{1,5}[a-zA-Z]?(?:\s?[-/]\s?\d{1,5}[a-zA-Z]?)?"
    r"(?![\w.,]\d|\d)",
    re.IGNORECASE,
)
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


def _nhs_checksum_ok(digits: str) -> bool:
    """The NHS number's Modulus 11 check: weights 10..2 over the first nine digits."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(
        int(digit) * weight
        for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        check = 0
    if check == 10:
        return False
    return check == int(digits[9])


def is_valid_nhs_number(value: str) -> bool:
    return _nhs_checksum_ok(re.sub(r"[\s\-]", "", value))


def _overlaps(found: list[Detail], start: int, end: int) -> bool:
    return any(detail.start < end and start < detail.end for detail in found)


def _emails(text: str) -> Iterator[Detail]:
    for pattern in (_EMAIL, _EMAIL_SPELLED_OUT):
        for match in pattern.finditer(text):
            yield Detail("email", match.start(), match.end(), 0.95)


def _links(text: str) -> Iterator[Detail]:
    for match in _LINK.finditer(text):
        value = match.group(0)
        trimmed = value.rstrip(".,;:!?)]}'\"")
        end = match.start() + len(trimmed)
        kind = "profile_link" if _PROFILE_SITES.search(trimmed) else "link"
        yield Detail(kind, match.start(), end, 0.9)


def _handles(text: str) -> Iterator[Detail]:
    for match in _HANDLE_AT.finditer(text):
        yield Detail("social_handle", match.start(), match.end(), 0.8)
    for match in _HANDLE_CONTEXT.finditer(text):
        name = next(
            (
                value
                for key, value in match.groupdict().items()
                if key.startswith("name") and value
            ),
            None,
        )
        if (
            not name
            or name.lower() in _NOT_A_NAME
            or (name.isdigit() and len(name) < 5)
        ):
            continue
        yield Detail("social_handle", match.start(), match.end(), 0.85)


def _classify_number(text: str, start: int, end: int) -> Detail | None:
    value = text[start:end].strip()
    if _DATE_LIKE.match(value):
        return None
    digits = re.sub(r"\D", "", value.split("x")[0].split("X")[0].split("ext")[0])
    international = value.startswith(("+", "00", "(+"))
    context = text[max(0, start - 40) : start]
    if len(digits) == 10 and _nhs_checksum_ok(digits):
        groups = re.fullmatch(r"\d{3}[ \-]?\d{3}[ \-]?\d{4}", value)
        if _NHS_CONTEXT.search(context) or (
            groups and not value.startswith("0") and "-" not in value
        ):
            return Detail("nhs_number", start, end, 0.9)
    if _NHS_CONTEXT.search(context) and len(digits) == 10:
        return Detail("nhs_number", start, end, 0.6)
    if international:
        national = digits[2:] if value.startswith("00") else digits
        if national.startswith("44"):
            rest = national[2:].lstrip("0")
            if rest.startswith(("800", "808", "300", "330", "345", "370")):
                return Detail("service_number", start, end, 0.9)
        if 8 <= len(digits) <= 15:
            return Detail("phone", start, end, 0.95)
        return None
    if digits.startswith("0"):
        if digits.startswith(_SERVICE_PREFIXES):
            return Detail("service_number", start, end, 0.9)
        if 10 <= len(digits) <= 12:
            return Detail("phone", start, end, 0.95)
        return None
    if digits.startswith(_SERVICE_PREFIXES) and len(digits) <= 6:
        return Detail("service_number", start, end, 0.9)
    if len(digits) == 10 or (len(digits) == 11 and digits.startswith("1")):
        return Detail("phone", start, end, 0.85)
    digit_groups = re.findall(r"\d+", value)
    if (
        7 <= len(digits) <= 15
        and len(digit_groups) >= 2
        and all(2 <= len(group) <= 4 for group in digit_groups)
        and not all(len(g) == 4 and g.startswith(("19", "20")) for g in digit_groups)
    ):
        # Grouped like a phone number written the way many countries write them.
        return Detail("phone", start, end, 0.6)
    return None


# What follows a building number: a street name ending in a street-type word.
_STREET_FOLLOWS = re.compile(
    r"[ \t]+(?:[A-Z][\w'’.\-]*[ \t]+){1,4}(?i:" + _STRONG_SUFFIXES + r")\b"
)


def _numbers(text: str) -> Iterator[Detail]:
    for match in _PHONE_CANDIDATE.finditer(text):
        start, end = match.start(), match.end()
        # The candidate may start with a space after the optional "+".
        while start < end and text[start] == " ":
            start += 1
        detail = _classify_number(text, start, end)
        # Loosely grouped digits just before a street name are a building and house
        # number ("1200 45 Mill Road"), not a phone number.
        if (
            detail is not None
            and detail.kind == "phone"
            and detail.confidence <= 0.6
            and _STREET_FOLLOWS.match(text, end)
        ):
            continue
        if detail is not None:
            yield detail
    for match in _SEVEN_DIGIT.finditer(text):
        yield Detail("phone", match.start(), match.end(), 0.6)
    for match in _NHS_CANDIDATE.finditer(text):
        context = text[max(0, match.start() - 40) : match.start()]
        if _NHS_CONTEXT.search(context) and is_valid_nhs_number(match.group(0)):
            yield Detail("nhs_number", match.start(), match.end(), 0.95)


_DIGITS = re.compile(r"\d{1,5}")


def _number_after_matches(text: str) -> Iterator[re.Match[str]]:
    """``_NUMBER_AFTER`` read only near digits: every match ends in a number, and the
    pattern is slow to try at every word of a long post without one."""
    windows: list[list[int]] = []
    for digits in _DIGITS.finditer(text):
        start, end = max(0, digits.start() - 120), min(len(text), digits.end() + 8)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    for start, end in windows:
        yield from _NUMBER_AFTER.finditer(text, start, end)


def _addresses(text: str) -> Iterator[Detail]:
    # First, so the flat or suite line below does not take the street's number.
    for match in _ADDRESS_BLOCK_LINE.finditer(text):
        yield Detail("street_address", match.start("street"), match.end("street"), 0.8)
    for match in _STREET.finditer(text):
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
        if len(name) >= 2 and not any(
            word.lower().strip(".,'’") in _STREET_NAME_STOPWORDS for word in name[:-1]
        ):
            yield Detail("street_address", match.start(), match.end(), 0.7)
    for pattern in (_PO_BOX, _EUROPEAN_STREET, _MILITARY, _SECONDARY_UNIT):
        for match in pattern.finditer(text):
            yield Detail("street_address", match.start(), match.end(), 0.75)
    for match in _POSTCODE.finditer(text):
        value = match.group(0)
        # Lower-case letters and digits run together are too often something else.
        if value.islower() and " " not in value:
            continue
        yield Detail("postcode", match.start(), match.end(), 0.9)
    for match in _NAMED_STREET.finditer(text):
        yield Detail("street_address", match.start("street"), match.end("street"), 0.7)
    # Last, so a street, a PO box or a postcode after the cue is named as such.
    for match in _ADDRESS_CUE.finditer(text):
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


def _with_neighbouring_numbers(
    text: str, detail: Detail, found: list[Detail]
) -> Detail:
    if detail.kind != "street_address":
        return detail
    start, end = detail.start, detail.end
    before = _NUMBER_BEFORE.search(text, max(0, start - 16), start)
    if before and not _overlaps(found, before.start(), start):
        start = before.start()
    after = _NUMBER_AFTER_STREET.match(text[end : end + 20])
    if after and not _overlaps(found, end, end + after.end()):
        end += after.end()
    parts_end = _with_following_parts(text, end)
    # A UK postcode stays its own detail, so each can be removed on its own.
    postcode = _POSTCODE.search(text, end, parts_end)
    if postcode:
        parts_end = end
    if parts_end > end and not _overlaps(found, end, parts_end):
        end = parts_end
    return Detail(detail.kind, start, end, detail.confidence)


def find_personal_details(view: NormalisedText) -> list[Detail]:
    """Every personal detail in the ``details`` view, without overlaps.

    Earlier recognisers win where two overlap: emails, then links, handles, numbers,
    addresses and postcodes (an address and its postcode are kept apart so each can be
    removed on its own).
    """
    text = view.text
    found: list[Detail] = []
    for recogniser in (_emails, _links, _handles, _numbers):
        for detail in recogniser(text):
            if not _overlaps(found, detail.start, detail.end):
                found.append(detail)
    for detail in _addresses(text):
        if not _overlaps(found, detail.start, detail.end):
            found.append(_with_neighbouring_numbers(text, detail, found))
    found.sort(key=lambda detail: detail.start)
    return found


def to_original(view: NormalisedText, detail: Detail) -> Span:
    return view.to_original(detail.start, detail.end)
