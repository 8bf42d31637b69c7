"""Recognisers for personal details that would break a group's confidentiality.

UK formats first: 07… and +44 mobiles and landlines however they are spaced, UK
postcodes, street addresses ("12 Acacia Avenue", "Flat 3, 40 High St"), NHS numbers
(ten digits with a Modulus 11 check digit), plus emails, social media handles ("@name",
"insta: name", "snap me at name") and links. Common US and European address and phone
shapes are recognised too, since people move and quote.

Each recogniser returns spans, so the author can be offered one-click removal.
Freephone and national service numbers (0800, 0808, 116…, 0300…) are reported as
``service_number`` and never held: sharing a helpline is signposting, not a breach.

The parts: ``kinds`` (what a detail is and which kinds are held), ``online``
(emails, links and social handles), ``numbers`` (phone and NHS numbers) and
``addresses`` (postcodes and street addresses).
"""

from __future__ import annotations

from alongside.safety.screening.normalise import NormalisedText, Span
from alongside.safety.screening.personal_details.addresses import (
    find_addresses,
    with_neighbouring_numbers,
)
from alongside.safety.screening.personal_details.kinds import (
    HELD_KINDS,
    LINK_KINDS,
    REPLACEMENTS,
    Detail,
    overlaps,
)
from alongside.safety.screening.personal_details.numbers import (
    find_numbers,
    is_valid_nhs_number,
)
from alongside.safety.screening.personal_details.online import (
    find_emails,
    find_handles,
    find_links,
)

__all__ = [
    "HELD_KINDS",
    "LINK_KINDS",
    "REPLACEMENTS",
    "Detail",
    "find_personal_details",
    "is_valid_nhs_number",
    "to_original",
]


def find_personal_details(view: NormalisedText) -> list[Detail]:
    """Every personal detail in the ``details`` view, without overlaps.

    Earlier recognisers win where two overlap: emails, then links, handles, numbers,
    addresses and postcodes (an address and its postcode are kept apart so each can be
    removed on its own).
    """
    text = view.text
    found: list[Detail] = []
    for recogniser in (find_emails, find_links, find_handles, find_numbers):
        for detail in recogniser(text):
            if not overlaps(found, detail.start, detail.end):
                found.append(detail)
    for detail in find_addresses(text):
        if not overlaps(found, detail.start, detail.end):
            found.append(with_neighbouring_numbers(text, detail, found))
    found.sort(key=lambda detail: detail.start)
    return found


def to_original(view: NormalisedText, detail: Detail) -> Span:
    return view.to_original(detail.start, detail.end)
