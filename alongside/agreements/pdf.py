"""The current agreement as a PDF, for in-person groups to bring to a meeting.

Made with fpdf2: pure Python, installs from PyPI with no system libraries, and needs
nothing from the network when it runs. It uses the PDF's built-in Helvetica, so no
font files are shipped; characters that font cannot show are replaced, and the PDF
then says so and points to the print view, which shows everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fpdf import FPDF

SUBSTITUTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u2022": "-",
        "\u00a0": " ",
    }
)


@dataclass(frozen=True)
class PrintableItem:
    text: str
    why: str
    is_baseline: bool


@dataclass(frozen=True)
class PrintableAgreement:
    group_name: str
    organisation_name: str
    version_number: int | None
    adopted_on: date | None
    review_due_on: date | None
    items: list[PrintableItem]
    breach_response: str


class Writer:
    """Cleans text for the built-in Helvetica: curly quotes and dashes become plain
    ones, and any other character the font cannot show becomes "?", noting that it
    did so (`replaced`) so the PDF can say so. Used by every PDF Alongside makes."""

    def __init__(self) -> None:
        self.replaced = False

    def clean(self, text: str) -> str:
        text = text.translate(SUBSTITUTES)
        out = []
        for char in text:
            if char in "\n\t" or (32 <= ord(char) < 256 and not 127 <= ord(char) < 160):
                out.append(char)
            else:
                self.replaced = True
                out.append("?")
        return "".join(out)


def render_pdf(agreement: PrintableAgreement) -> bytes:
    writer = Writer()
    pdf = FPDF(format="A4")
    pdf.set_title(writer.clean(f"Group agreement - {agreement.group_name}"))
    pdf.set_author("Alongside")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    width = pdf.epw

    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(width, 10, writer.clean(agreement.group_name))
    pdf.set_font("Helvetica", "", 12)
    pdf.multi_cell(width, 7, writer.clean("Our group agreement"))
    pdf.set_font("Helvetica", "", 10)
    facts = []
    if agreement.version_number:
        facts.append(f"Version {agreement.version_number}")
    if agreement.adopted_on:
        facts.append(f"last agreed {agreement.adopted_on:%d %B %Y}")
    if agreement.review_due_on:
        facts.append(f"next review due {agreement.review_due_on:%d %B %Y}")
    if facts:
        pdf.multi_cell(width, 6, writer.clean(", ".join(facts) + "."))
    pdf.ln(4)

    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(width, 8, "What we agree")
    pdf.ln(1)
    if not agreement.items:
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(width, 6, "The group has not agreed any items yet.")
    for number, item in enumerate(agreement.items, start=1):
        pdf.set_font("Helvetica", "B", 11)
        pdf.multi_cell(width, 6, writer.clean(f"{number}. {item.text}"))
        pdf.set_font("Helvetica", "", 10)
        if item.is_baseline:
            pdf.multi_cell(
                width,
                5,
                writer.clean(
                    f"   Included by {agreement.organisation_name} in every group."
                ),
            )
        if item.why:
            pdf.multi_cell(width, 5, writer.clean(f"   Why this matters: {item.why}"))
        pdf.ln(2)

    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(width, 8, "If an agreement is not kept")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(
        width,
        6,
        writer.clean(
            agreement.breach_response or "The group has not written this yet."
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
