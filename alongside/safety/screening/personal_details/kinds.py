"""What a personal detail is, and which kinds are held or offered for removal."""

from __future__ import annotations

from dataclasses import dataclass

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


def overlaps(found: list[Detail], start: int, end: int) -> bool:
    return any(detail.start < end and start < detail.end for detail in found)
