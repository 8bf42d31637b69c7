"""The PDF of the current agreement."""

from __future__ import annotations

from datetime import date

from alongside.agreements.pdf import PrintableAgreement, PrintableItem, render_pdf


def _agreement(text: str) -> PrintableAgreement:
    return PrintableAgreement(
        group_name="A made-up group",
        organisation_name="A made-up service",
        version_number=2,
        adopted_on=date(2030, 1, 2),
        review_due_on=date(2031, 1, 2),
        items=[
            PrintableItem("A baseline item.", "", True),
            PrintableItem(text, "Because it matters.", False),
        ],
        breach_response="A quiet word first.\nThen a conversation.",
    )


def test_pdf_is_a_pdf() -> None:
    output = render_pdf(_agreement("We listen first."))
    assert output.startswith(b"%PDF-")
    assert output.rstrip().endswith(b"%%EOF")


def test_pdf_survives_characters_its_font_cannot_show() -> None:
    output = render_pdf(
        _agreement("Emoji \U0001f49a, Welsh \u0175, Greek \u03a9 \u201cquotes\u201d")
    )
    assert output.startswith(b"%PDF-")


def test_pdf_of_an_empty_agreement() -> None:
    empty = PrintableAgreement("Group", "Service", None, None, None, [], "")
    assert render_pdf(empty).startswith(b"%PDF-")
