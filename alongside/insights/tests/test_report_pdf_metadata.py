"""The commissioner's PDF tells readers and screen readers what it is: its title
(shown in place of the file's name), its language, and a bookmark for each
section, so that a reader can move between them."""

from __future__ import annotations

import re
from datetime import date

import pytest

from alongside.insights.report import gather
from alongside.insights.report_pdf import render_report_pdf
from alongside.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_pdf_carries_its_title_language_and_section_bookmarks() -> None:
    organisation = OrganisationFactory.create()

    pdf = render_report_pdf(
        gather(organisation, 4, today=date(2026, 7, 15)),
        made_on=date(2026, 7, 15),
    )

    assert b"/Title (Peer support figures, 2025 Q3 to 2026 Q2)" in pdf
    assert b"/Lang (en-GB)" in pdf
    assert b"/DisplayDocTitle true" in pdf
    assert re.search(rb"/Outlines \d+ 0 R", pdf)
    bookmarks = re.findall(rb"/Title \(([^)]*)\)", pdf)
    assert b"Felt safety after one-to-one meetings" in bookmarks
    assert b"How these figures are made" in bookmarks
