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
        content = _inflated(stream)
        if content is None:
            continue
        for raw in re.findall(rb"\(((?:\\.|[^\\)])*)\) Tj", content):
            found.append(re.sub(rb"\\(.)", rb"\1", raw).decode("latin-1"))
    return found


def _inflated(stream: bytes) -> bytes | None:
    """The stream's content, or None when it is not compressed. A compressed
    stream may end in a carriage return, which the pattern above reads as part of
    the line ending before "endstream": put it back when it was."""
    for candidate in (stream, stream + b"\r"):
        try:
            return zlib.decompress(candidate)
        except zlib.error:
            continue
    return None
