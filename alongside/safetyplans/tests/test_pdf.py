"""The three printouts: one A4 page, a wallet card, and large print of 18 pt and up."""

from __future__ import annotations

import re
import zlib

from ..pdf import Layout, PrintableSection, render_pdf

SECTIONS = [
    PrintableSection("Things I can do on my own", ["A made-up walk.", "Tea."]),
    PrintableSection("People I can ask for help", ["A made-up friend: call 07700"]),
]


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def _font_sizes(pdf: bytes) -> list[float]:
    sizes = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            text = zlib.decompress(stream)
        except zlib.error:
            text = stream
        sizes += [float(size) for size in re.findall(rb"/F\d+ ([\d.]+) Tf", text)]
    return sizes


def _page_size(pdf: bytes) -> list[float]:
    found = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert found
    return [float(found[1]), float(found[2])]


def test_a4_is_one_page_even_when_the_plan_is_long() -> None:
    long_plan = [
        PrintableSection(f"Part {n}", ["A made-up sentence of some length. " * 30])
        for n in range(8)
    ]

    pdf = render_pdf(long_plan, Layout.A4)

    assert pdf.startswith(b"%PDF")
    assert _pages(pdf) == 1
    width, height = _page_size(pdf)
    assert round(width) == 595 and round(height) == 842


def test_large_print_never_goes_below_eighteen_points() -> None:
    emoji = [PrintableSection("Things worth holding on to", ["My cat \U0001f408"])]

    pdf = render_pdf(SECTIONS + emoji, Layout.LARGE)

    sizes = _font_sizes(pdf)
    assert sizes and min(sizes) >= 18


def test_the_card_is_wallet_sized() -> None:
    pdf = render_pdf(SECTIONS, Layout.CARD)

    width, height = _page_size(pdf)
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (85, 55)


def test_characters_the_font_cannot_show_are_replaced_and_explained() -> None:
    hostile = [
        PrintableSection(
            "\u202eRight to left \u0645\u0631\u062d\u0628\u0627",
            ["\U0001f600 <script>alert(1)</script> \x00 \t end"],
        )
    ]

    for layout in Layout:
        pdf = render_pdf(hostile, layout)
        assert pdf.startswith(b"%PDF")
        text = b"".join(
            zlib.decompress(s)
            for s in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL)
            if s[:1] == b"x"
        )
        assert b"question marks" in text
        assert b"My plan" in pdf or b"My plan" in text
