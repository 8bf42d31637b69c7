"""Every line of the Big List of Naughty Strings, typed into the agreement's text
fields, gets a page or a clear message: never a server error. The PDF survives them
too."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from alongside.agreements.models import AgreementVersion, Proposal
from alongside.agreements.pdf import PrintableAgreement, PrintableItem, render_pdf

from .conftest import Circle, open_proposal

BLNS = Path(settings.BASE_DIR).parent / "shared" / "data" / "security" / "blns.txt"


def _lines() -> list[str]:
    if not BLNS.exists():
        pytest.skip(f"{BLNS} is absent; CI has it beside the clone")
    text = BLNS.read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_naughty_strings_never_break_proposing_or_responding(
    circle: Circle, adopted: AgreementVersion
) -> None:
    proposal: Proposal = open_proposal(circle)
    client = Client(raise_request_exception=False)
    client.force_login(circle.member)
    propose = reverse("agreements:proposal-create", args=[circle.group.pk])
    respond = reverse("agreements:response-save", args=[circle.group.pk, proposal.pk])
    discuss = reverse("agreements:comment-create", args=[circle.group.pk, proposal.pk])
    statuses = set()
    for line in _lines():
        statuses.add(
            client.post(
                propose,
                {"action": "add", "text": line, "why": line, "reason": line},
            ).status_code
        )
        statuses.add(
            client.post(respond, {"choice": "concern", "reason": line}).status_code
        )
        statuses.add(client.post(discuss, {"text": line}).status_code)
    assert statuses <= {200, 302, 400}


def test_naughty_strings_in_the_pdf() -> None:
    lines = _lines()
    agreement = PrintableAgreement(
        group_name=lines[0],
        organisation_name=lines[1],
        version_number=1,
        adopted_on=None,
        review_due_on=None,
        items=[PrintableItem(line, line, False) for line in lines],
        breach_response="\n".join(lines[:50]),
    )
    assert render_pdf(agreement).startswith(b"%PDF")
