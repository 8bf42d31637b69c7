"""The agreed support agreement as a PDF the peer can keep, made with fpdf2 as the
group agreements' PDF is (`alongside.agreements.pdf`), with its character cleaning:
the built-in Helvetica, no fonts shipped, nothing fetched."""

from __future__ import annotations

from fpdf import FPDF

from alongside.agreements.pdf import Writer

from .models import AgreementVersion

SECTIONS = (
    ("What we hope to work towards", "hopes"),
    ("How, where and how often we meet", "meeting"),
    ("Contact between meetings", "contact"),
    ("Boundaries", "boundaries"),
    ("Who else in the organisation will know", "who_else_knows"),
    ("If a meeting is missed", "missed_meeting"),
    ("Ending early, a change, or a complaint", "ending"),
)


def agreement_pdf(version: AgreementVersion) -> bytes:
    """Precondition: the version is agreed and the caller may see it."""
    writer = Writer()
    organisation = version.match.organisation
    pdf = FPDF(format="A4")
    pdf.set_title("Support agreement")
    pdf.set_author("Alongside")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    width = pdf.epw
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(width, 10, "Our support agreement")
    pdf.set_font("Helvetica", "", 10)
    facts = f"Version {version.number}, {writer.clean(organisation.name)}."
    if version.peer_agreed_at and version.supporter_agreed_at:
        agreed_on = max(version.peer_agreed_at, version.supporter_agreed_at)
        facts += f" Agreed by both on {agreed_on:%d %B %Y}."
    pdf.multi_cell(width, 6, facts)
    pdf.multi_cell(
        width,
        6,
        f"Planned length: {version.length_weeks} weeks, looked back on in week "
        f"{version.review_week}.",
    )
    pdf.ln(4)
    for heading, name in SECTIONS:
        pdf.set_font("Helvetica", "B", 13)
        pdf.multi_cell(width, 8, heading)
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(width, 6, writer.clean(str(getattr(version, name))))
        pdf.ln(2)
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(width, 8, "The limits of confidentiality")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(
        width,
        5,
        writer.clean(
            organisation.confidentiality_statement
            or "The organisation has not written its statement yet."
        ),
    )
    if writer.replaced:
        pdf.ln(4)
        pdf.set_font("Helvetica", "I", 9)
        pdf.multi_cell(
            width,
            5,
            "Some characters cannot be shown in this PDF and appear as question "
            "marks. The print view on Alongside shows the agreement in full.",
        )
    return bytes(pdf.output())
