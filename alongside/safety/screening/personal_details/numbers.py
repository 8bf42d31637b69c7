"""Phone numbers (UK first, then international shapes), NHS numbers with their check
digit, and helplines, which are signposting and never held."""

from __future__ import annotations

import re
from collections.abc import Iterator

import alongside.safety.screening.scan as scan
from alongside.safety.screening.personal_details.addresses import STRONG_SUFFIXES
from alongside.safety.screening.personal_details.kinds import Detail

# --- phone numbers and NHS numbers ---------------------------------------------------
_PHONE_CANDIDATE = re.compile(
    r"(?<![\w+/.\-])(?:\+|00)?\s?\(?\+?\d[\d \t().\-]{5,22}\d"
    r"(?:\s?(?:x|ext\.?|extension)\s?\d{1,5})?(?![\w/]|[.\-]\d)",
    re.IGNORECASE,
)
# Each starts with its first digit (the look behind comes after it), so the search
# skips quickly to the digits of a long post.
_SEVEN_DIGIT = re.compile(r"\d(?<![\w+/.\-]\d)\d{2}[.\-]\d{4}(?![\w/]|[.\-]\d)")
_DATE_LIKE = re.compile(r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}$")
_SERVICE_PREFIXES = ("0800", "0808", "0300", "0330", "0333", "0343", "0344", "0345",
                     "0370", "0371", "0845", "0843", "0844", "0870", "0871", "116",
                     "111", "999", "112")  # fmt: skip
_NHS_CANDIDATE = re.compile(r"\d(?<![\w+]\d)\d{2}[ \-]?\d{3}[ \-]?\d{4}(?!\w)")
_NHS_CONTEXT = re.compile(r"\bnhs\b|\bchi\b|health\s+service", re.IGNORECASE)


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
    r"[ \t]+(?:[A-Z][\w'’.\-]*[ \t]+){1,4}(?i:" + STRONG_SUFFIXES + r")\b"
)


def find_numbers(text: str) -> Iterator[Detail]:
    for match in scan.finditer(_PHONE_CANDIDATE, text):
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
    for match in scan.finditer(_SEVEN_DIGIT, text):
        yield Detail("phone", match.start(), match.end(), 0.6)
    for match in scan.finditer(_NHS_CANDIDATE, text):
        context = text[max(0, match.start() - 40) : match.start()]
        if _NHS_CONTEXT.search(context) and is_valid_nhs_number(match.group(0)):
            yield Detail("nhs_number", match.start(), match.end(), 0.95)
