"""The plan as a PDF: one A4 page, a wallet-sized card, or large print (18 pt and up).

Made with fpdf2, as the group agreement's PDF is: pure Python, nothing fetched. It
uses the PDF's built-in Helvetica, so characters that font cannot show (emoji, most
scripts beyond Western European) are replaced, and the PDF then says so and points
to the plan's page, which shows everything. The title is neutral ("My plan").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

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
REPLACED_NOTE = (
    "Some characters cannot be shown in this PDF and appear as question marks. "
    "Your plan on Alongside shows everything."
)


class Layout(StrEnum):
    A4 = "a4"
    CARD = "card"
    LARGE = "large"


LAYOUT_NAMES = {
    Layout.A4: "my-plan.pdf",
    Layout.CARD: "my-plan-card.pdf",
    Layout.LARGE: "my-plan-large-print.pdf",
}


@dataclass(frozen=True)
class PrintableSection:
    heading: str
    lines: list[str]


class _Cleaner:
    def __init__(self) -> None:
        self.replaced = False

    def __call__(self, text: str) -> str:
        out = []
        for char in text.translate(SUBSTITUTES):
            if char == "\n" or (32 <= ord(char) < 256 and not 127 <= ord(char) < 160):
                out.append(char)
            elif char == "\t":
                out.append(" ")
            else:
                self.replaced = True
                out.append("?")
        return "".join(out)


def _document(
    sections: list[PrintableSection],
    *,
    page: tuple[float, float] | str,
    margin: float,
    title_size: float,
    heading_size: float,
    body_size: float,
) -> FPDF:
    clean = _Cleaner()
    pdf = FPDF(format=page)
    pdf.set_title("My plan")
    pdf.set_author("Alongside")
    pdf.set_margins(margin, margin, margin)
    pdf.set_auto_page_break(auto=True, margin=margin)
    pdf.add_page()
    width = pdf.epw
    points_to_mm = 0.3528

    pdf.set_font("Helvetica", "B", title_size)
    pdf.multi_cell(width, title_size * points_to_mm * 1.3, "My plan")
    for section in sections:
        pdf.ln(body_size * points_to_mm * 0.6)
        pdf.set_font("Helvetica", "B", heading_size)
        pdf.multi_cell(width, heading_size * points_to_mm * 1.3, clean(section.heading))
        pdf.set_font("Helvetica", "", body_size)
        for line in section.lines:
            pdf.multi_cell(width, body_size * points_to_mm * 1.35, clean(line))
    if clean.replaced:
        pdf.ln(body_size * points_to_mm)
        # Large print keeps its size even here; the others set the note smaller.
        pdf.set_font("Helvetica", "I", body_size if body_size >= 18 else body_size - 1)
        pdf.multi_cell(width, body_size * points_to_mm * 1.3, REPLACED_NOTE)
    return pdf


def render_pdf(sections: list[PrintableSection], layout: Layout) -> bytes:
    """The PDF bytes for one layout. A4 shrinks its type (down to 7 pt) to keep the
    plan on one page; large print never goes below 18 pt and takes the pages it
    needs; the card is 85 x 55 mm, as many cards as the plan needs."""
    if layout == Layout.LARGE:
        pdf = _document(
            sections,
            page="A4",
            margin=18,
            title_size=30,
            heading_size=24,
            body_size=18,
        )
    elif layout == Layout.CARD:
        pdf = _document(
            sections,
            page=(85, 55),
            margin=4,
            title_size=9,
            heading_size=7,
            body_size=6.5,
        )
    else:
        for size in (11.0, 10.0, 9.0, 8.0, 7.0):
            pdf = _document(
                sections,
                page="A4",
                margin=15,
                title_size=size + 7,
                heading_size=size + 2,
                body_size=size,
            )
            if pdf.page_no() == 1:
                break
    return bytes(pdf.output())
