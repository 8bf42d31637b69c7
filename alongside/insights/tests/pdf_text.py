"""The text a PDF made with fpdf2 draws, read back from its compressed content
streams with the standard library alone, so that unit tests and browser journeys
can check what a report says."""

from __future__ import annotations

import re
import zlib


def pdf_strings(pdf: bytes) -> list[str]:
    """Every piece of text the PDF draws, in order: one string per line of text
    or table cell."""
    found = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue
        for raw in re.findall(rb"\(((?:\\.|[^\\)])*)\) Tj", content):
            found.append(re.sub(rb"\\(.)", rb"\1", raw).decode("latin-1"))
    return found
